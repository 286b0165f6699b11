import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_SUITES, runAvec, tempDir } from '../helpers/cli.js';

function inputFile(lines: unknown[]): string {
  const file = join(tempDir(), 'outputs.jsonl');
  writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  return file;
}

describe('avec grade', () => {
  it('grades each line with default-configured graders reading expect', async () => {
    const file = inputFile([
      { id: 'ok', output: 'Appelez le 15 [1].', expect: { contains: ['15'], regex: '\\[\\d+\\]' } },
      { id: 'ko', output: 'Prenez 2 comprimés.', expect: { contains: ['15'], regex: '\\[\\d+\\]' } },
    ]);
    const result = await runAvec(['grade', '--graders', 'contains,regex', '--input', file]);
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.pass])).toEqual([
      ['ok', true],
      ['ko', false],
    ]);
    expect(lines[1].grades).toEqual([
      expect.objectContaining({ grader: 'contains', pass: false, score: 0 }),
      expect.objectContaining({ grader: 'regex', pass: false }),
    ]);
  });

  it("uses a suite's graders and configuration", async () => {
    const file = inputFile([
      {
        id: 'b',
        output: '```json\n{"dossier": "D-0001", "mode": "assis"}\n```',
        expect: { dossier: 'D-0001' },
      },
    ]);
    const result = await runAvec(['grade', '--suite', join(FIXTURE_SUITES, 'form.beta'), '--input', file]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      id: 'b',
      pass: true,
      grades: [
        { grader: 'json-schema', pass: true },
        { grader: 'dossier', pass: true },
      ],
    });
  });

  it('reports a line it cannot grade as an error, not a failure of the model', async () => {
    const file = inputFile([{ id: 'x', output: 'texte' }]);
    const result = await runAvec(['grade', '--graders', 'contains', '--input', file]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      id: 'x',
      pass: false,
      error: expect.stringMatching(/expect\.contains/),
    });
  });

  it('names the line of bad input, and unknown graders', async () => {
    const file = join(tempDir(), 'bad.jsonl');
    writeFileSync(file, '{"id": "a", "output": "x"}\n{oops\n');
    const bad = await runAvec(['grade', '--graders', 'contains', '--input', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.jsonl:2: invalid JSON/);
    const unknown = await runAvec(['grade', '--graders', 'factuality', '--input', file]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown grader "factuality"/);
  });
});
