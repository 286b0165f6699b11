import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldText,
  foldWithOffsets,
  foldWithRuns,
  originalRange,
  originalRangeOfRuns,
  runOrigin,
} from '../../../src/graders/text/normalize.js';

/** The definition of folding, as a chain of regular expressions over the whole text. */
function foldByDefinition(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[\u00A0\u202F\u2007\u2009\s]+/g, ' ')
    .toLowerCase()
    .trim();
}

/** Any string, with the characters folding treats specially drawn often. */
const foldable = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.constantFrom(
        ' ',
        '  ',
        '\u00A0',
        '\u202F',
        '\t\n',
        '\u0301',
        'É',
        'ß',
        'İ',
        'Σ',
        'ΟΔΟΣ ',
        '’',
        '—',
        '\u2001',
        '😀',
        '\ud800',
        '\udc00',
        'ﬁ',
        'Ǆ',
        '한국',
      ),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('foldText', () => {
  it('equals the definition on any text (property)', () => {
    fc.assert(
      fc.property(foldable, (text) => {
        expect(foldText(text)).toBe(foldByDefinition(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('equals the definition on long texts whose characters fold to several units', () => {
    // Hangul syllables decompose into two or three letters: the folded text outgrows the original.
    const long = `${'Élève 한국어 '.repeat(800)}fin`;
    expect(foldText(long)).toBe(foldByDefinition(long));
    const folded = foldWithOffsets(long);
    expect(folded.text).toBe(foldByDefinition(long));
    expect(folded.origin).toHaveLength(folded.text.length + 1);
  });

  it('equals the definition when a combining accent sits between two spaces', () => {
    expect(foldText('a \u0301 b')).toBe('a b');
    expect(foldWithOffsets('a \u0301 b').text).toBe('a b');
  });
});

describe('foldWithOffsets', () => {
  it('folds to foldText, before the trim, on any text without a capital sigma (property)', () => {
    fc.assert(
      fc.property(foldable, (text) => {
        fc.pre(!text.includes('Σ'));
        expect(foldWithOffsets(text).text.trim()).toBe(foldByDefinition(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('folds case, accents, apostrophes, dashes and runs of spaces', () => {
    expect(foldWithOffsets('L’Hôpital  —  Élève\u202F5').text).toBe("l'hopital - eleve 5");
    expect(foldText('ÉCOLE')).toBe('ecole');
  });

  it('maps a folded range back to the original, past astral characters and combining accents', () => {
    const original = '𐀀ì Médecin e\u0301tude 😀 fin';
    const folded = foldWithOffsets(original);
    const at = folded.text.indexOf('medecin');
    expect(original.slice(...Object.values(originalRange(folded, at, at + 7)))).toBe('Médecin');
    const etude = folded.text.indexOf('etude');
    const range = originalRange(folded, etude, etude + 5);
    expect(original.slice(range.start, range.end)).toBe('e\u0301tude');
    const fin = folded.text.indexOf('fin');
    const end = originalRange(folded, fin, fin + 3);
    expect(original.slice(end.start, end.end)).toBe('fin');
  });

  it('keeps one origin per folded UTF-16 unit, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (original) => {
        const folded = foldWithOffsets(original);
        expect(folded.origin).toHaveLength(folded.text.length + 1);
        for (let i = 1; i < folded.origin.length; i++) {
          expect(folded.origin[i]).toBeGreaterThanOrEqual(folded.origin[i - 1] as number);
        }
        expect(folded.origin[folded.origin.length - 1]).toBe(original.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('foldWithRuns', () => {
  it('folds as foldWithOffsets and maps any range back the same (property)', () => {
    fc.assert(
      fc.property(foldable, fc.nat(40), fc.nat(40), (text, a, b) => {
        const table = foldWithOffsets(text);
        const runs = foldWithRuns(text);
        expect(runs.text).toBe(table.text);
        const [start, end] = a <= b ? [a, b] : [b, a];
        expect(originalRangeOfRuns(runs, start, end)).toEqual(originalRange(table, start, end));
        for (let at = 0; at <= table.text.length; at++) {
          expect(originalRangeOfRuns(runs, at, at + 1)).toEqual(originalRange(table, at, at + 1));
          expect(runOrigin(runs, at)).toBe(table.origin[at]);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
