/**
 * An alternation of words as regular expression source, factored by common prefixes
 * ("c(?:inq(?:uante)?|ents?)" for "cinquante|cents|cinq|cent"): the engine then follows the one
 * branch a letter leads to, where a flat alternation of sixty words tried each of them at every
 * position of the text. Where a word is the start of another, the longer one is tried first, as
 * in a flat alternation sorted longest first: the two find the same matches.
 */
export function wordAlternation(words: readonly string[]): string {
  for (const word of words) if (!/^[a-z]+$/.test(word)) throw new Error(`not a plain word: ${word}`);
  return `(?:${branches(words).join('|')})`;
}

/** The branches of an alternation of `words` (none empty), one per first letter. */
function branches(words: readonly string[]): string[] {
  const byFirst = new Map<string, string[]>();
  for (const word of words) {
    const rests = byFirst.get(word.charAt(0)) ?? [];
    rests.push(word.slice(1));
    byFirst.set(word.charAt(0), rests);
  }
  return [...byFirst].map(([first, rests]) => first + continuation(rests));
}

/** What may follow a shared start, given the rests of the words that have it ('' when one ends there). */
function continuation(rests: readonly string[]): string {
  const longer = [...new Set(rests.filter((rest) => rest !== ''))];
  if (longer.length === 0) return '';
  const alternatives = longer.length === 1 ? longer : branches(longer);
  // Greedy: a longer word is tried before the one that ends here.
  const optional = rests.includes('');
  if (alternatives.length === 1 && !optional) return alternatives[0] as string;
  return `(?:${alternatives.join('|')})${optional ? '?' : ''}`;
}
