import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chrfStatistics, type OrderStatistics, wordTokens } from '../../src/graders/translation/chrf.js';

/**
 * chrF++ statistics the plain way, with a string per n-gram, as chrf.ts computed them before it
 * counted integer ids: the oracle the fast counting must agree with, count for count.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+001C–U+001F are whitespace to Python.
const WHITESPACE = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;
const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

function oracleTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const word of text.split(WHITESPACE).filter((token) => token !== '')) {
    const chars = Array.from(word);
    const last = chars[chars.length - 1] as string;
    const first = chars[0] as string;
    if (chars.length === 1) tokens.push(word);
    else if (PUNCTUATION.has(last)) tokens.push(chars.slice(0, -1).join(''), last);
    else if (PUNCTUATION.has(first)) tokens.push(first, chars.slice(1).join(''));
    else tokens.push(word);
  }
  return tokens;
}

function grams(items: string[], maxOrder: number, joiner: string): Array<Map<string, number>> {
  const orders: Array<Map<string, number>> = [];
  for (let n = 1; n <= maxOrder; n++) {
    const counts = new Map<string, number>();
    for (let i = 0; i + n <= items.length; i++) {
      const gram = items.slice(i, i + n).join(joiner);
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
    orders.push(counts);
  }
  return orders;
}

function oracleStatistics(hypothesis: string, reference: string): OrderStatistics[] {
  const chars = (text: string) => Array.from(text.split(WHITESPACE).join(''));
  const hyp = [...grams(chars(hypothesis), 6, ''), ...grams(oracleTokens(hypothesis), 2, ' ')];
  const ref = [...grams(chars(reference), 6, ''), ...grams(oracleTokens(reference), 2, ' ')];
  return hyp.map((counts, i) => {
    const other = ref[i] as Map<string, number>;
    let hypCount = 0;
    let match = 0;
    let refCount = 0;
    for (const [gram, n] of counts) {
      hypCount += n;
      match += Math.min(n, other.get(gram) ?? 0);
    }
    for (const n of other.values()) refCount += n;
    return { hyp: other.size > 0 ? hypCount : 0, ref: refCount, match };
  });
}

// Whitespace of both kinds, ASCII and French punctuation, accents composed and not, an emoji,
// its two halves alone (which removing a space can join), Arabic, and a few plain letters.
const PIECES = [
  ...[' ', '\t', '\n', '\u00a0', '\u202f', '\u2003', '\u0085', '\u001c', '\ufeff'],
  ...['.', ',', '(', ')', '«', '»', '…', '-', "'"],
  ...['a', 'b', 'A', 'é', 'e\u0301', '1', '😀', '\ud83d', '\ude00', 'ب', 'ا'],
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join('')),
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.string({ maxLength: 40 }),
);

describe('chrF++ statistics agree with counting a string per n-gram', () => {
  it('on random texts, with surrogates, every kind of whitespace and punctuation', () => {
    fc.assert(
      fc.property(text, text, (hyp, ref) => {
        expect(chrfStatistics(hyp, ref)).toEqual(oracleStatistics(hyp, ref));
        expect(wordTokens(hyp)).toEqual(oracleTokens(hyp));
      }),
      { numRuns: 3000 },
    );
  });

  // The counting reuses scratch tables from call to call: what one call leaves must not leak.
  it('for many hypotheses against one reference, in turn and twice over', () => {
    fc.assert(
      fc.property(text, fc.array(text, { minLength: 2, maxLength: 6 }), (ref, hyps) => {
        for (const hyp of [...hyps, ...hyps]) {
          expect(chrfStatistics(hyp, ref)).toEqual(oracleStatistics(hyp, ref));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('on the translation suite: references against each other and against their sources', () => {
    const cases = readFileSync(
      new URL('../../datasets/translation.patient-info.jsonl', import.meta.url),
      'utf8',
    )
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { reference: string; vars: { source: string } });
    for (const [i, { reference, vars }] of cases.entries()) {
      const other = (cases[(i + 1) % cases.length] as { reference: string }).reference;
      for (const [hyp, ref] of [
        [reference, reference],
        [reference, other],
        [vars.source, reference],
        [reference.slice(0, 120), reference],
      ] as const) {
        expect(chrfStatistics(hyp, ref)).toEqual(oracleStatistics(hyp, ref));
      }
    }
  });

  it('on texts with thousands of distinct characters, whose n-gram pairs outgrow the table', () => {
    const han = Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    const astral = Array.from({ length: 9000 }, (_, i) => String.fromCodePoint(0x20000 + (i % 4500))).join(
      '',
    );
    const spaced = han.replace(/(.{7})/gu, '$1 ');
    const shuffled = Array.from(han).reverse().join('');
    for (const [hyp, ref] of [
      [han, han],
      [spaced, han],
      [shuffled, spaced],
      [astral.slice(0, 4000), astral],
      [astral, `${han} ${astral}`],
      [astral, astral],
    ] as const) {
      expect(chrfStatistics(hyp, ref)).toEqual(oracleStatistics(hyp, ref));
    }
  });
});
