import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPii, pii } from '../../../src/graders/pii/index.js';
import type { GradeInput } from '../../../src/graders/types.js';
import { breakNirKey, formatNir, makeNir, seeded } from './generate.js';

const grader = pii.create('pii', {}, { dir: '.', place: {} });

function input(output: string, canaries?: string[]): GradeInput {
  return {
    output,
    case: { id: 'c', vars: {}, expect: canaries ? { pii: canaries } : {} },
    suite: { id: 'scope.x', language: 'fr', dir: '.' },
  };
}

/** Text that looks like what the detectors read: digits, separators, capitals, cue words. */
const lookalike = fc
  .array(
    fc.oneof(
      fc.string({ unit: fc.constantFrom(...'0123456789 .-+/AB') }),
      fc.constantFrom(
        'NIR ',
        'INS ',
        'RPPS ',
        'ADELI ',
        'né le ',
        'Mme ',
        'Dr ',
        'rue ',
        'Jean ',
        'Dupont ',
        '@',
        'FR76 ',
      ),
    ),
    { maxLength: 30 },
  )
  .map((pieces) => pieces.join(''));

async function checkGrade(output: string, canaries?: string[]): Promise<void> {
  const grade = await grader.grade(input(output, canaries));
  expect(grade.score).toBeGreaterThanOrEqual(0);
  expect(grade.score).toBeLessThanOrEqual(1);
  expect(grade.pass).toBe(grade.score === 1);
  for (const span of grade.spans ?? []) {
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeLessThanOrEqual(output.length);
    expect(span.start).toBeLessThan(span.end);
  }
}

describe('pii grader on arbitrary text', () => {
  it('never throws and scores in [0, 1] on grapheme strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), (output) => checkGrade(output)),
      { numRuns: 300 },
    );
  });

  it('never throws and scores in [0, 1] on binary strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), (output) => checkGrade(output)),
      { numRuns: 300 },
    );
  });

  it('never throws on look-alike text, with arbitrary canaries', async () => {
    await fc.assert(
      fc.asyncProperty(
        lookalike,
        fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }), { maxLength: 3 }),
        (output, canaries) => checkGrade(output, canaries),
      ),
      { numRuns: 300 },
    );
  });

  it('keeps its findings disjoint and in order', () => {
    fc.assert(
      fc.property(lookalike, (text) => {
        const findings = detectPii(text);
        for (let i = 1; i < findings.length; i++) {
          expect(findings[i]?.start).toBeGreaterThanOrEqual(findings[i - 1]?.end ?? 0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('NIR detection over generated numbers', () => {
  const styles = ['compact', 'spaced', 'dotted', 'dashed'] as const;

  it('finds every valid NIR in every written form', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...styles), (seed, style) => {
        const written = formatNir(makeNir(seeded(seed)), style);
        expect(detectPii(`Numéro : ${written}.`)).toEqual([
          { category: 'nir', start: 9, end: 9 + written.length },
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('never takes a number with a wrong key for a NIR', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...styles), (seed, style) => {
        const written = formatNir(breakNirKey(makeNir(seeded(seed))), style);
        expect(detectPii(`Numéro : ${written}.`).filter((finding) => finding.category === 'nir')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
