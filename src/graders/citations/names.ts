import { foldText } from '../text/normalize.js';

/**
 * Author names: the surnames of a source's author list, and whether the name an author-year
 * citation gives is one of them, ignoring case, accents, hyphens and apostrophes.
 */

// Vancouver initials ("M", "JP", "J.-P.", "A.") are not surnames.
const INITIALS = /^(?:\p{Lu}{1,3}|(?:\p{Lu}\.-?)+)$/u;

/** "Le Goff M, Barthez-Nogaret C, et al" → ["le goff", "barthez nogaret"] (folded keys). */
export function surnamesOf(authors: string | readonly string[]): string[] {
  const list = typeof authors === 'string' ? [authors] : authors;
  const surnames: string[] = [];
  for (const entry of list) {
    for (const piece of entry.split(/[,;&]|\s+(?:et|and)\s+/u)) {
      const tokens = piece
        .replace(/\bet\s+al\b\.?/giu, '')
        .trim()
        .split(/\s+/u)
        .filter(Boolean);
      while (tokens.length > 0 && INITIALS.test(tokens.at(-1) ?? '')) tokens.pop();
      while (tokens.length > 0 && INITIALS.test(tokens[0] ?? '')) tokens.shift();
      const key = nameKey(tokens.join(' '));
      if (key !== '') surnames.push(key);
    }
  }
  return surnames;
}

/** Folded, with hyphens and apostrophes made spaces: "D’Almeida-Lopes" → "d almeida lopes". */
export function nameKey(name: string): string {
  return foldText(name)
    .replace(/[-']/gu, ' ')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The cited name may carry a particle or a word the pattern took along ("de Martin",
 * "Selon Martin"): it matches when it ends with a whole surname of the source.
 */
export function nameMatches(cited: string, surnames: readonly string[]): boolean {
  const key = nameKey(cited);
  return surnames.some((surname) => key === surname || key.endsWith(` ${surname}`));
}
