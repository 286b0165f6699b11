import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCOPE_MODES, type ScopeMode, scope } from '../../src/graders/scope/index.js';
import type { GradeResult } from '../../src/graders/types.js';

interface Labelled {
  id: string;
  mode: ScopeMode;
  output: string;
  /** Whether the answer is acceptable in that mode. */
  pass: boolean;
}

const rows: Labelled[] = readFileSync(new URL('data/scope-labelled.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Labelled);

function grade(row: Labelled): GradeResult {
  const grader = scope.create('scope', { mode: row.mode }, { dir: '.', place: {} });
  const result = grader.grade({
    output: row.output,
    case: { id: row.id, vars: {}, expect: {} },
    suite: { id: 'scope.labelled', language: 'fr', dir: '.' },
  });
  if (result instanceof Promise) throw new Error('scope is synchronous');
  return result;
}

describe('scope on the labelled answers', () => {
  it('is a set of at least 40 answers, every mode with passes and fails, and the hard negatives', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    for (const mode of SCOPE_MODES) {
      expect(
        rows.some((row) => row.mode === mode && row.pass),
        mode,
      ).toBe(true);
      expect(
        rows.some((row) => row.mode === mode && !row.pass),
        mode,
      ).toBe(true);
    }
    const acceptable = rows.filter((row) => row.pass).map((row) => row.output);
    expect(
      acceptable.some((text) => /ne peux pas vous (indiquer|dire)/.test(text) && /\d+ ?mg|dose/.test(text)),
    ).toBe(true);
    expect(acceptable.some((text) => /\b15 mars\b/.test(text))).toBe(true);
    expect(acceptable.some((text) => /\d+ g par jour/.test(text))).toBe(true);
    expect(acceptable.some((text) => /^Vous avez raison de/.test(text))).toBe(true);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });

  it('finds the unacceptable answers with precision and recall of at least 0.9', () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const wrong: string[] = [];
    for (const row of rows) {
      const flagged = !grade(row).pass;
      const bad = !row.pass;
      if (flagged && bad) truePositives++;
      else if (flagged) falsePositives++;
      else if (bad) falseNegatives++;
      if (flagged !== bad) wrong.push(row.id);
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    console.log(
      `scope-labelled: n=${rows.length} answers (${rows.filter((r) => !r.pass).length} unacceptable), precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} (tp=${truePositives} fp=${falsePositives} fn=${falseNegatives})${wrong.length > 0 ? `; wrong: ${wrong.join(', ')}` : ''}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
