import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citations } from '../../src/graders/citations/index.js';
import type { GradeResult, Span } from '../../src/graders/types.js';

interface Labelled {
  id: string;
  output: string;
  sources: unknown;
  invented: string[];
}

const rows: Labelled[] = readFileSync(new URL('./data/citations-labelled.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Labelled);

const grader = citations.create('citations', {}, { dir: '.', place: {} });

function grade(row: Labelled): GradeResult {
  return grader.grade({
    output: row.output,
    case: { id: row.id, vars: { sources: row.sources }, expect: {} },
    suite: { id: 'summary.labelled', language: 'fr', dir: '.' },
  }) as GradeResult;
}

/** Where a labelled marker is written; each is written once in its text. */
function rangeOf(row: Labelled, marker: string): { start: number; end: number } {
  const start = row.output.indexOf(marker);
  return { start, end: start + marker.length };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

describe('citations on the labelled texts', () => {
  const results = rows.map((row) => {
    const result = grade(row);
    const spans: Span[] = (result.spans ?? []).filter((span) => span.label === 'invented-citation');
    return { row, result, spans };
  });

  it('is a corpus of at least 30 texts in both sources forms, with clean texts and texts with a fake', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(rows.filter((row) => row.invented.length === 0).length).toBeGreaterThanOrEqual(15);
    expect(rows.filter((row) => row.invented.length > 0).length).toBeGreaterThanOrEqual(15);
    expect(rows.some((row) => typeof row.sources === 'string')).toBe(true);
    expect(rows.some((row) => Array.isArray(row.sources))).toBe(true);
    for (const row of rows) {
      for (const marker of row.invented) {
        expect(rangeOf(row, marker).start, `${row.id}: ${marker}`).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('finds every invented reference (recall 1) with precision ≥ 0.9, over texts and per marker', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let markersFound = 0;
    let markersTotal = 0;
    let spansRight = 0;
    let spansTotal = 0;
    const misses: string[] = [];
    for (const { row, result, spans } of results) {
      const labelled = row.invented.length > 0;
      if (labelled && !result.pass) tp++;
      else if (!result.pass) fp++;
      else if (labelled) fn++;
      if (labelled === result.pass) misses.push(`${row.id}: ${result.reason}`);
      const ranges = row.invented.map((marker) => rangeOf(row, marker));
      for (const range of ranges) {
        markersTotal++;
        if (spans.some((span) => overlaps(span, range))) markersFound++;
        else misses.push(`${row.id}: missed ${row.output.slice(range.start, range.end)}`);
      }
      for (const span of spans) {
        spansTotal++;
        if (ranges.some((range) => overlaps(span, range))) spansRight++;
        else misses.push(`${row.id}: flagged ${row.output.slice(span.start, span.end)}`);
      }
    }
    const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
    const textPrecision = ratio(tp, tp + fp);
    const textRecall = ratio(tp, tp + fn);
    const markerPrecision = ratio(spansRight, spansTotal);
    const markerRecall = ratio(markersFound, markersTotal);
    console.log(
      `citations-labelled: n=${rows.length} texts, text precision=${textPrecision.toFixed(3)} recall=${textRecall.toFixed(3)} (tp=${tp} fp=${fp} fn=${fn}); marker precision=${markerPrecision.toFixed(3)} (${spansRight}/${spansTotal}) recall=${markerRecall.toFixed(3)} (${markersFound}/${markersTotal})`,
    );
    expect(textRecall, misses.join('\n')).toBe(1);
    expect(markerRecall, misses.join('\n')).toBe(1);
    expect(textPrecision, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(markerPrecision, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
