/**
 * Text folding shared by the graders, so that "Élevé", "eleve" and "ÉLEVÉ" compare equal where
 * a grader says accents and case do not matter, while offsets into the original are kept.
 */

/** Lower case, accents removed, typographic apostrophes and dashes unified, spaces collapsed. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[\u00A0\u202F\u2007\u2009\s]+/g, ' ')
    .toLowerCase()
    .trim();
}

export interface FoldedText {
  /** The folded text (see foldText, without the trim). */
  text: string;
  /** For each index of the folded text, the index in the original where that character came from. */
  origin: number[];
}

/**
 * Folding a character runs four regular expressions; a text uses a few dozen distinct
 * characters, so each is folded once. The bound keeps a stream of exotic text from growing it.
 */
const FOLDED_CHARS = new Map<string, string>();
const MAX_FOLDED_CHARS = 4096;

function foldChar(char: string): string {
  const known = FOLDED_CHARS.get(char);
  if (known !== undefined) return known;
  const folded = /^[\u00A0\u202F\u2007\u2009\s]$/.test(char)
    ? ' '
    : char
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .replace(/[’‘ʼ`´]/g, "'")
        .replace(/[‐‑‒–—―−]/g, '-')
        .toLowerCase();
  if (FOLDED_CHARS.size < MAX_FOLDED_CHARS) FOLDED_CHARS.set(char, folded);
  return folded;
}

/**
 * foldText that remembers where each folded character came from, so a match found in folded
 * text can be reported as a span of the original output.
 */
export function foldWithOffsets(original: string): FoldedText {
  let text = '';
  const origin: number[] = [];
  let previousWasSpace = false;
  let index = 0;
  for (const char of original) {
    const folded = foldChar(char);
    if (folded === ' ' && previousWasSpace) {
      index += char.length;
      continue;
    }
    previousWasSpace = folded === ' ';
    // One origin per UTF-16 unit of the folded text: an astral character takes two.
    text += folded;
    for (let unit = 0; unit < folded.length; unit++) origin.push(index);
    index += char.length;
  }
  origin.push(original.length);
  return { text, origin };
}

/** Maps a [start, end) range of folded text back to the original string. */
export function originalRange(
  folded: FoldedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const from = folded.origin[start] ?? folded.origin[folded.origin.length - 1] ?? 0;
  const lastChar = folded.origin[Math.max(start, end - 1)] ?? from;
  // End at the character after the last matched one, in original units (a surrogate pair counts 2).
  const after = folded.origin.find((value, i) => i >= end && value > lastChar);
  return { start: from, end: after ?? folded.origin[folded.origin.length - 1] ?? from };
}

/** Sentences, split on ., ! and ? followed by space and a capital or digit, and on line breaks. */
export function splitSentences(text: string): Array<{ text: string; start: number; end: number }> {
  const sentences: Array<{ text: string; start: number; end: number }> = [];
  const boundary = /(?<=[.!?…])\s+(?=[\p{Lu}\d«"([])|\n+/gu;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmedStart = start + (raw.length - raw.trimStart().length);
    const content = raw.trim();
    if (content) sentences.push({ text: content, start: trimmedStart, end: trimmedStart + content.length });
  };
  for (const match of text.matchAll(boundary)) {
    push(match.index ?? 0);
    start = (match.index ?? 0) + match[0].length;
  }
  push(text.length);
  return sentences;
}

/** Words as runs of letters, digits, apostrophes and inner hyphens. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}
