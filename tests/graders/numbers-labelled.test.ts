import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { numbers } from '../../src/graders/numbers/index.js';
import type { GradeResult } from '../../src/graders/types.js';

/**
 * Output/source pairs labelled with the figures of the output the source does not state
 * (`unsupported`, empty when every figure is there). What is measured is the grader's text-level
 * verdict "this output has an unsupported figure", and, where it is right, whether it points at
 * the labelled figures.
 */
interface Labelled {
  id: string;
  source: string;
  output: string;
  unsupported: string[];
  note?: string;
}

const rows: Labelled[] = readFileSync(new URL('./data/numbers-labelled.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Labelled);

const grader = numbers.create('numbers', {}, { dir: '.', place: {} });

function grade(row: Labelled): GradeResult {
  return grader.grade({
    output: row.output,
    case: { id: row.id, vars: { source: row.source }, expect: {} },
    suite: { id: 'summary.labelled', language: 'fr', dir: '.' },
  }) as GradeResult;
}

describe('numbers on the labelled pairs', () => {
  const results = rows.map((row) => {
    const result = grade(row);
    const flagged = (result.spans ?? []).map((span) => row.output.slice(span.start, span.end));
    return { row, result, flagged };
  });

  it('is a corpus of at least 40 pairs with positives and hard negatives, each label quoting the output', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    const negatives = rows.filter((row) => row.unsupported.length > 0);
    expect(negatives.length).toBeGreaterThanOrEqual(20);
    expect(rows.length - negatives.length).toBeGreaterThanOrEqual(20);
    for (const row of rows) for (const figure of row.unsupported) expect(row.output).toContain(figure);
    // The spellings the issue names are all there, so none can regress unseen.
    const outputs = rows.map((row) => row.output).join('\n');
    expect(outputs).toContain('\u202f');
    expect(outputs).toMatch(/pour cent/);
    expect(rows.map((row) => row.id)).toEqual(
      expect.arrayContaining([
        'neg-500-50',
        'unit-mg-g',
        'neg-days-weeks',
        'invented-percent',
        'range-bound',
      ]),
    );
  });

  it('reaches recall ≥ 0.9 and precision ≥ 0.9 on "the output has an unsupported figure"', () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    let pointedRight = 0;
    for (const { row, result, flagged } of results) {
      const labelled = row.unsupported.length > 0;
      const caught = !result.pass;
      if (labelled && caught) {
        truePositives++;
        if (JSON.stringify([...flagged].sort()) === JSON.stringify([...row.unsupported].sort()))
          pointedRight++;
      } else if (caught) falsePositives++;
      else if (labelled) falseNegatives++;
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    console.log(
      `numbers-labelled: n=${rows.length} pairs, precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} (tp=${truePositives} fp=${falsePositives} fn=${falseNegatives}); spans exactly the labelled figures in ${pointedRight}/${truePositives}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(pointedRight / truePositives).toBeGreaterThanOrEqual(0.9);
  });

  it('flags nothing in the faithful pairs', () => {
    const wrong = results
      .filter(({ row, result }) => row.unsupported.length === 0 && !result.pass)
      .map(({ row, flagged }) => `${row.id}: ${flagged.join(', ')}`);
    expect(wrong).toEqual([]);
  });
});
