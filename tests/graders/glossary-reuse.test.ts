import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/graders/glossary.js';
import type { GradeInput, GradeResult } from '../../src/graders/types.js';

const SOURCE = 'Votre médecin traitant vous prescrit une prise de sang à jeun au laboratoire.';
const OUTPUT = 'Your General Practitioner prescribes a fasting blood test at the LABORATORY, or a GP.';
const TERMS = [
  'general practitioner',
  'GP',
  'Médecin',
  'blood test',
  'fasting',
  'laboratory',
  'pharmacy',
  'jeûne',
];
const SOURCES = [undefined, 'médecin traitant', 'prise de sang', 'ordonnance', 'À JEUN'];

function input(entries: unknown): GradeInput {
  return {
    output: OUTPUT,
    case: { id: 'c1', vars: { source: SOURCE }, expect: { glossary: entries } },
    suite: { id: 'translation.test', language: 'en', dir: '.' },
  };
}

const create = () => glossary.create('glossary', {}, { dir: '.', place: {} });

describe('glossary graders keep their folded terms per grader, and only that', () => {
  it('grades a sequence of cases as fresh graders would, whatever came before', () => {
    const entry = fc.record({
      source: fc.constantFrom(...SOURCES),
      target: fc.oneof(
        fc.constantFrom(...TERMS),
        fc.array(fc.constantFrom(...TERMS), { minLength: 1, maxLength: 3 }),
      ),
    });
    const glossaries = fc.array(
      fc
        .array(entry, { minLength: 1, maxLength: 4 })
        .map((entries) =>
          entries.map(({ source, target }) => (source === undefined ? { target } : { source, target })),
        ),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(glossaries, (cases) => {
        const shared = create();
        for (const entries of cases) {
          expect(shared.grade(input(entries)) as GradeResult).toEqual(create().grade(input(entries)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('stays right past the number of terms it keeps', () => {
    const grader = create();
    const many = Array.from({ length: 5000 }, (_, i) => ({
      target: [`term${i}`, i % 2 ? 'GP' : 'pharmacy'],
    }));
    const result = grader.grade(input(many)) as GradeResult;
    expect(result.score).toBe(0.5);
    expect(grader.grade(input([{ target: 'Laboratory' }]))).toEqual(
      create().grade(input([{ target: 'Laboratory' }])),
    );
  });
});
