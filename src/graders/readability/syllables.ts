/**
 * French syllables, counted as a word is read aloud with care: "chat" 1, "hôpital" 3, "mangent"
 * 1 (the verb ending "-ent" is silent), "semaine" 2 (the final "e" is silent), but "table" and
 * "possible" keep their final "e" as a syllable ("ta-ble", "pos-si-ble"): after a consonant and
 * "l" or "r" it is heard in careful speech, and it is the count written syllabification gives.
 * Rules, not a dictionary: a few words come out one off ("pays" 1 for 2), which a readability
 * score over a whole text absorbs.
 */

const VOWELS = 'aàâäeéèêëiîïoôöuùûüyœæ';

// Nouns, adjectives and adverbs in "-ent" said with their "ent" ("sou-vent"); "-ment" words are
// kept by rule. Verb plurals ("mangent", "doivent") lose it.
const SOUNDED_ENT = new Set(
  (
    'absent accident adolescent agent argent cent client comment confident consent content couvent ' +
    'dent different evident equivalent excellent frequent impatient incident indulgent innocent ' +
    'intelligent lent parent patient permanent present prudent recent regent serpent souvent ' +
    'suffocant talent torrent urgent vent'
  ).split(' '),
);

// Built once: countSyllables runs on every word of every output.
const FIGURE = /^[\d.,]+$/u;
const QU = /qu/g;
const GU = /gu(?=[eéèêi])/gu;
const Y_OPENING = new RegExp(`^y(?=[${VOWELS}])`, 'u');
const Y_BETWEEN = new RegExp(`(?<=[${VOWELS}])y(?=[${VOWELS}])`, 'gu');
const MARKS = /\p{M}+/gu;

/**
 * Character classes by UTF-16 code: a lookup per letter, where a regular expression per rule
 * and per word cost more than the counting (every word of every output goes through here).
 */
const VOWEL_CODE = codeTable(VOWELS);
// A consonant and a liquid (bl, cr, tr…) cannot end a syllable: the vowel after them is a
// syllable ("ta-ble") and an i, u or ou before another vowel is one too ("cli-ent", "pri-er").
const CLUSTER_HEAD = codeTable('bcdfgkptv');
const LIQUID = codeTable('lr');
const GLIDE = codeTable('iuy');
const SPLITS_RUN = codeTable('éïüë');
/** Where a word splits into parts: hyphens and apostrophes, typographic ones included. */
const PART_BREAK = codeTable("-'‐‑’‘ʼ");

function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

function isVowel(text: string, i: number): boolean {
  return VOWEL_CODE[text.charCodeAt(i)] === 1;
}

/** Syllables of one word as written: letters, apostrophes and hyphens; digits count apart. */
export function countSyllables(word: string): number {
  const lower = word.toLowerCase();
  if (startsLikeFigure(lower) && FIGURE.test(lower)) return numberSyllables(lower);
  let total = 0;
  let start = 0;
  for (let i = 0; i <= lower.length; i++) {
    if (i < lower.length && PART_BREAK[lower.charCodeAt(i)] !== 1) continue;
    if (i > start) total += partSyllables(lower.slice(start, i));
    start = i + 1;
  }
  // "mg", "l'" alone: a word is at least one syllable.
  return Math.max(1, total);
}

function startsLikeFigure(text: string): boolean {
  const code = text.charCodeAt(0);
  return (code >= 48 && code <= 57) || code === 46 || code === 44;
}

/**
 * A figure counts one syllable per group of digits ("500" 1, "3,5" 2): reading "cinq cents"
 * aloud is longer, but a figure is quick to read, which is what the score is about.
 */
function numberSyllables(figure: string): number {
  let groups = 0;
  let inGroup = false;
  for (let i = 0; i < figure.length; i++) {
    const separator = figure[i] === '.' || figure[i] === ',';
    if (!separator && !inGroup) groups += 1;
    inGroup = !separator;
  }
  return Math.max(1, groups);
}

function partSyllables(part: string): number {
  let text = part;
  // Each rewrite is skipped when its letters are absent, which is most words.
  // "qu" and "gu" before e/i: the u is not heard ("quelque", "guérir").
  if (text.includes('qu')) text = text.replace(QU, 'k');
  if (text.includes('gu')) text = text.replace(GU, 'g');
  if (text.includes('y')) {
    // "y" opening a word before a vowel, or between two vowels, is a consonant ("yaourt", "crayon").
    text = text.replace(Y_OPENING, 'j').replace(Y_BETWEEN, 'j');
  }
  return vowelSyllables(silenceEnding(text));
}

/**
 * The syllables of the runs of vowels: one per run, and one more at each place French splits a
 * run: before "é" ("ré-action") or a diaeresis ("ma-ïs"), after "é" ("cré-er"), between "o"
 * and "è" ("po-ète"), and after a consonant, a liquid and a glide ("cli-ent", "pri-er").
 */
function vowelSyllables(text: string): number {
  let count = 0;
  // The vowel before, in the same run; '' at the start of a run.
  let previous = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (!isVowel(text, i)) previous = '';
    else {
      if (
        previous === '' ||
        previous === 'é' ||
        SPLITS_RUN[text.charCodeAt(i)] === 1 ||
        (char === 'è' && previous === 'o') ||
        afterGlide(text, i)
      ) {
        count += 1;
      }
      previous = char;
    }
  }
  return count;
}

/** A consonant, a liquid and i, u, y or "ou" end just before index i ("cli|ent", "trou|er"). */
function afterGlide(text: string, i: number): boolean {
  const glide = text.charCodeAt(i - 1);
  if (GLIDE[glide] === 1 && clusterAt(text, i - 3)) return true;
  return glide === 0x75 && text.charCodeAt(i - 2) === 0x6f && clusterAt(text, i - 4);
}

function clusterAt(text: string, i: number): boolean {
  return i >= 0 && CLUSTER_HEAD[text.charCodeAt(i)] === 1 && LIQUID[text.charCodeAt(i + 1)] === 1;
}

/** Runs of vowels in the text. */
function vowelGroups(text: string): number {
  let groups = 0;
  let inGroup = false;
  for (let i = 0; i < text.length; i++) {
    const vowel = isVowel(text, i);
    if (vowel && !inGroup) groups += 1;
    inGroup = vowel;
  }
  return groups;
}

/** Drops what is not heard at the end: "-e", "-es", the verb ending "-ent". */
function silenceEnding(text: string): string {
  if (vowelGroups(text) < 2) return text;
  let stem = text;
  if (stem.endsWith('ent') && !stem.endsWith('ment') && !SOUNDED_ENT.has(foldAccents(stem))) {
    stem = stem.slice(0, -2);
  } else if (stem.endsWith('es')) stem = stem.slice(0, -1);
  if (!stem.endsWith('e')) return stem;
  const before = stem.slice(0, -1);
  // The e after a vowel ("journée", "maladie") is silent; after a consonant and l/r it is heard.
  return clusterAt(before, before.length - 2) ? stem : before;
}

function foldAccents(text: string): string {
  return text.normalize('NFD').replace(MARKS, '');
}
