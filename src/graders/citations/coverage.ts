import { splitSentences, words } from '../text/normalize.js';

interface Range {
  start: number;
  end: number;
}

/** More words than this make a sentence a claim even without a figure; shorter ones are headings or transitions. */
export const CLAIM_MIN_WORDS = 7;

/**
 * Claim sentences and those that carry no citation. A claim is a sentence (see splitSentences)
 * that, once its citation markers are left out, holds a digit or at least CLAIM_MIN_WORDS words.
 * It carries a citation when a marker overlaps it, or when the sentence right after it is
 * nothing but markers ("… 58 %. [1]").
 */
export function claimCoverage(
  text: string,
  citations: readonly Range[],
): { claims: Range[]; uncovered: Range[] } {
  // Sorted once and walked with the sentences, so a long answer costs no more than its length.
  const sorted = [...citations].sort((a, b) => a.start - b.start);
  let first = 0;
  const sentences = splitSentences(text).map((sentence) => {
    while (first < sorted.length && (sorted[first] as Range).end <= sentence.start) first++;
    const inside: Range[] = [];
    for (let i = first; i < sorted.length && (sorted[i] as Range).start < sentence.end; i++) {
      const c = sorted[i] as Range;
      if (c.end > sentence.start) inside.push(c);
    }
    let rest = sentence.text;
    for (const c of inside.reverse()) {
      const from = Math.max(c.start, sentence.start) - sentence.start;
      const to = Math.min(c.end, sentence.end) - sentence.start;
      if (from < to) rest = `${rest.slice(0, from)} ${rest.slice(to)}`;
    }
    return {
      range: { start: sentence.start, end: sentence.end },
      claim: /\d/u.test(rest) || words(rest).length >= CLAIM_MIN_WORDS,
      onlyMarkers: !/[\p{L}\p{N}]/u.test(rest),
      cited: inside.length > 0,
    };
  });
  const claims: Range[] = [];
  const uncovered: Range[] = [];
  sentences.forEach((sentence, index) => {
    if (!sentence.claim) return;
    claims.push(sentence.range);
    const next = sentences[index + 1];
    if (!sentence.cited && !(next?.onlyMarkers && next.cited)) uncovered.push(sentence.range);
  });
  return { claims, uncovered };
}
