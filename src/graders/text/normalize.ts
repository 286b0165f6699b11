/**
 * Text folding shared by the graders, so that "Élevé", "eleve" and "ÉLEVÉ" compare equal where
 * a grader says accents and case do not matter, while offsets into the original are kept.
 *
 * Folding is the first step of most graders, so it runs as one pass over UTF-16 units with a
 * table of what each unit folds to, instead of a chain of regular expressions over the text.
 * The result is the chain's, character for character (a property test holds them equal).
 */

/** Lower case, accents removed, typographic apostrophes and dashes unified, spaces collapsed. */
export function foldText(text: string): string {
  // Lower-casing a capital sigma depends on the letter after it (σ or final ς): the one rule of
  // String.prototype.toLowerCase that a character-by-character fold cannot follow.
  if (text.includes('Σ')) return foldWithRegexes(text);
  return fold(text).trim();
}

const SPACES = /[\u00A0\u202F\u2007\u2009\s]+/g;
const SPACE_CHAR = /^[\u00A0\u202F\u2007\u2009\s]$/;

/** Accents removed, apostrophes and dashes unified, lower case: folding but for the spaces. */
function unify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[‐‑‒–—―−]/g, '-')
    .toLowerCase();
}

function foldWithRegexes(text: string): string {
  return unify(text).replace(SPACES, ' ').trim();
}

export interface FoldedText {
  /** The folded text (see foldText, without the trim). */
  text: string;
  /** For each index of the folded text, the index in the original where that character came from. */
  origin: ArrayLike<number>;
}

/** Folds one character (a code point) the way foldText folds it inside a text. */
function foldChar(char: string): string {
  return SPACE_CHAR.test(char) ? ' ' : unify(char);
}

/**
 * What each BMP unit folds to, filled as units are met: 0 not yet known, code + 1 when it folds
 * to that one unit, -1 when it folds to nothing or to several units (looked up in FOLDED_WIDE).
 */
const FOLDED_UNIT = new Int32Array(0x10000);
const FOLDED_WIDE = new Map<string, string>();
/** Astral characters are rare; the bound keeps a stream of exotic text from growing the map. */
const MAX_FOLDED_WIDE = 4096;
const SPACE = 0x20;

function foldedWide(char: string): string {
  const known = FOLDED_WIDE.get(char);
  if (known !== undefined) return known;
  const folded = foldChar(char);
  if (FOLDED_WIDE.size < MAX_FOLDED_WIDE) FOLDED_WIDE.set(char, folded);
  return folded;
}

function singleUnit(code: number): number {
  let known = FOLDED_UNIT[code] as number;
  if (known === 0) {
    const isSurrogate = code >= 0xd800 && code <= 0xdfff;
    const folded = isSurrogate ? '' : foldChar(String.fromCharCode(code));
    known = !isSurrogate && folded.length === 1 ? folded.charCodeAt(0) + 1 : -1;
    FOLDED_UNIT[code] = known;
  }
  return known;
}

/**
 * Scratch buffers reused by every call (folding is synchronous, so calls never overlap): graders
 * fold many short strings, where allocating buffers per call would cost more than the folding.
 * The folded text is read out of `scratchBytes`, a view of the units: Buffer's UTF-16 decoding
 * copies the units as they are (lone surrogates too), at a fraction of a TextDecoder call's cost.
 */
let scratchUnits = new Uint16Array(1024);
let scratchBytes = Buffer.from(scratchUnits.buffer);
let scratchOrigin = new Int32Array(1025);

function ensureScratch(units: number): void {
  if (units + 1 <= scratchUnits.length) return;
  let capacity = scratchUnits.length;
  while (units + 1 > capacity) capacity *= 2;
  const moreUnits = new Uint16Array(capacity);
  moreUnits.set(scratchUnits);
  scratchUnits = moreUnits;
  scratchBytes = Buffer.from(scratchUnits.buffer);
  const moreOrigin = new Int32Array(capacity + 1);
  moreOrigin.set(scratchOrigin);
  scratchOrigin = moreOrigin;
}

/**
 * foldText that remembers where each folded character came from, so a match found in folded
 * text can be reported as a span of the original output.
 */
export function foldWithOffsets(original: string): FoldedText {
  const size = foldIntoScratch(original);
  scratchOrigin[size] = original.length;
  return { text: scratchText(size), origin: scratchOrigin.slice(0, size + 1) };
}

function fold(original: string): string {
  return scratchText(foldIntoScratch(original));
}

/** Buffer's 'ucs2' reads bytes as little-endian units, which typed arrays are only on such machines. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function scratchText(size: number): string {
  if (LITTLE_ENDIAN) return scratchBytes.toString('ucs2', 0, size * 2);
  let text = '';
  for (let start = 0; start < size; start += 8192) {
    const chunk = scratchUnits.subarray(start, Math.min(size, start + 8192));
    text += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return text;
}

/**
 * Up to which index of the latest folded text each unit comes from the same index of the
 * original: up to the first space collapsed or character that did not fold to one unit.
 */
let scratchIdentityEnd = 0;

/**
 * Folds `original` into the scratch buffers: its units, and for each the index in the original
 * it came from. Gives how many units the folded text has.
 */
function foldIntoScratch(original: string): number {
  const length = original.length;
  ensureScratch(length);
  let units = scratchUnits;
  let origin = scratchOrigin;
  let size = 0;
  let previousWasSpace = false;
  scratchIdentityEnd = -1;
  for (let index = 0; index < length; ) {
    const code = original.charCodeAt(index);
    const single = singleUnit(code);
    if (single > 0) {
      const folded = single - 1;
      if (folded === SPACE) {
        if (previousWasSpace) {
          if (scratchIdentityEnd === -1) scratchIdentityEnd = size;
          index++;
          continue;
        }
        previousWasSpace = true;
      } else previousWasSpace = false;
      // A single unit never outgrows the buffer: the folded text is at most as long as the original
      // until a character folds to several units, which grows the buffer below.
      units[size] = folded;
      origin[size] = index;
      size++;
      index++;
      continue;
    }
    if (scratchIdentityEnd === -1) scratchIdentityEnd = size;
    let width = 1;
    let folded: string;
    const next = index + 1 < length ? original.charCodeAt(index + 1) : 0;
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      width = 2;
      folded = foldedWide(original.slice(index, index + 2));
    } else if (code >= 0xd800 && code <= 0xdfff) {
      folded = original[index] as string;
    } else {
      folded = foldedWide(original[index] as string);
    }
    // A character that folds to nothing (a combining accent) leaves the space state as it was,
    // as removing accents before collapsing spaces does.
    if (folded === ' ') {
      if (previousWasSpace) {
        index += width;
        continue;
      }
      previousWasSpace = true;
    } else if (folded !== '') previousWasSpace = false;
    if (folded.length > width) {
      ensureScratch(size + folded.length + (length - index));
      units = scratchUnits;
      origin = scratchOrigin;
    }
    // One origin per UTF-16 unit of the folded text: an astral character takes two.
    for (let unit = 0; unit < folded.length; unit++) {
      units[size] = folded.charCodeAt(unit);
      origin[size] = index;
      size++;
    }
    index += width;
  }
  if (scratchIdentityEnd === -1) scratchIdentityEnd = size + 1;
  return size;
}

/**
 * foldWithOffsets for a caller that maps only a few ranges back: the origins as runs, each a
 * stretch of folded units that come one for one from consecutive original units. Most texts
 * are a few runs, where a table of every origin cost an allocation the size of the text.
 */
export interface FoldedRuns {
  text: string;
  /** Where each run starts in the folded text, in increasing order; the first is 0. */
  runStarts: number[];
  /** The index in the original of each run's first unit. */
  runOrigins: number[];
}

export function foldWithRuns(original: string): FoldedRuns {
  const size = foldIntoScratch(original);
  const origin = scratchOrigin;
  origin[size] = original.length;
  const runStarts = [0];
  const runOrigins = [origin[0] as number];
  // Origins before the first irregularity follow one another: they need no look.
  for (let at = Math.max(1, scratchIdentityEnd); at <= size; at++) {
    const from = origin[at] as number;
    if (from === (origin[at - 1] as number) + 1) continue;
    runStarts.push(at);
    runOrigins.push(from);
  }
  return { text: scratchText(size), runStarts, runOrigins };
}

/** originalRange for a text folded with foldWithRuns. */
export function originalRangeOfRuns(
  folded: FoldedRuns,
  start: number,
  end: number,
): { start: number; end: number } {
  const last = folded.text.length;
  const final = runOrigin(folded, last);
  // Past either end of the folded text, as originalRange falls back from an origin out of range.
  const from = start >= 0 && start <= last ? runOrigin(folded, start) : final;
  const lastUnit = Math.max(start, end - 1);
  const lastChar = lastUnit >= 0 && lastUnit <= last ? runOrigin(folded, lastUnit) : from;
  for (let at = Math.max(end, 0); at <= last; at++) {
    const after = runOrigin(folded, at);
    if (after > lastChar) return { start: from, end: after };
  }
  return { start: from, end: final };
}

/** Where folded unit `at` (0 to the folded length, inclusive) comes from in the original. */
export function runOrigin(folded: FoldedRuns, at: number): number {
  const { runStarts, runOrigins } = folded;
  let low = 0;
  let high = runStarts.length;
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if ((runStarts[middle] as number) <= at) low = middle;
    else high = middle;
  }
  return (runOrigins[low] as number) + at - (runStarts[low] as number);
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
  let after: number | undefined;
  for (let i = end; i < folded.origin.length; i++) {
    if ((folded.origin[i] as number) > lastChar) {
      after = folded.origin[i];
      break;
    }
  }
  return { start: from, end: after ?? folded.origin[folded.origin.length - 1] ?? from };
}

/** Sentences, split on ., ! and ? followed by space and a capital or digit, and on line breaks. */
export function splitSentences(text: string): Array<{ text: string; start: number; end: number }> {
  const sentences: Array<{ text: string; start: number; end: number }> = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmedStart = start + (raw.length - raw.trimStart().length);
    const content = raw.trim();
    if (content) sentences.push({ text: content, start: trimmedStart, end: trimmedStart + content.length });
  };
  // Scanned for what /(?<=[.!?…])\s+(?=[\p{Lu}\d«"([])|\n+/gu matches, the same matches at the
  // same places: the expression tried each of its alternatives at every unit of every text, where
  // only the units after a stop or at a line break can start a match.
  const length = text.length;
  for (let at = 0; at < length; ) {
    // The expression finds the next candidate faster than a loop over the units.
    STOP_OR_BREAK.lastIndex = at;
    if (!STOP_OR_BREAK.test(text)) break;
    at = STOP_OR_BREAK.lastIndex - 1;
    const code = text.charCodeAt(at);
    if (code === NEWLINE) {
      let after = at + 1;
      while (after < length && text.charCodeAt(after) === NEWLINE) after++;
      push(at);
      start = after;
      at = after;
      continue;
    }
    const spaces = at + 1;
    if (spaces < length && isSpace(text.charCodeAt(spaces))) {
      let after = spaces + 1;
      while (after < length && isSpace(text.charCodeAt(after))) after++;
      // Backing off the spaces never helps: a space opens no sentence.
      if (after < length && opensSentence(text, after)) {
        push(spaces);
        start = after;
        at = after;
        continue;
      }
    }
    // Unmatched, the spaces are scanned on: one of them may be a line break.
    at++;
  }
  push(text.length);
  return sentences;
}

const NEWLINE = 0x0a;
const STOP_OR_BREAK = /[.!?…\n]/g;

/** Whether a unit is one of \s (and of what String.prototype.trim removes): all are in the BMP. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const OPENS_SENTENCE = /^[\p{Lu}\d«"([]/u;
/** Whether each BMP unit opens a sentence: 0 not yet known, 1 yes, 2 no. */
const OPENS_SENTENCE_UNIT = new Uint8Array(0x10000);

/** Whether the character at `at` is a capital, a digit, or an opening quote or bracket. */
function opensSentence(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff) return OPENS_SENTENCE.test(text.slice(at, at + 2));
  let known = OPENS_SENTENCE_UNIT[code] as number;
  if (known === 0) {
    known = OPENS_SENTENCE.test(String.fromCharCode(code)) ? 1 : 2;
    OPENS_SENTENCE_UNIT[code] = known;
  }
  return known === 1;
}

/** Words as runs of letters, digits, apostrophes and inner hyphens. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}
