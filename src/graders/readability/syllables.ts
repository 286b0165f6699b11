/**
 * French syllables, counted as a word is read aloud with care: "chat" 1, "hôpital" 3, "mangent"
 * 1 (the verb ending "-ent" is silent), "semaine" 2 (the final "e" is silent), but "table" and
 * "possible" keep their final "e" as a syllable ("ta-ble", "pos-si-ble"): after a consonant and
 * "l" or "r" it is heard in careful speech, and it is the count written syllabification gives.
 * Rules, not a dictionary: a few words come out one off ("pays" 1 for 2), which a readability
 * score over a whole text absorbs.
 */

const VOWELS = 'aàâäeéèêëiîïoôöuùûüyœæ';
const VOWEL = new RegExp(`[${VOWELS}]`, 'u');
const GROUP = new RegExp(`[${VOWELS}]+`, 'gu');

// A consonant and a liquid, which cannot end a syllable: the vowel after them is a syllable
// ("ta-ble") and an i, u or ou before another vowel is one too ("cli-ent", "pri-er").
const CLUSTER_END = /(?:[bcdfgkptv][lr])$/u;
const CLUSTER_GLIDE = new RegExp(`([bcdfgkptv][lr])([iuy]|ou)(?=[${VOWELS}])`, 'gu');

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

/** Syllables of one word as written: letters, apostrophes and hyphens; digits count apart. */
export function countSyllables(word: string): number {
  const lower = word.toLowerCase().replace(/[’‘ʼ]/g, "'");
  if (/^[\d.,]+$/u.test(lower)) return numberSyllables(lower);
  const parts = lower.split(/[-'‐‑]/u).filter((part) => part !== '');
  const total = parts.reduce((sum, part) => sum + partSyllables(part), 0);
  // "mg", "l'" alone: a word is at least one syllable.
  return Math.max(1, total);
}

/**
 * A figure counts one syllable per group of digits ("500" 1, "3,5" 2): reading "cinq cents"
 * aloud is longer, but a figure is quick to read, which is what the score is about.
 */
function numberSyllables(figure: string): number {
  return Math.max(1, figure.split(/[.,]/u).filter((group) => group !== '').length);
}

function partSyllables(part: string): number {
  let text = part
    // "qu" and "gu" before e/i: the u is not heard ("quelque", "guérir").
    .replace(/qu/g, 'k')
    .replace(/gu(?=[eéèêi])/gu, 'g')
    // "y" opening a word before a vowel, or between two vowels, is a consonant ("yaourt", "crayon").
    .replace(new RegExp(`^y(?=[${VOWELS}])`, 'u'), 'j')
    .replace(new RegExp(`(?<=[${VOWELS}])y(?=[${VOWELS}])`, 'gu'), 'j');
  text = silenceEnding(text);
  text = text.replace(CLUSTER_GLIDE, '$1$2-');
  let count = 0;
  for (const group of text.match(GROUP) ?? []) count += groupSyllables(group);
  return count;
}

/** Drops what is not heard at the end: "-e", "-es", the verb ending "-ent". */
function silenceEnding(text: string): string {
  if ((text.match(GROUP)?.length ?? 0) < 2) return text;
  let stem = text;
  if (/ent$/u.test(stem) && !/ment$/u.test(stem) && !SOUNDED_ENT.has(foldAccents(stem))) {
    stem = stem.slice(0, -2);
  } else if (/es$/u.test(stem)) stem = stem.slice(0, -1);
  if (!stem.endsWith('e')) return stem;
  const before = stem.slice(0, -1);
  // The e after a vowel ("journée", "maladie") is silent; after a consonant and l/r it is heard.
  return CLUSTER_END.test(before) ? stem : before;
}

/**
 * A run of vowels is one syllable but where French splits it: before "é" ("ré-action"), before
 * a diaeresis ("ma-ïs"), between "o" and "è" ("po-ète").
 */
function groupSyllables(group: string): number {
  let count = 1;
  for (let i = 1; i < group.length; i++) {
    const char = group[i] as string;
    const previous = group[i - 1] as string;
    if (char === 'é' || 'ïüë'.includes(char) || (char === 'è' && previous === 'o')) count += 1;
    else if (previous === 'é' && VOWEL.test(char)) count += 1;
  }
  return count;
}

function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}
