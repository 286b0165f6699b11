import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_SUITES, ROOT, runAvec, tempDir } from '../helpers/cli.js';
import { editFile } from '../helpers/suite-copy.js';

function copyOfFixtures(): string {
  const dir = join(tempDir(), 'suites');
  cpSync(FIXTURE_SUITES, dir, { recursive: true });
  return dir;
}

describe('avec suites', () => {
  it('the shipped suites lint clean and match their committed lock', async () => {
    const result = await runAvec(['suites', 'lint', 'suites']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ \d+ suite\(s\) checked, no problem/);
  });

  it('every shipped suite passes with the reference model (npm start)', async () => {
    const dir = tempDir();
    const result = await runAvec(
      ['run', 'suites/', '-m', 'builtin:reference', '--db', join(dir, 'a.db'), '--out', dir, '--json'],
      { cwd: ROOT },
    );
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as {
      rows: Array<{ suiteId: string; passRate: number; judged: number }>;
    };
    expect(summary.rows.length).toBeGreaterThanOrEqual(3);
    for (const row of summary.rows)
      expect({ suite: row.suiteId, passRate: row.passRate }).toEqual({ suite: row.suiteId, passRate: 1 });
  });

  it('lists suites as JSON', async () => {
    const result = await runAvec(['suites', 'list', FIXTURE_SUITES, '--json']);
    const listing = JSON.parse(result.stdout) as Array<{
      id: string;
      cases: number;
      graders: string[];
      fingerprint: string;
    }>;
    expect(listing.map((s) => [s.id, s.cases])).toEqual([
      ['form.beta', 2],
      ['summary.alpha', 3],
    ]);
    expect(listing[1]?.graders).toEqual(['contains', 'cites-a-source (regex)']);
    expect(listing[0]?.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('lock, then lint: an edit without a version bump fails, a bump and a new lock pass', async () => {
    const dir = copyOfFixtures();
    expect((await runAvec(['suites', 'lint', dir])).code).toBe(1);
    const locked = await runAvec(['suites', 'lock', dir]);
    expect(locked.stdout).toMatch(/added\s+summary\.alpha@1\.0\.0/);
    expect((await runAvec(['suites', 'lint', dir])).code).toBe(0);

    editFile(join(dir, 'summary.alpha', 'alpha.jsonl'), (t) => t.replace('52 %', '53 %'));
    const lint = await runAvec(['suites', 'lint', dir]);
    expect(lint.code).toBe(1);
    expect(lint.stderr).toMatch(/content of summary\.alpha changed but its version 1\.0\.0 was not bumped/);
    const refused = await runAvec(['suites', 'lock', dir]);
    expect(refused.code).toBe(2);

    editFile(join(dir, 'summary.alpha', 'suite.yaml'), (t) => t.replace('version: 1.0.0', 'version: 1.1.0'));
    const stale = await runAvec(['suites', 'lint', dir]);
    expect(stale.stderr).toMatch(/no entry for version 1\.1\.0/);
    expect(stale.stderr).toMatch(/now 1\.1\.0 but the lock records 1\.0\.0/);
    editFile(join(dir, 'summary.alpha', 'CHANGELOG.md'), (t) => `## 1.1.0\n\nChiffre corrigé.\n\n${t}`);
    expect((await runAvec(['suites', 'lock', dir])).stdout).toMatch(/updated\s+summary\.alpha@1\.1\.0/);
    expect((await runAvec(['suites', 'lint', dir])).code).toBe(0);
    const lock = JSON.parse(readFileSync(join(dir, 'avec-lock.json'), 'utf8'));
    expect(lock.suites['summary.alpha'].version).toBe('1.1.0');
  });

  it('a title or threshold edit keeps the fingerprint', async () => {
    const dir = copyOfFixtures();
    await runAvec(['suites', 'lock', dir]);
    editFile(join(dir, 'summary.alpha', 'suite.yaml'), (t) =>
      t.replace('Suite de test alpha', 'Autre titre').replace('minPassRate: 0.6', 'minPassRate: 0.7'),
    );
    expect((await runAvec(['suites', 'lint', dir])).code).toBe(0);
  });

  it('lint lists every problem across suites, not only the first', async () => {
    const dir = copyOfFixtures();
    await runAvec(['suites', 'lock', dir]);
    editFile(join(dir, 'summary.alpha', 'suite.yaml'), (t) =>
      t.replace('  - type: contains', '  - type: nope'),
    );
    editFile(join(dir, 'form.beta', 'suite.yaml'), (t) => t.replace('use: form', 'use: form\nextra: 1'));
    const lint = await runAvec(['suites', 'lint', dir]);
    expect(lint.code).toBe(1);
    expect(lint.stderr).toMatch(/unknown grader type "nope"/);
    expect(lint.stderr).toMatch(/unknown key "extra"/);
    expect(lint.stdout).toMatch(/2 problem\(s\) in 2 suite\(s\)/);
  });
});
