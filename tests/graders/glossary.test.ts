import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GlossaryConfig, glossary } from '../../src/graders/glossary.js';
import { type GradeResult, GraderError } from '../../src/graders/types.js';

const SOURCE = 'Votre médecin traitant vous prescrit une prise de sang à jeun au laboratoire.';
const OUTPUT = 'Your General Practitioner prescribes a fasting blood test at the laboratory.';

function grade(
  entries: unknown,
  output = OUTPUT,
  config: GlossaryConfig = {},
  vars: Record<string, unknown> = { source: SOURCE },
): GradeResult {
  const grader = glossary.create('glossary', config, { dir: '.', place: {} });
  return grader.grade({
    output,
    case: { id: 'c1', vars, expect: entries === undefined ? {} : { glossary: entries } },
    suite: { id: 'translation.test', language: 'en', dir: '.' },
  }) as GradeResult;
}

describe('glossary', () => {
  it('passes when every term is used, ignoring case, and marks each one', () => {
    const result = grade([{ target: 'general practitioner' }, { target: ['blood test', 'blood sample'] }]);
    expect(result).toMatchObject({ pass: true, score: 1, reason: 'all 2 glossary terms used' });
    const gp = OUTPUT.indexOf('General Practitioner');
    const blood = OUTPUT.indexOf('blood test');
    expect(result.spans).toEqual([
      { start: gp, end: gp + 'General Practitioner'.length, label: 'term' },
      { start: blood, end: blood + 'blood test'.length, label: 'term' },
    ]);
  });

  it('fails a missing term, naming its variants, and scores the share found', () => {
    const result = grade([
      { target: 'general practitioner' },
      { target: ['on an empty stomach', 'fasting state'] },
    ]);
    expect(result.pass).toBe(false);
    expect(result.score).toBe(0.5);
    expect(result.reason).toBe('used 1/2; missing: "on an empty stomach" | "fasting state"');
  });

  it('matches whole words only: "GP" is not in "GPS", "test" is not in "tests"', () => {
    expect(grade([{ target: 'GP' }], 'Use the GPS to find the laboratory.').pass).toBe(false);
    expect(grade([{ target: 'GP' }], 'Ask your GP.').pass).toBe(true);
    expect(grade([{ target: 'test' }], 'Two tests are needed.').pass).toBe(false);
  });

  it('ignores accents both ways and keeps spans on the original text', () => {
    const output = 'Llame a su medico de cabecera o al médico de guardia.';
    const result = grade([{ target: 'médico de cabecera' }], output);
    expect(result.pass).toBe(true);
    const at = output.indexOf('medico');
    expect(result.spans).toEqual([{ start: at, end: at + 18, label: 'term' }]);
    expect(output.slice(at, at + 18)).toBe('medico de cabecera');
    // And an accented output term is found by a plain glossary term, ending on the original.
    const accented = grade([{ target: 'Medico de guardia' }], output);
    const guard = output.indexOf('médico de guardia');
    expect(accented.spans).toEqual([{ start: guard, end: guard + 17, label: 'term' }]);
  });

  it('applies an entry with a source term only when the source holds it', () => {
    const entries = [
      { source: 'médecin traitant', target: 'general practitioner' },
      { source: 'carte vitale', target: 'health insurance card' },
    ];
    const result = grade(entries);
    expect(result).toMatchObject({ pass: true, score: 1, reason: 'all 1 glossary terms used' });
    // Accents and case folded on the source side too.
    const withCard = grade(entries, OUTPUT, {}, { source: `${SOURCE} Apportez votre Carte Vitale.` });
    expect(withCard.pass).toBe(false);
    expect(withCard.reason).toContain('"health insurance card"');
    // The source term is a whole word: "traitant" is not "médecin traitant".
    const other = grade(
      [{ source: 'médecin traitant', target: 'specialist' }],
      OUTPUT,
      {},
      { source: 'traitant' },
    );
    expect(other.reason).toBe('no glossary entry applies to this source');
  });

  it('passes with nothing to check when no entry applies', () => {
    const result = grade([{ source: 'ordonnance', target: 'prescription' }]);
    expect(result).toMatchObject({
      pass: true,
      score: 1,
      reason: 'no glossary entry applies to this source',
    });
  });

  it('reads the source from sourceVar, and needs it only for entries with a source term', () => {
    const entries = [{ source: 'médecin traitant', target: 'general practitioner' }];
    expect(grade(entries, OUTPUT, { sourceVar: 'texte' }, { texte: SOURCE }).pass).toBe(true);
    expect(() => grade(entries, OUTPUT, {}, {})).toThrow(/vars\.source/);
    expect(grade([{ target: 'laboratory' }], OUTPUT, {}, {}).pass).toBe(true);
  });

  it('honours minShare', () => {
    const entries = [{ target: 'laboratory' }, { target: 'pharmacy' }, { target: 'fasting' }];
    expect(grade(entries).pass).toBe(false);
    const result = grade(entries, OUTPUT, { minShare: 0.6 });
    expect(result.pass).toBe(true);
    expect(result.score).toBeCloseTo(2 / 3, 10);
  });

  it.each([
    ['missing', undefined, /expect\.glossary/],
    ['empty', [], /expect\.glossary/],
    ['not a list', { target: 'x' }, /expect\.glossary/],
    ['a string item', ['laboratory'], /glossary\[0\] must be an object/],
    ['no target', [{ source: 'x' }], /glossary\[0\]\.target/],
    ['an empty target', [{ target: '  ' }], /glossary\[0\]\.target/],
    ['an empty variant list', [{ target: [] }], /glossary\[0\]\.target/],
    ['a numeric variant', [{ target: ['ok', 3] }], /glossary\[0\]\.target/],
    ['a bad source', [{ source: 4, target: 'x' }], /glossary\[0\]\.source/],
    ['an unknown key', [{ target: 'x', term: 'y' }], /unknown key "term"/],
  ])('is a GraderError when expect.glossary is %s', (_what, entries, message) => {
    expect(() => grade(entries)).toThrow(GraderError);
    expect(() => grade(entries)).toThrow(message);
  });
});

describe('glossary never throws on an answer', () => {
  it('returns a score in 0..1 and spans inside the output, whatever the output', () => {
    const entries = [{ target: ['médecin', 'İ'] }, { source: 'prise de sang', target: 'blood test' }];
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        const result = grade(entries, `${text} Médecin İ blood test ${text}`);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        const output = `${text} Médecin İ blood test ${text}`;
        for (const span of result.spans ?? []) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(output.length);
          expect(span.end).toBeGreaterThan(span.start);
        }
      }),
      { numRuns: 200 },
    );
  });
});
