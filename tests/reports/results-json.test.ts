import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeResultsJson } from '../../src/reports/results-json.js';
import type { CaseResult } from '../../src/run/types.js';
import { tempDir } from '../helpers/cli.js';
import { caseResult } from '../helpers/stored-run.js';

function result(index: number): CaseResult {
  return caseResult({
    caseId: `c${index}`,
    outcome: index % 3 === 0 ? 'fail' : 'pass',
    // Long enough, with quotes and line breaks, that the file spans many chunks.
    output: `Réponse n° ${index} : « ${'posologie '.repeat(index % 50)} »\n"fin"`,
  });
}

describe('writeResultsJson', () => {
  it('writes every result once, in order, as one JSON array across many chunks', async () => {
    const results = Array.from({ length: 3000 }, (_, i) => result(i));
    const file = join(tempDir(), 'nested', 'results.json');
    const count = await writeResultsJson(results, file);
    expect(count).toBe(3000);
    const text = readFileSync(file, 'utf8');
    expect(text.length).toBeGreaterThan(4 * (1 << 18));
    expect(JSON.parse(text)).toEqual(results);
    expect(text.split('\n')).toHaveLength(3000 + 3);
  });

  it('applies the transform to each result and writes an empty array for none', async () => {
    const dir = tempDir();
    await writeResultsJson([result(1), result(2)], join(dir, 'a.json'), (r) => ({ ...r, output: '***' }));
    expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).map((r: CaseResult) => r.output)).toEqual([
      '***',
      '***',
    ]);
    expect(await writeResultsJson([], join(dir, 'b.json'))).toBe(0);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe('[]\n');
  });
});
