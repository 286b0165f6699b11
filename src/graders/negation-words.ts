/**
 * Reading the words of the texts the negation grader compares: folded once per text, each
 * distinct word looked up once per grade in a lexicon that numbers words and stems, so that
 * clauses are compared as lists of numbers rather than sets of strings.
 */

import { foldText, foldWithRuns, runOrigin } from './text/normalize.js';

/** What the grader asks of each distinct word, once. */
export interface Vocabulary {
  /** The grader's flags for the word, whose `wordHash` is given. */
  kindOf(token: string, hash: number): number;
  /** How many of its first units the grader compares the word by, or 0 for none. */
  stemLength(token: string, kind: number): number;
  /** A hyphenated word kept whole ("contre-indiqué") rather than read as its parts. */
  keepsWhole(token: string): boolean;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A hash of text[start, end), the one `WordTable` keys are looked up by. */
export function wordHash(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/**
 * Words numbered in the order they are added, found again from a slice of a text and its hash
 * without making a string of it: a Map would hash a new string for each word read.
 */
export class WordTable {
  readonly words: string[] = [];
  private readonly hashes: number[] = [];
  /** Open addressing: word number + 1 in each used slot; a power of two. */
  private slots: Int32Array;

  constructor(private readonly capacity = 64) {
    this.slots = new Int32Array(capacity);
  }

  /** Forgets every word: clearing the slots costs less than allocating new ones. */
  clear(): void {
    this.words.length = 0;
    this.hashes.length = 0;
    if (this.slots.length > this.capacity) this.slots = new Int32Array(this.capacity);
    else this.slots.fill(0);
  }

  /** The number of the word text[start, end) whose `wordHash` is `hash`, or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const found = (this.slots[slot] as number) - 1;
      if (found === -1) return -1;
      if (this.hashes[found] === hash && sameText(this.words[found] as string, text, start, end))
        return found;
    }
  }

  /** Numbers a word not in the table yet. */
  add(word: string, hash: number): number {
    const number = this.words.length;
    this.words.push(word);
    this.hashes.push(hash);
    if (this.words.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      this.hashes.forEach((known, index) => {
        this.place(known, index);
      });
    } else this.place(hash, number);
    return number;
  }

  private place(hash: number, index: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = index + 1;
  }
}

function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = start; i < end; i++) if (word.charCodeAt(i - start) !== text.charCodeAt(i)) return false;
  return true;
}

/** The words met while grading one output, numbered in the order they are first met. */
export class Lexicon {
  // Sized for an output and its source: growing a table costs more than starting it bigger.
  private readonly table = new WordTable(512);
  readonly tokens = this.table.words;
  readonly kinds: number[] = [];
  /** For each word, the number of its stem, or -1. */
  readonly stemIds: number[] = [];
  private readonly stemTable = new WordTable(256);
  /** For each stem number, the stem. */
  readonly stems = this.stemTable.words;
  /** For each stem, the last list it was put in: a list of distinct stems without a set. */
  private readonly lastList: number[] = [];
  private list = 0;

  constructor(private readonly vocabulary: Vocabulary) {}

  /** The number of the word text[start, end), given the first time it is met. */
  entry(text: string, start: number, end: number, hash = wordHash(text, start, end)): number {
    const found = this.table.find(text, start, end, hash);
    if (found !== -1) return found;
    const token = text.slice(start, end);
    const kind = this.vocabulary.kindOf(token, hash);
    const stemLength = this.vocabulary.stemLength(token, kind);
    let stemId = -1;
    if (stemLength > 0) {
      const stemHash = wordHash(text, start, start + stemLength);
      stemId = this.stemTable.find(text, start, start + stemLength, stemHash);
      if (stemId === -1) {
        stemId = this.stemTable.add(token.slice(0, stemLength), stemHash);
        this.lastList.push(-1);
      }
    }
    this.kinds.push(kind);
    this.stemIds.push(stemId);
    return this.table.add(token, hash);
  }

  /** Forgets every word, to read new texts. */
  clear(): void {
    this.table.clear();
    this.kinds.length = 0;
    this.stemIds.length = 0;
    this.stemTable.clear();
    this.lastList.length = 0;
    this.list = 0;
  }

  /** Starts a list of distinct stems: see `firstInList`. */
  newList(): void {
    this.list++;
  }

  /** Whether the stem is not yet in the list started last (and is now). */
  firstInList(stem: number): boolean {
    if (this.lastList[stem] === this.list) return false;
    this.lastList[stem] = this.list;
    return true;
  }

  /** Whether a hyphenated word is one word. */
  keepsWhole(token: string): boolean {
    return this.vocabulary.keepsWhole(token);
  }
}

/** A text's words, as numbers of a lexicon, each with where it starts in the text. */
export interface Words {
  lexicon: Lexicon;
  entries: number[];
  /** Where each word starts in the text read (the parts of a hyphenated word share their start). */
  starts: number[];
  /** Where each unit of the text read comes from in the text, when it was folded from it. */
  origin?: (at: number) => number;
}

const NOT = /n't\b/g;

/**
 * The words of a whole text, or undefined when its clauses must be folded one by one: folding
 * is character by character but for a capital sigma, whose lower case depends on its neighbours.
 * The words of a part of the text that begins and ends between words are those starting in it.
 */
export function wordsOf(text: string, lexicon: Lexicon): Words | undefined {
  if (text.includes('Σ')) return undefined;
  const folded = foldWithRuns(text);
  let spelled = folded.text;
  // For each unit of `spelled`, its index in the folded text, once "n't" is spelled " not".
  let toFolded: number[] | undefined;
  if (spelled.includes("n't")) {
    toFolded = [];
    spelled = '';
    let last = 0;
    NOT.lastIndex = 0;
    for (let match = NOT.exec(folded.text); match; match = NOT.exec(folded.text)) {
      spelled += `${folded.text.slice(last, match.index)} not`;
      for (let k = last; k < match.index; k++) toFolded.push(k);
      toFolded.push(match.index, match.index, match.index + 1, match.index + 2);
      last = match.index + match[0].length;
    }
    spelled += folded.text.slice(last);
    for (let k = last; k < folded.text.length; k++) toFolded.push(k);
  }
  const words = readWords(spelled, lexicon);
  // Only the few words a statement starts or ends at are ever mapped back: origins kept as runs.
  if (toFolded) words.origin = (at) => runOrigin(folded, toFolded[at] as number);
  // A text that folds unit for unit (most do) needs no mapping back.
  else if (folded.runStarts.length > 1 || folded.runOrigins[0] !== 0)
    words.origin = (at) => runOrigin(folded, at);
  return words;
}

/** The words of a text folded on its own. */
export function wordsOfPart(text: string, lexicon: Lexicon): Words {
  return readWords(foldText(text).replace(NOT, ' not'), lexicon);
}

/** Where word `index` starts in the text its words were read from. */
export function startOf(words: Words, index: number): number {
  const start = words.starts[index] as number;
  return words.origin ? words.origin(start) : start;
}

/**
 * The index of the first word starting at or after `at` in the text its words were read from,
 * known to be `after` or later.
 */
export function wordAt(words: Words, at: number, after = 0): number {
  let low = after;
  let high = words.starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (startOf(words, middle) < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Folded words: runs of letters and digits, with the letters after a hyphen ("peut-être"), as the
 * expression [\p{L}\p{N}]+(?:-\p{L}+)* finds them; a hyphenated word counts as its parts, unless
 * the vocabulary keeps it whole. Scanned rather than matched, so that a word already in the
 * lexicon is found from the text itself, without making a string of it. Starts are offsets in
 * `folded`.
 */
function readWords(folded: string, lexicon: Lexicon): Words {
  const entries: number[] = [];
  const starts: number[] = [];
  const length = folded.length;
  let i = 0;
  while (i < length) {
    const first = classAt(folded, i);
    if ((first & CLASS) === OTHER) {
      i += first >> 2;
      continue;
    }
    const start = i;
    // The word's hash as it is read, rather than in a second pass over it.
    let hash = FNV_OFFSET;
    for (let next = first; ; ) {
      hash = Math.imul(hash ^ folded.charCodeAt(i), FNV_PRIME);
      if (next >> 2 === 2) hash = Math.imul(hash ^ folded.charCodeAt(i + 1), FNV_PRIME);
      i += next >> 2;
      if (i >= length) break;
      next = classAt(folded, i);
      if ((next & CLASS) === OTHER) break;
    }
    let hyphenated = false;
    while (i + 1 < length && folded.charCodeAt(i) === HYPHEN) {
      let end = i + 1;
      while (end < length) {
        const next = classAt(folded, end);
        if ((next & CLASS) !== LETTER) break;
        end += next >> 2;
      }
      if (end === i + 1) break;
      hyphenated = true;
      i = end;
    }
    if (!hyphenated) {
      entries.push(lexicon.entry(folded, start, i, hash));
      starts.push(start);
      continue;
    }
    if (lexicon.keepsWhole(folded.slice(start, i))) {
      entries.push(lexicon.entry(folded, start, i));
      starts.push(start);
      continue;
    }
    for (let from = start, to = start; to <= i; to++) {
      if (to < i && folded.charCodeAt(to) !== HYPHEN) continue;
      entries.push(lexicon.entry(folded, from, to));
      starts.push(start);
      from = to + 1;
    }
  }
  return { lexicon, entries, starts };
}

const HYPHEN = 0x2d;
const LETTER = 1;
const NUMBER = 2;
const OTHER = 3;
const CLASS = 3;
/** The class of each BMP unit (LETTER, NUMBER or OTHER) and its width (4, one unit); 0 until first met. */
const UNIT_CLASSES = new Uint8Array(0x10000);
const A_LETTER = /\p{L}/u;
const A_NUMBER = /\p{N}/u;

/** The class of the code point at `i` (LETTER, NUMBER or OTHER), plus its width in units times 4. */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const known = UNIT_CLASSES[code] as number;
  if (known !== 0) return known;
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = text.charCodeAt(i + 1);
    // A pair is classed as one character each time: astral letters are too rare to keep.
    if (low >= 0xdc00 && low <= 0xdfff) return classify(String.fromCharCode(code, low)) | 8;
  }
  const unit = classify(String.fromCharCode(code)) | 4;
  // A lead surrogate's class depends on what follows it: only a lone one is ever classed alone.
  if (code < 0xd800 || code > 0xdbff) UNIT_CLASSES[code] = unit;
  return unit;
}

function classify(char: string): number {
  return A_LETTER.test(char) ? LETTER : A_NUMBER.test(char) ? NUMBER : OTHER;
}
