import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  charNgrams,
  chrfFromStatistics,
  chrfPlusPlus,
  chrfStatistics,
  wordTokens,
} from '../../src/graders/translation/chrf.js';

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
/** F-beta with beta 2 of averaged precision and recall, on 0..100: what each worked example ends with. */
const f2 = (precision: number, recall: number) => (100 * 5 * precision * recall) / (4 * precision + recall);

describe('chrF++ tokenisation, as sacrebleu does it', () => {
  it('splits one ASCII punctuation character off the end, or else off the start', () => {
    expect(wordTokens('Bonjour, docteur.')).toEqual(['Bonjour', ',', 'docteur', '.']);
    expect(wordTokens('(hi)')).toEqual(['(hi', ')']);
    expect(wordTokens('"ok')).toEqual(['"', 'ok']);
    expect(wordTokens('. , !')).toEqual(['.', ',', '!']);
  });

  it('keeps French quotes and the ellipsis on their words, since they are not ASCII', () => {
    expect(wordTokens('«oui» non…')).toEqual(['«oui»', 'non…']);
  });

  it('splits on no-break spaces and drops all whitespace from character n-grams', () => {
    expect(wordTokens('10\u202fmg\u00a0x')).toEqual(['10', 'mg', 'x']);
    const grams = charNgrams('a b\tc');
    expect([...(grams[0]?.keys() ?? [])]).toEqual(['a', 'b', 'c']);
    expect([...(grams[2]?.keys() ?? [])]).toEqual(['abc']);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(charNgrams('😀a')[0]?.size).toBe(2);
    expect(charNgrams('😀a')[1]?.has('😀a')).toBe(true);
  });
});

describe('chrF++ worked examples', () => {
  it('is 100 for identical texts and 0 for texts with nothing in common', () => {
    expect(chrfPlusPlus('Prenez un comprimé.', 'Prenez un comprimé.')).toBe(100);
    expect(chrfPlusPlus('abc', 'xyz')).toBe(0);
    // Case is kept: "A" and "a" share no n-gram.
    expect(chrfPlusPlus('A', 'a')).toBe(0);
    expect(chrfPlusPlus('', 'a')).toBe(0);
    expect(chrfPlusPlus('a', '')).toBe(0);
  });

  it('"le chat" against "le chien": all eight orders count', () => {
    // Characters without spaces: hyp "lechat" (6), ref "lechien" (7).
    // order 1: hyp l e c h a t (6), ref l e c h i e n (7), shared l e c h = 4
    // order 2: hyp le ec ch ha at (5), ref le ec ch hi ie en (6), shared le ec ch = 3
    // order 3: hyp lec ech cha hat (4), ref lec ech chi hie ien (5), shared 2
    // order 4: hyp lech echa chat (3), ref lech echi chie hien (4), shared 1
    // order 5: hyp lecha echat (2), ref lechi echie chien (3), shared 0
    // order 6: hyp lechat (1), ref lechie echien (2), shared 0
    // words 1: [le, chat] vs [le, chien], shared 1; words 2: [le chat] vs [le chien], shared 0
    const statistics = chrfStatistics('le chat', 'le chien');
    expect(statistics).toEqual([
      { hyp: 6, ref: 7, match: 4 },
      { hyp: 5, ref: 6, match: 3 },
      { hyp: 4, ref: 5, match: 2 },
      { hyp: 3, ref: 4, match: 1 },
      { hyp: 2, ref: 3, match: 0 },
      { hyp: 1, ref: 2, match: 0 },
      { hyp: 2, ref: 2, match: 1 },
      { hyp: 1, ref: 1, match: 0 },
    ]);
    const precision = mean([4 / 6, 3 / 5, 2 / 4, 1 / 3, 0, 0, 1 / 2, 0]); // 2.6 / 8 = 0.325
    const recall = mean([4 / 7, 3 / 6, 2 / 5, 1 / 4, 0, 0, 1 / 2, 0]); // ≈ 0.27768
    expect(chrfPlusPlus('le chat', 'le chien')).toBeCloseTo(f2(precision, recall), 10);
    expect(chrfPlusPlus('le chat', 'le chien')).toBeCloseTo(28.6007, 3);
  });

  it('"(oui)" against "oui": orders the reference lacks do not count, and ")" is split off', () => {
    // Characters: hyp "(oui)" (5), ref "oui" (3).
    // order 1: hyp ( o u i ) (5), ref o u i (3), shared 3
    // order 2: hyp (o ou ui i) (4), ref ou ui (2), shared 2
    // order 3: hyp (ou oui ui) (3), ref oui (1), shared 1
    // orders 4-6: the reference has none, so the hypothesis's are not counted either
    // words 1: hyp ["(oui", ")"] (the last character is split off, only that one), ref ["oui"]: shared 0
    // words 2: hyp ["(oui )"], ref none: not counted
    // Effective orders: 1, 2, 3 and words 1.
    const precision = mean([3 / 5, 2 / 4, 1 / 3, 0]); // ≈ 0.35833
    const recall = mean([1, 1, 1, 0]); // 0.75
    expect(chrfPlusPlus('(oui)', 'oui')).toBeCloseTo(f2(precision, recall), 10);
    expect(chrfPlusPlus('(oui)', 'oui')).toBeCloseTo(61.5458, 3);
  });

  it('"aa aa" against "aa": a repeated n-gram matches only as often as the reference has it', () => {
    // Characters: hyp "aaaa", ref "aa".
    // order 1: hyp a×4, ref a×2, shared min(4, 2) = 2 → P 1/2, R 1
    // order 2: hyp aa×3, ref aa×1, shared 1 → P 1/3, R 1
    // orders 3-6: none in the reference
    // words 1: hyp [aa, aa], ref [aa], shared 1 → P 1/2, R 1; words 2: none in the reference
    // P = (1/2 + 1/3 + 1/2) / 3 = 4/9, R = 1, F2 = 5 × 4/9 / (16/9 + 1) = 20/25
    expect(chrfPlusPlus('aa aa', 'aa')).toBeCloseTo(80, 10);
  });

  it('"le chat" against "lechat": same characters, different words', () => {
    // Character orders 1-6 are identical (P = R = 1); words 1: [le, chat] vs [lechat], shared 0;
    // words 2: the reference has one word only, so not counted. P = R = 6/7.
    expect(chrfPlusPlus('le chat', 'lechat')).toBeCloseTo((100 * 6) / 7, 10);
  });

  it('weighs recall over precision (beta 2)', () => {
    // Reference inside the hypothesis: recall 1. Hypothesis inside the reference: precision 1.
    const longer = chrfPlusPlus('prenez un comprimé le soir', 'prenez un comprimé');
    const shorter = chrfPlusPlus('prenez un comprimé', 'prenez un comprimé le soir');
    expect(longer).toBeGreaterThan(shorter);
  });

  it('averages precision and recall before the F-score, skipping orders without n-grams', () => {
    expect(chrfFromStatistics([])).toBe(0);
    expect(chrfFromStatistics([{ hyp: 0, ref: 0, match: 0 }])).toBe(0);
    expect(
      chrfFromStatistics([
        { hyp: 2, ref: 4, match: 2 },
        { hyp: 0, ref: 3, match: 0 },
      ]),
    ).toBeCloseTo(f2(1, 0.5), 10);
  });
});

describe('chrF++ properties', () => {
  const text = fc.string({ maxLength: 40 });

  it('stays within 0..100', () => {
    fc.assert(
      fc.property(text, text, (hyp, ref) => {
        const score = chrfPlusPlus(hyp, ref);
        return score >= 0 && score <= 100;
      }),
    );
  });

  it('is 100 for any text with a non-space character compared with itself', () => {
    fc.assert(
      fc.property(
        text.filter((value) => /\S/.test(value)),
        (value) => Math.abs(chrfPlusPlus(value, value) - 100) < 1e-9,
      ),
    );
  });

  it('swapping the texts swaps precision and recall, so the two scores are within a factor 4', () => {
    // F2(P, R) / F2(R, P) = (4R + P) / (4P + R), which lies between 1/4 and 4.
    fc.assert(
      fc.property(text, text, (a, b) => {
        const one = chrfPlusPlus(a, b);
        const other = chrfPlusPlus(b, a);
        if (one === 0 || other === 0) return one === other;
        return Math.min(one, other) * 4 >= Math.max(one, other) - 1e-9;
      }),
    );
  });
});
