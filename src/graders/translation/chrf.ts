/**
 * chrF++ (Popović 2017) as sacrebleu computes it with `CHRF(word_order=2)` and its defaults, so
 * that a score here can be compared with the figures translation papers and tools report:
 * character n-grams of order 1 to 6 over the text with whitespace removed, word n-grams of
 * order 1 and 2, case kept, beta 2, and sacrebleu's "effective order" (no epsilon smoothing).
 * Characters are Unicode code points, as Python counts them, not UTF-16 units.
 */

export const CHAR_ORDER = 6;
export const WORD_ORDER = 2;
const BETA = 2;

/** The n-gram counts of one order: in the hypothesis, in the reference, and shared by both. */
export interface OrderStatistics {
  hyp: number;
  ref: number;
  match: number;
}

// What Python's str.split() splits on (str.isspace), which differs from JS's \s: it includes the
// information separators and U+0085, and not U+FEFF. The no-break spaces of French typography
// ("10 mg", "« oui »") are whitespace for both.
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+001C–U+001F are whitespace to Python.
const WHITESPACE = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

// Python's string.punctuation: only ASCII, so "«", "»" and "…" stay glued to their words.
const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

function splitWhitespace(text: string): string[] {
  return text.split(WHITESPACE).filter((token) => token !== '');
}

/**
 * Words for the word n-grams: split on whitespace, then one punctuation character split off the
 * end of a word, or else off its start (never both: "(hi)" gives "(hi" and ")", as sacrebleu does).
 */
export function wordTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const word of splitWhitespace(text)) {
    const chars = Array.from(word);
    if (chars.length === 1) {
      tokens.push(word);
      continue;
    }
    const last = chars[chars.length - 1] as string;
    const first = chars[0] as string;
    if (PUNCTUATION.has(last)) tokens.push(chars.slice(0, -1).join(''), last);
    else if (PUNCTUATION.has(first)) tokens.push(first, chars.slice(1).join(''));
    else tokens.push(word);
  }
  return tokens;
}

function count(grams: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const gram of grams) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return counts;
}

/** Character n-grams of each order 1..CHAR_ORDER, whitespace removed first. */
export function charNgrams(text: string): Array<Map<string, number>> {
  const chars = Array.from(splitWhitespace(text).join(''));
  const orders: Array<Map<string, number>> = [];
  for (let n = 1; n <= CHAR_ORDER; n++) {
    const grams: string[] = [];
    for (let i = 0; i + n <= chars.length; i++) grams.push(chars.slice(i, i + n).join(''));
    orders.push(count(grams));
  }
  return orders;
}

/** Word n-grams of each order 1..WORD_ORDER, over wordTokens. */
export function wordNgrams(text: string): Array<Map<string, number>> {
  const tokens = wordTokens(text);
  const orders: Array<Map<string, number>> = [];
  for (let n = 1; n <= WORD_ORDER; n++) {
    const grams: string[] = [];
    for (let i = 0; i + n <= tokens.length; i++) grams.push(tokens.slice(i, i + n).join(' '));
    orders.push(count(grams));
  }
  return orders;
}

function matchStatistics(hyp: Map<string, number>, ref: Map<string, number>): OrderStatistics {
  let hypCount = 0;
  let match = 0;
  let refCount = 0;
  for (const [gram, n] of hyp) {
    hypCount += n;
    match += Math.min(n, ref.get(gram) ?? 0);
  }
  for (const n of ref.values()) refCount += n;
  // sacrebleu does not count the hypothesis's n-grams of an order the reference has none of.
  return { hyp: ref.size > 0 ? hypCount : 0, ref: refCount, match };
}

/** The eight orders' counts: six character orders, then two word orders. */
export function chrfStatistics(hypothesis: string, reference: string): OrderStatistics[] {
  const hyp = [...charNgrams(hypothesis), ...wordNgrams(hypothesis)];
  const ref = [...charNgrams(reference), ...wordNgrams(reference)];
  return hyp.map((orders, i) => matchStatistics(orders, ref[i] as Map<string, number>));
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
