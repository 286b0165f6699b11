import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, foldWithOffsets, originalRange } from '../../../src/graders/text/normalize.js';

describe('foldWithOffsets', () => {
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
        expect(folded.origin.at(-1)).toBe(original.length);
      }),
      { numRuns: 500 },
    );
  });
});
