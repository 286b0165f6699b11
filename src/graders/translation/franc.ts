import { data } from 'franc-min/data.js';
import { isSpace } from '../text/normalize.js';
import { topScript } from './scripts.js';

/**
 * What `franc(text, { only, minLength: 1 })` of franc-min 6 answers, computed from its own data
 * the same way (script with the most characters, trigrams of the cleaned text, distance to each
 * allowed language of that script, ties to the language listed first), at a fraction of the
 * cost: franc counts trigrams as strings in an object, sorts them, and measures every language
 * of the script before keeping the allowed ones. tests/graders/translation-franc.test.ts
 * checks the answers are franc-min's.
 */

// franc-min's sample limit and penalty for a trigram a language lacks, which its answers depend on.
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;
const ABSENT = -1;

/** One script's trigram models, with trigrams as integers over the script's alphabet. */
interface ScriptModels {
  /** UTF-16 unit to 1 + its index in the alphabet (the units the models use), 0 for others. */
  letters: Uint16Array;
  size: number;
  /** The script's languages, in franc-min's order, which settles ties. */
  languages: string[];
  /** Trigram key to its row in `ranks`. */
  rows: RowTable;
  /** The rank of row r in language l's model at l * rows.size + r, or ABSENT. */
  ranks: Int16Array;
  // Scratch for one text at a time, zeroed again after each.
  /** How many times the text has each row's trigram. */
  counts: Int32Array;
  /** The keys, as bits, of the trigrams the text has that no model has. */
  unmodelled: Uint32Array;
}

const scripts = new Map<string, ScriptModels>();

/** The models of a script, built from franc-min's data on first use rather than at start-up. */
function modelsOf(script: string, languages: Record<string, string>): ScriptModels {
  const built = scripts.get(script);
  if (built) return built;
  const names = Object.keys(languages);
  const models = names.map((name) => (languages[name] as string).split('|'));
  const letters = new Uint16Array(0x10000);
  let size = 0;
  for (const model of models) {
    for (const trigram of model) {
      for (let i = 0; i < trigram.length; i++) {
        const unit = trigram.charCodeAt(i);
        if (letters[unit] === 0) letters[unit] = ++size;
      }
    }
  }
  const keys = new Map<number, number>();
  const entries: Array<{ row: number; language: number; rank: number }> = [];
  models.forEach((model, language) => {
    model.forEach((trigram, rank) => {
      const key = keyOf(letters, size, trigram, 0);
      let row = keys.get(key);
      if (row === undefined) {
        row = keys.size;
        keys.set(key, row);
      }
      entries.push({ row, language, rank });
    });
  });
  const ranks = new Int16Array(keys.size * names.length).fill(ABSENT);
  // A trigram listed twice in one model keeps its first rank, as franc's lookup object does.
  for (const { row, language, rank } of entries) {
    const at = language * keys.size + row;
    if (ranks[at] === ABSENT) ranks[at] = rank;
  }
  const rows = new RowTable(keys);
  const counts = new Int32Array(keys.size);
  const unmodelled = new Uint32Array(Math.ceil(size ** 3 / 32));
  const result = { letters, size, languages: names, rows, ranks, counts, unmodelled };
  scripts.set(script, result);
  return result;
}

/**
 * A read-only hash table from trigram key to row, in typed arrays: looked up once per trigram
 * of every text, it is the loop detection spends its time in, and a Map is slower at it.
 */
class RowTable {
  readonly size: number;
  private readonly keys: Int32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  constructor(rows: Map<number, number>) {
    let slots = 16;
    while (slots < rows.size * 2) slots *= 2;
    this.keys = new Int32Array(slots).fill(-1);
    this.rows = new Int32Array(slots);
    this.mask = slots - 1;
    this.size = rows.size;
    for (const [key, row] of rows) {
      let slot = this.slot(key);
      while (this.keys[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.rows[slot] = row;
    }
  }

  private slot(key: number): number {
    const hash = Math.imul(key, 0x9e3779b1);
    return (hash ^ (hash >>> 16)) & this.mask;
  }

  /** The row of a trigram key, or ABSENT when no model of the script has that trigram. */
  get(key: number): number {
    for (let slot = this.slot(key); ; slot = (slot + 1) & this.mask) {
      const stored = this.keys[slot] as number;
      if (stored === key) return this.rows[slot] as number;
      if (stored === -1) return ABSENT;
    }
  }
}

/** The integer for the trigram at `at`, or -1 when one of its units is in no model of the script. */
function keyOf(letters: Uint16Array, size: number, text: string, at: number): number {
  const a = letters[text.charCodeAt(at)] as number;
  const b = letters[text.charCodeAt(at + 1)] as number;
  const c = letters[text.charCodeAt(at + 2)] as number;
  if (a === 0 || b === 0 || c === 0) return -1;
  return ((a - 1) * size + (b - 1)) * size + (c - 1);
}

export function francOnly(text: string, only: readonly string[]): string {
  if (text === '') return 'und';
  const value = text.slice(0, MAX_LENGTH);
  const { script, share } = topScript(value);
  const languages = data[script];
  // A script of one language: that language, if allowed.
  if (!languages) return share === 0 || !only.includes(script) ? 'und' : script;
  const models = modelsOf(script, languages);
  const { letters, size, rows, ranks, counts, unmodelled } = models;
  const cleaned = cleanForTrigrams(value);
  const seen: number[] = [];
  // Trigrams in no model of the script add the same to every distance: only how many matters.
  const unknown = new Set<string>();
  const bits: number[] = [];
  let a = letters[cleaned.charCodeAt(0)] as number;
  let b = letters[cleaned.charCodeAt(1)] as number;
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const c = letters[cleaned.charCodeAt(i + 2)] as number;
    if (a === 0 || b === 0 || c === 0) unknown.add(cleaned.slice(i, i + 3));
    else {
      const key = ((a - 1) * size + (b - 1)) * size + (c - 1);
      const row = rows.get(key);
      if (row === ABSENT) {
        const word = key >>> 5;
        const bit = 1 << (key & 31);
        const set = unmodelled[word] as number;
        if ((set & bit) === 0) {
          unmodelled[word] = set | bit;
          bits.push(word);
        }
      } else {
        const before = counts[row] as number;
        counts[row] = before + 1;
        if (before === 0) seen.push(row);
      }
    }
    a = b;
    b = c;
  }
  const absent = (unknown.size + bits.length) * MAX_DIFFERENCE;
  for (const word of bits) unmodelled[word] = 0;

  const width = rows.size;
  let best = 'und';
  let bestDistance = Number.POSITIVE_INFINITY;
  models.languages.forEach((language, column) => {
    if (!only.includes(language)) return;
    const offset = column * width;
    let distance = absent;
    for (const row of seen) {
      const rank = ranks[offset + row] as number;
      distance += rank === ABSENT ? MAX_DIFFERENCE : Math.abs((counts[row] as number) - rank - 1);
    }
    if (distance < bestDistance) {
      bestDistance = distance;
      best = language;
    }
  });
  for (const row of seen) counts[row] = 0;
  return best;
}

/** cleanForTrigrams' units, kept for the next text: a fresh array per text cost ~2 µs. */
let cleanedUnits = new Uint16Array(MAX_LENGTH + 2);

/**
 * trigram-utils' text for trigrams, in one pass rather than four: ASCII punctuation and digits
 * (U+0021–U+0040) and whitespace collapsed to one space, trimmed, lower-cased, and a space at
 * each end. The spaces at the ends change no lower-casing: a final sigma is final either way.
 */
export function cleanForTrigrams(value: string): string {
  if (cleanedUnits.length < value.length + 2) cleanedUnits = new Uint16Array(value.length + 2);
  const units = cleanedUnits;
  let length = 0;
  let gap = false;
  units[length++] = 0x20;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if ((unit >= 0x21 && unit <= 0x40) || isSpace(unit)) gap = length > 1;
    else {
      if (gap) units[length++] = 0x20;
      gap = false;
      units[length++] = unit;
    }
  }
  units[length++] = 0x20;
  let text = '';
  for (let start = 0; start < length; start += 4096) {
    const chunk = units.subarray(start, Math.min(length, start + 4096));
    text += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return text.toLowerCase();
}
