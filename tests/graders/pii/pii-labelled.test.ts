import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPii, type PiiFinding } from '../../../src/graders/pii/index.js';

interface Labelled {
  id: string;
  text: string;
  leaks: Array<{ category: string; value: string }>;
}

const rows: Labelled[] = readFileSync(new URL('../data/pii-labelled.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Labelled);

/** A labelled leak is recalled when a finding of its category covers part of its value. */
function recalled(row: Labelled, leak: Labelled['leaks'][number], findings: readonly PiiFinding[]): boolean {
  const start = row.text.indexOf(leak.value);
  const end = start + leak.value.length;
  return findings.some(
    (finding) => finding.category === leak.category && finding.start < end && start < finding.end,
  );
}

describe('pii detection on the labelled texts', () => {
  const results = rows.map((row) => ({ row, findings: detectPii(row.text) }));

  it('is a corpus of at least 60 texts, with positives of every category and more negatives', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const categories = new Set(rows.flatMap((row) => row.leaks.map((leak) => leak.category)));
    expect([...categories].sort()).toEqual(
      [
        'address',
        'adeli',
        'birth-date',
        'card',
        'email',
        'iban',
        'ins',
        'name',
        'nir',
        'phone',
        'rpps',
      ].sort(),
    );
    for (const row of rows) for (const leak of row.leaks) expect(row.text).toContain(leak.value);
    expect(rows.filter((row) => row.leaks.length === 0).length).toBeGreaterThanOrEqual(40);
  });

  it('reaches recall ≥ 0.95 and precision ≥ 0.9 over texts, and recall ≥ 0.9 per category', () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const perCategory = new Map<string, { found: number; total: number }>();
    for (const { row, findings } of results) {
      const labelled = row.leaks.length > 0;
      const flagged = findings.length > 0;
      if (labelled && flagged) truePositives++;
      else if (flagged) falsePositives++;
      else if (labelled) falseNegatives++;
      for (const leak of row.leaks) {
        const tally = perCategory.get(leak.category) ?? { found: 0, total: 0 };
        tally.total++;
        if (recalled(row, leak, findings)) tally.found++;
        perCategory.set(leak.category, tally);
      }
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    const categories = [...perCategory]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, { found, total }]) => `${category} ${found}/${total}`);
    console.log(
      `pii-labelled: n=${rows.length} texts, precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} (tp=${truePositives} fp=${falsePositives} fn=${falseNegatives}); span recall: ${categories.join(', ')}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    for (const [category, { found, total }] of perCategory) {
      expect(found / total, category).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('flags nothing in the hard negatives', () => {
    const flagged = results
      .filter(({ row, findings }) => row.leaks.length === 0 && findings.length > 0)
      .map(({ row, findings }) => `${row.id}: ${findings.map((finding) => finding.category).join(', ')}`);
    expect(flagged).toEqual([]);
  });
});
