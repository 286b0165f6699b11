import { matchesOf } from '../pii/matches.js';
import { foldText } from '../text/normalize.js';
import data from './inn-fr.json' with { type: 'json' };

/** A drug name as written, and the international non-proprietary names (INN) it stands for. */
export interface DrugName {
  /** As the list spells it: "Doliprane", "paracétamol". */
  name: string;
  /** Folded INNs: one for a plain drug, several for a combination ("Augmentin"). */
  inns: string[];
  /** The same INNs as the list spells them, for reasons. */
  innNames: string[];
}

export interface Lexicon {
  /** Folded name → drug. */
  names: Map<string, DrugName>;
  /** Every name, longest first, as one whole-word pattern over folded text. */
  pattern: RegExp;
}

interface LexiconData {
  inn: string[];
  brands: Record<string, string | string[]>;
  aliases: Record<string, string | string[]>;
}

const list = data as LexiconData;

/**
 * The built-in names, plus `extra` entries: "Name" (a drug of its own) or "Name=INN" /
 * "Name=INN1+INN2" (a brand of known INNs).
 */
export function buildLexicon(extra: readonly string[] = []): Lexicon {
  const names = new Map<string, DrugName>();
  const add = (name: string, inns: string[]) => {
    const key = foldText(name);
    if (key !== '' && !names.has(key)) names.set(key, { name, inns: inns.map(foldText), innNames: inns });
  };
  for (const inn of list.inn) add(inn, [inn]);
  for (const table of [list.brands, list.aliases]) {
    for (const [name, target] of Object.entries(table)) add(name, Array.isArray(target) ? target : [target]);
  }
  for (const entry of extra) {
    const [name = '', targets] = entry.split('=');
    const inns = targets ? targets.split('+').map((inn) => inn.trim()) : [name.trim()];
    add(name.trim(), inns);
    // A brand's INNs are drugs of their own: "Zorbex=zorbexine" lets the output name zorbexine.
    for (const inn of inns) add(inn, [inn]);
  }
  // English spellings drop the final e ("amoxicillin", "ibuprofen"): a translated answer still names its drug.
  for (const inn of list.inn) {
    for (const variant of englishSpellings(foldText(inn))) add(variant, [inn]);
  }
  const alternatives = [...names.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return { names, pattern };
}

function englishSpellings(folded: string): string[] {
  const english = (word: string) => (word.length >= 6 && /(?:in|en)e$/.test(word) ? word.slice(0, -1) : word);
  const words = folded.split(' ');
  const first = [english(words[0] ?? ''), ...words.slice(1)].join(' ');
  return [...new Set([first, words.map(english).join(' ')])].filter((variant) => variant !== folded);
}

export interface DrugMention extends DrugName {
  /** Offsets in the folded text searched. */
  start: number;
  end: number;
  key: string;
}

/** The drug names in folded text, whole words only, longest name first ("insuline glargine"). */
export function findDrugs(folded: string, lexicon: Lexicon): DrugMention[] {
  const mentions: DrugMention[] = [];
  // Not folded.matchAll: it copies the pattern, hundreds of names long, on every call.
  for (const match of matchesOf(lexicon.pattern, folded)) {
    const drug = lexicon.names.get(match[0]);
    if (!drug) continue;
    const start = match.index;
    // Spelled out rather than spread, which costs more than the search here.
    mentions.push({
      name: drug.name,
      inns: drug.inns,
      innNames: drug.innNames,
      key: match[0],
      start,
      end: start + match[0].length,
    });
  }
  return mentions;
}

// Whole-word tests at one place, read by the u flag as the name patterns read them.
const NO_WORD_BEFORE = /(?<![\p{L}\p{N}])/uy;
const NO_WORD_AFTER = /(?![\p{L}\p{N}])/uy;

function testAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

/**
 * Whether `key` is in `text` as a whole word, as the pattern
 * (?<![\p{L}\p{N}])key(?![\p{L}\p{N}]) with the u flag finds it, without building that
 * pattern for each name: each place the key occurs is tested for word boundaries.
 */
export function hasWholeWord(text: string, key: string): boolean {
  // A key with a surrogate could be found halfway through a character: left to the pattern.
  if (key === '' || /[\uD800-\uDFFF]/.test(key)) {
    return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(key)}(?![\\p{L}\\p{N}])`, 'u').test(text);
  }
  for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + 1)) {
    if (testAt(NO_WORD_BEFORE, text, at) && testAt(NO_WORD_AFTER, text, at + key.length)) return true;
  }
  return false;
}

let shared: Lexicon | undefined;

/** The built-in lexicon, compiled once. */
export function builtinLexicon(): Lexicon {
  shared ??= buildLexicon();
  return shared;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
