/**
 * chrF++ (Popović 2017) as sacrebleu computes it with `CHRF(word_order=2)` and its defaults, so
 * that a score here can be compared with the figures translation papers and tools report:
 * character n-grams of order 1 to 6 over the text with whitespace removed, word n-grams of
 * order 1 and 2, case kept, beta 2, and sacrebleu's "effective order" (no epsilon smoothing).
 * Characters are Unicode code points, as Python counts them, not UTF-16 units.
 */

import { grown, ngramStatistics, type OrderStatistics, PairNumbers } from './ngrams.js';

export type { OrderStatistics };

export const CHAR_ORDER = 6;
export const WORD_ORDER = 2;
const BETA = 2;

// What Python's str.split() splits on (str.isspace), which differs from JS's \s: it includes the
// information separators and U+0085, and not U+FEFF. The no-break spaces of French typography
// ("10 mg", "« oui »") are whitespace for both.
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+001C–U+001F are whitespace to Python.
const WHITESPACE = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

/** The characters WHITESPACE matches, for code that walks a text unit by unit. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code >= 0x1c;
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Python's string.punctuation: only ASCII, so "«", "»" and "…" stay glued to their words. */
function isPunctuation(code: number): boolean {
  return (
    (code >= 0x21 && code <= 0x2f) ||
    (code >= 0x3a && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e)
  );
}

/**
 * Where the word tokens are, as [start, end) offsets one after the other: split on whitespace,
 * then one punctuation character split off the end of a word, or else off its start (never
 * both: "(hi)" gives "(hi" and ")", as sacrebleu does).
 */
function tokenRanges(text: string): number[] {
  const ranges: number[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSpace(text.charCodeAt(i))) {
      if (start === -1) start = i;
      continue;
    }
    if (start === -1) continue;
    // A word of one code point stays whole. Punctuation is ASCII, so a longer word's first or
    // last UTF-16 unit is punctuation exactly when its first or last code point is.
    if (i - start === 1) ranges.push(start, i);
    else if (isPunctuation(text.charCodeAt(i - 1))) ranges.push(start, i - 1, i - 1, i);
    else if (isPunctuation(text.charCodeAt(start))) ranges.push(start, start + 1, start + 1, i);
    else ranges.push(start, i);
    start = -1;
  }
  return ranges;
}

/** The words of the word n-grams (see tokenRanges). */
export function wordTokens(text: string): string[] {
  const ranges = tokenRanges(text);
  const tokens: string[] = [];
  for (let i = 0; i < ranges.length; i += 2) tokens.push(text.slice(ranges[i], ranges[i + 1]));
  return tokens;
}

/** Character n-grams of each order 1..CHAR_ORDER, whitespace removed first. */
export function charNgrams(text: string): Array<Map<string, number>> {
  const chars = Array.from(text.split(WHITESPACE).join(''));
  const orders: Array<Map<string, number>> = [];
  for (let n = 1; n <= CHAR_ORDER; n++) {
    const counts = new Map<string, number>();
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = chars.slice(i, i + n).join('');
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
    orders.push(counts);
  }
  return orders;
}

/** 1 + the id of each BMP code point met by the current call, 0 for the others: zeroed after each call. */
const BMP_IDS = new Int32Array(0x10000);
// The ids of one call's characters and words, overwritten by the next call.
let charIds: Int32Array = new Int32Array(1 << 10);
let tokenIds: Int32Array = new Int32Array(1 << 8);

/** The code points met by one call, numbered from 0: the BMP ones in BMP_IDS, the others here. */
interface CodePoints {
  bmp: number[];
  astral: Map<number, number>;
  /** Non-space UTF-16 units read, and how many of them were surrogates. */
  units: number;
  surrogates: number;
}

function codePointId(code: number, met: CodePoints): number {
  if (code > 0xffff) {
    let id = met.astral.get(code);
    if (id === undefined) {
      id = met.bmp.length + met.astral.size;
      met.astral.set(code, id);
    }
    return id;
  }
  const known = BMP_IDS[code] as number;
  if (known !== 0) return known - 1;
  const id = met.bmp.length + met.astral.size;
  BMP_IDS[code] = id + 1;
  met.bmp.push(code);
  return id;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const joined = (high: number, low: number) => (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;

/**
 * Writes the ids of the text's code points from `at`, whitespace removed (as Array.from reads
 * the joined rest), and returns where they end.
 */
function codePointIds(text: string, ids: Int32Array, at: number, met: CodePoints): number {
  let end = at;
  // Removing whitespace may join a high surrogate to a low one: one code point, as in Python.
  let high = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) continue;
    met.units++;
    if (code >= 0xd800 && code <= 0xdfff) met.surrogates++;
    if (high !== -1) {
      if (isLow(code)) {
        ids[end++] = codePointId(joined(high, code), met);
        high = -1;
        continue;
      }
      ids[end++] = codePointId(high, met);
      high = -1;
    }
    if (isHigh(code)) high = code;
    else ids[end++] = codePointId(code, met);
  }
  if (high !== -1) ids[end++] = codePointId(high, met);
  return end;
}

/**
 * The ids of both texts' word tokens, the hypothesis's first, with how many the hypothesis has
 * and a bound on the ids. A token's id is its node in a trie of the tokens' code points, so
 * equal tokens get equal ids without a string being built per token. `codePoints` bounds the
 * code point ids `met` may give, lone surrogates included.
 */
function wordIds(hypothesis: string, reference: string, met: CodePoints, codePoints: number) {
  const hypRanges = tokenRanges(hypothesis);
  const refRanges = tokenRanges(reference);
  const count = (hypRanges.length + refRanges.length) / 2;
  tokenIds = grown(tokenIds, count);
  const ids = tokenIds;
  const trie = new PairNumbers(met.units + 1, codePoints, met.units);
  let at = 0;
  try {
    for (const [text, ranges] of [
      [hypothesis, hypRanges],
      [reference, refRanges],
    ] as const) {
      for (let r = 0; r < ranges.length; r += 2) {
        const end = ranges[r + 1] as number;
        let node = 0;
        for (let i = ranges[r] as number; i < end; i++) {
          let code = text.charCodeAt(i);
          if (isHigh(code) && i + 1 < end && isLow(text.charCodeAt(i + 1)))
            code = joined(code, text.charCodeAt(++i));
          node = trie.id(node, codePointId(code, met));
        }
        ids[at++] = node;
      }
    }
  } finally {
    trie.release();
  }
  return { ids: ids.subarray(0, count), hypCount: hypRanges.length / 2, bound: trie.size + 1 };
}

/** Both texts' characters and words as ids, the hypothesis's first. */
function itemIds(hypothesis: string, reference: string) {
  const met: CodePoints = { bmp: [], astral: new Map(), units: 0, surrogates: 0 };
  try {
    charIds = grown(charIds, hypothesis.length + reference.length);
    const chars = charIds;
    const hypChars = codePointIds(hypothesis, chars, 0, met);
    const end = codePointIds(reference, chars, hypChars, met);
    const charCount = met.bmp.length + met.astral.size;
    // Words may hold a lone surrogate that the characters joined to its neighbour across a space.
    const words = wordIds(hypothesis, reference, met, charCount + met.surrogates);
    return { chars: chars.subarray(0, end), hypChars, charCount, words };
  } finally {
    for (const code of met.bmp) BMP_IDS[code] = 0;
  }
}

/** The eight orders' counts: six character orders, then two word orders. */
export function chrfStatistics(hypothesis: string, reference: string): OrderStatistics[] {
  const { chars, hypChars, charCount, words } = itemIds(hypothesis, reference);
  return [
    ...ngramStatistics(chars, hypChars, charCount, CHAR_ORDER),
    ...ngramStatistics(words.ids, words.hypCount, words.bound, WORD_ORDER),
  ];
}

/**
 * F-beta of the precision and recall averaged over the orders both texts have n-grams of
 * (sacrebleu's default), on a 0..100 scale; 0 when no order counts.
 */
export function chrfFromStatistics(statistics: readonly OrderStatistics[], beta = BETA): number {
  let precision = 0;
  let recall = 0;
  let effective = 0;
  for (const { hyp, ref, match } of statistics) {
    if (hyp === 0 || ref === 0) continue;
    precision += match / hyp;
    recall += match / ref;
    effective += 1;
  }
  if (effective === 0) return 0;
  precision /= effective;
  recall /= effective;
  const factor = beta * beta;
  if (precision + recall === 0) return 0;
  return (100 * (1 + factor) * precision * recall) / (factor * precision + recall);
}

/** Sentence-level chrF++ of one hypothesis against one reference, 0..100. */
export function chrfPlusPlus(hypothesis: string, reference: string): number {
  return chrfFromStatistics(chrfStatistics(hypothesis, reference));
}
