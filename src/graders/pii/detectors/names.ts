/**
 * Person names. Four signals, each enough on its own:
 * - a title before capitalised words: "Mme Martin", "Dr Le Goff", "Monsieur Jean DUPONT";
 * - a known first name before a capitalised word: "Camille Fournier", "Jean-Pierre DURAND";
 * - an initial or a first name around a known surname: "J. Dupont", "DUPONT Jean";
 * - the value of a name field, as forms and JSON write them: "Nom : MARTIN", `"prenom": "Lucie"`.
 * A capitalised word after a title is not a name when it names a function ("Monsieur le Maire"),
 * nor a first name and surname after "hôpital", "rue", "lycée"…: those name places.
 */
import { foldText } from '../../text/normalize.js';
import type { PiiFinding } from '../categories.js';
import { matchesOf } from '../matches.js';
import { fieldValues } from './name-fields.js';
import {
  ACRONYMS,
  AMBIGUOUS_FIRST_NAMES,
  FIRST_NAMES,
  LONG_TITLES,
  NAMESAKE_WORDS,
  NOT_SURNAMES,
  PARTICLES,
  ROLE_WORDS,
  SURNAMES,
  TITLES,
} from './name-words.js';

interface Token {
  text: string;
  folded: string;
  start: number;
  end: number;
  /** Starts with a capital (isCapitalised asks this of most tokens, several times). */
  capital: boolean;
  /** The text, and where the previous token ends in it: see before(). */
  source: string;
  previousEnd: number;
}

/** The characters between the previous token and this one; few tokens are asked, so sliced then. */
function before(token: Token | undefined): string {
  return token === undefined ? '' : token.source.slice(token.previousEnd, token.start);
}

const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu;
/** Between two words of one name: spaces on the same line. */
const SAME_NAME = /^[ \u00A0]+$/;
/** After an initial: its full stop, then spaces or a hyphen ("J.-P. Martin", "J. Dupont"). */
const AFTER_INITIAL = /^\.(?:-|[ \u00A0]*)$/;
/** "Jean Pierre Marie Martin" at most: bounds the work on a text that repeats a first name. */
const MAX_FIRST_NAMES = 3;
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/u;
/** Abbreviated namesake words, whose full stop does not end a sentence. */
const ABBREVIATIONS: ReadonlySet<string> = new Set(['av', 'bd', 'st', 'ste', 'pl']);

export function detectNames(text: string): PiiFinding[] {
  const tokens = tokenize(text);
  const findings: PiiFinding[] = fieldValues(text);
  for (let i = 0; i < tokens.length; i++) {
    if (!mayOpenName(tokens[i] as Token)) continue;
    const span =
      afterTitle(tokens, i) ?? fromFirstName(tokens, i) ?? fromInitial(tokens, i) ?? fromSurname(tokens, i);
    if (span) findings.push({ category: 'name', start: span.start, end: span.end });
  }
  return findings;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  const foldedWords = new Map<string, string>();
  for (const match of matchesOf(WORD, text)) {
    const start = match.index;
    const word = match[0];
    // An ASCII word (letters, ' and -) folds to its lower case, cheaper than remembering it;
    // the others are folded in full, once per text.
    let folded = isAscii(word) ? elide(word.toLowerCase()) : foldedWords.get(word);
    if (folded === undefined) {
      folded = elide(foldText(word));
      foldedWords.set(word, folded);
    }
    tokens.push({
      text: word,
      folded,
      start,
      end: start + word.length,
      capital: startsWithCapital(word),
      source: text,
      previousEnd,
    });
    previousEnd = start + word.length;
  }
  return tokens;
}

/** A word all in ASCII: its letters are A–Z, a–z (with ' and -). A loop: shorter than a regex call. */
function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Elided articles go: "l'hôpital" is the word hôpital, "d'Alembert" the name Alembert. */
function elide(folded: string): string {
  return folded.includes("'") ? folded.replace(ELISION, '') : folded;
}

const CAPITAL = /^\p{Lu}/u;

function startsWithCapital(word: string): boolean {
  const code = word.charCodeAt(0);
  // ASCII answers without the Unicode property lookup: only A–Z are capitals there.
  if (code < 0x80) return code >= 65 && code <= 90;
  return CAPITAL.test(word);
}

type Span = { start: number; end: number };

/** "Mme Martin", "Dr. Le Goff", "M. Jean DUPONT": the name is the capitalised words after the title. */
function afterTitle(tokens: readonly Token[], i: number): Span | undefined {
  const title = tokens[i];
  const next = tokens[i + 1];
  if (!title || !next || !isTitle(title, next) || namesakeBefore(tokens, i)) return undefined;
  const names: Token[] = [];
  for (let j = i + 1; j < tokens.length && names.length < 4; j++) {
    const token = tokens[j];
    if (!token) break;
    const joined = j === i + 1 ? /^\.?[ \u00A0]+$/.test(before(token)) : continuesName(tokens, j);
    if (!joined || !(isCapitalised(token) || isInitial(tokens, j))) break;
    names.push(token);
  }
  // "Le" may open a surname ("Dr Le Goff") but not be one ("M. Le …"); a role is no name at all.
  const meaningful = names.filter((token) => !PARTICLES.has(token.folded));
  if (meaningful.length === 0 || names.some((token) => ROLE_WORDS.has(token.folded))) return undefined;
  if (NOT_SURNAMES.has(meaningful[0]?.folded ?? '')) return undefined;
  // "Mme B." is how case reports pseudonymise: initials alone after a title are not a name.
  if (meaningful.every((token) => token.text.length === 1)) return undefined;
  // A trailing particle ("Mme Dupont De") belongs to the next sentence piece, not the name.
  while (names.length > 0 && PARTICLES.has(names[names.length - 1]?.folded ?? '')) names.pop();
  const first = names[0];
  const last = names[names.length - 1];
  return first && last ? { start: first.start, end: last.end } : undefined;
}

/**
 * Membership of a word list, with the lengths and first letters of its words tested before the
 * set: every word of a text is asked whether it is a title, and most are ruled out without
 * hashing them.
 */
function memberOf(set: ReadonlySet<string>): (word: string) => boolean {
  const first = new Uint8Array(0x10000);
  let shortest = Number.POSITIVE_INFINITY;
  let longest = 0;
  for (const word of set) {
    first[word.charCodeAt(0)] = 1;
    shortest = Math.min(shortest, word.length);
    longest = Math.max(longest, word.length);
  }
  return (word) =>
    word.length >= shortest && word.length <= longest && first[word.charCodeAt(0)] === 1 && set.has(word);
}

const isLongTitle = memberOf(LONG_TITLES);
const isShortTitle = memberOf(TITLES);
const TITLES_CAPITALISED = [...TITLES].every(startsWithCapital);

/**
 * Whether a name can start at the token: each way in needs a capital (a first name, an initial,
 * a surname, a short title), but for a title written out ("madame"). Most words are ruled out
 * here, before the four detectors look at them.
 */
function mayOpenName(token: Token): boolean {
  return token.capital || isLongTitle(token.folded) || !TITLES_CAPITALISED;
}

function isTitle(token: Token, next: Token): boolean {
  if (isLongTitle(token.folded) && /^[ \u00A0]+$/.test(before(next))) return true;
  if (!isShortTitle(token.text)) return false;
  // "M" alone is a title only with its full stop ("M. Dupont"), never the letter M.
  return token.text === 'M' ? /^\.[ \u00A0]*$/.test(before(next)) : /^\.?[ \u00A0]+$/.test(before(next));
}

/** "Camille Fournier", "Jean-Pierre DURAND", "Marie Le Goff", "Jean Martin". */
function fromFirstName(tokens: readonly Token[], i: number): Span | undefined {
  const first = tokens[i];
  if (!first || !isFirstName(first) || namesakeBefore(tokens, i)) return undefined;
  // Further first names ("Jean Pierre Martin") belong to the same name.
  let last = i;
  while (last < i + MAX_FIRST_NAMES - 1 && joinsName(tokens, last + 1) && isFirstName(tokens[last + 1]))
    last++;
  const surname = joinsName(tokens, last + 1) ? surnameAt(tokens, last + 1) : undefined;
  if (surname) return { start: first.start, end: surname.end };
  // Many surnames are first names too: "Jean Martin", "Paul Thomas".
  const lastFirst = tokens[last];
  if (last > i && lastFirst) return { start: first.start, end: lastFirst.end };
  const next = tokens[i + 1];
  if (!next || !joinsName(tokens, i + 1) || AMBIGUOUS_FIRST_NAMES.has(first.folded)) return undefined;
  if (!isCapitalised(next) || NOT_SURNAMES.has(next.folded) || isRomanNumeral(next.text)) return undefined;
  if (isAllCaps(next) && !looksLikeSurnameInCapitals(next)) return undefined;
  return { start: first.start, end: next.end };
}

/** "J. Dupont", "J.-P. Martin", "A. MOREAU". */
function fromInitial(tokens: readonly Token[], i: number): Span | undefined {
  const first = tokens[i];
  if (!first || !isInitial(tokens, i) || namesakeBefore(tokens, i)) return undefined;
  let j = i + 1;
  while (isInitial(tokens, j) && AFTER_INITIAL.test(before(tokens[j]))) j++;
  if (!AFTER_INITIAL.test(before(tokens[j]))) return undefined;
  const surname = surnameAt(tokens, j);
  return surname ? { start: first.start, end: surname.end } : undefined;
}

/**
 * "DUPONT Jean", "Dupont Marie": a surname first, then a first name. "Dupont J." is left out: it
 * is how reference lists cite authors ("Martin J, Petit L."), whose names are public.
 */
function fromSurname(tokens: readonly Token[], i: number): Span | undefined {
  const surname = surnameAt(tokens, i);
  if (!surname || namesakeBefore(tokens, i)) return undefined;
  const next = tokens[i + surname.tokens];
  if (!next || !joinsName(tokens, i + surname.tokens)) return undefined;
  if (!isFirstName(next) || AMBIGUOUS_FIRST_NAMES.has(next.folded)) return undefined;
  return { start: surname.start, end: next.end };
}

/**
 * A surname at token j: a dictionary surname (one word, or two with a particle: "Le Goff"), or a
 * word in capitals that is not a known abbreviation ("KOWALCZYK", not "EHPAD").
 */
function surnameAt(tokens: readonly Token[], j: number): (Span & { tokens: number }) | undefined {
  const token = tokens[j];
  if (!token || !isCapitalised(token)) return undefined;
  const pair = tokens[j + 1];
  if (
    pair &&
    joinsName(tokens, j + 1) &&
    isCapitalised(pair) &&
    SURNAMES.has(`${token.folded} ${pair.folded}`)
  ) {
    return { start: token.start, end: pair.end, tokens: 2 };
  }
  if (SURNAMES.has(token.folded) && !PARTICLES.has(token.folded))
    return { start: token.start, end: token.end, tokens: 1 };
  if (isAllCaps(token) && looksLikeSurnameInCapitals(token))
    return { start: token.start, end: token.end, tokens: 1 };
  return undefined;
}

function isFirstName(token: Token | undefined): boolean {
  if (!token || !isCapitalised(token)) return false;
  if (FIRST_NAMES.has(token.folded)) return true;
  if (!token.folded.includes('-')) return false;
  const parts = token.folded.split('-');
  return parts.length > 1 && parts.every((part) => FIRST_NAMES.has(part));
}

/** Token j continues the name of token j − 1: only spaces between them, on the same line. */
function joinsName(tokens: readonly Token[], j: number): boolean {
  const token = tokens[j];
  return token !== undefined && SAME_NAME.test(before(token));
}

/** Like joinsName, also across an initial's full stop ("M. J. Dupont"). */
function continuesName(tokens: readonly Token[], j: number): boolean {
  return joinsName(tokens, j) || (isInitial(tokens, j - 1) && AFTER_INITIAL.test(before(tokens[j])));
}

/** A one-letter capital followed by its full stop. */
function isInitial(tokens: readonly Token[], j: number): boolean {
  const token = tokens[j];
  // One capital: one code point, so one or two units; a longer word is ruled out untested.
  if (!token || token.text.length > 2 || !/^\p{Lu}$/u.test(token.text)) return false;
  const after = before(tokens[j + 1]);
  return after.startsWith('.');
}

function isCapitalised(token: Token): boolean {
  return token.capital && token.text.length >= 2;
}

function isAllCaps(token: Token): boolean {
  return /^\p{Lu}[\p{Lu}'’-]+$/u.test(token.text);
}

/** Capitals of four letters or more with a vowel, not an abbreviation of the trade. */
function looksLikeSurnameInCapitals(token: Token): boolean {
  if (SURNAMES.has(token.folded)) return true;
  const upper = token.folded.toUpperCase();
  return upper.length >= 4 && /[AEIOUY]/.test(upper) && !ACRONYMS.has(upper) && !isRomanNumeral(token.text);
}

function isRomanNumeral(text: string): boolean {
  return /^[IVXLCDM]+$/.test(text);
}

/**
 * One of the three words before token i, in the same sentence, names a place or thing after a
 * person. Abbreviations ("av.", "bd.", "St.") do not end the sentence.
 */
function namesakeBefore(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const token = tokens[j];
    const between = before(tokens[j + 1]);
    if (!token || /[!?;:\n]/.test(between)) return false;
    if (between.includes('.') && !ABBREVIATIONS.has(token.folded)) return false;
    if (NAMESAKE_WORDS.has(token.folded)) return true;
  }
  return false;
}
