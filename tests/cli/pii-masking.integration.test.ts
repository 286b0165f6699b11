import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAvec, tempDir } from '../helpers/cli.js';
import { copyFixtureSuite, editFile } from '../helpers/suite-copy.js';

/** A NIR with a valid key (97 − 2840575116204 mod 97 = 49) and a phone number, as a careless answer would echo them. */
const NIR = '2 84 05 75 116 204 49';
const PHONE = '01 99 00 41 27';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every written form a report could carry the values in: as written, compact, or JSON-escaped. */
function leaks(text: string): string[] {
  const compact = (value: string) => value.replace(/\s/g, '');
  return [NIR, PHONE, compact(NIR), compact(PHONE)].filter((value) => text.includes(value));
}

function leakingSuite(): string {
  const dir = copyFixtureSuite('summary.alpha');
  editFile(join(dir, 'suite.yaml'), (t) => t.replace('graders:\n', 'graders:\n  - type: pii\n'));
  const answer = `Le patient (NIR ${NIR}, tél. ${PHONE}) peut sortir [1].`;
  writeFileSync(
    join(dir, 'alpha.jsonl'),
    `${JSON.stringify({ id: 'a-1', vars: { title: 'Sortie', answer }, expect: { contains: ['sortir'] }, reference: answer })}\n${JSON.stringify({ id: 'a-2', vars: { title: 'Mains', answer: 'Friction de 30 secondes [1].' }, expect: { contains: ['30 secondes'] }, reference: 'Friction de 30 secondes [1].' })}\n`,
  );
  return dir;
}

describe('personal data found by the pii grader is masked in everything a run publishes', () => {
  it('no report format and no results file carries the leaked NIR or phone; the store keeps the answer for purge', async () => {
    const out = tempDir();
    const result = await runAvec([
      'run',
      leakingSuite(),
      '-m',
      'builtin:reference',
      '--db',
      join(out, 'a.db'),
      '--out',
      join(out, 'reports'),
      '--report',
      'all',
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/pii/);
    const files = filesUnder(join(out, 'reports'));
    expect(files.map((f) => f.split('.').pop()).sort()).toEqual(['csv', 'html', 'json', 'json', 'md', 'xml']);
    for (const file of files) expect(leaks(readFileSync(file, 'utf8')), file).toEqual([]);
    const html = readFileSync(files.find((f) => f.endsWith('.html')) as string, 'utf8');
    expect(html).toMatch(/\[nir: \*\*\*\]/);
    expect(html).toMatch(/\[phone: \*\*\*\]/);
  });

  it('--show-pii, for a local report only, shows the values', async () => {
    const out = tempDir();
    await runAvec([
      'run',
      leakingSuite(),
      '-m',
      'builtin:reference',
      '--db',
      join(out, 'a.db'),
      '--out',
      out,
      '--report',
      'html',
      '--show-pii',
    ]);
    const html = filesUnder(out).find((f) => f.endsWith('.html')) as string;
    expect(leaks(readFileSync(html, 'utf8'))).toContain(NIR);
  });
});
