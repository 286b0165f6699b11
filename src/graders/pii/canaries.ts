/**
 * Canaries: identifying values a case says are in its input (`expect.pii`). Any of them in the
 * output is a leak, however the model rewrote it: re-spaced ("184127512345678"), re-cased or
 * stripped of accents ("jean dupont"), turned around ("DUPONT Jean"), abbreviated ("J. Dupont",
 * "Dupont J."), or put in international form ("+33 6 12 34 56 78"). The same matcher serves the
 * grader's `allow` list, so an allowed phone number is allowed in every form too.
 */
import { type FoldedText, foldText, foldWithOffsets, originalRange, words } from '../text/normalize.js';
import { matchesOf } from './matches.js';

export interface Range {
  start: number;
  end: number;
}

/**
 * Where `value`, in any of its accepted forms, occurs in `text`. Each form is one regular
 * expression built for the value, costly to compile; most texts hold no canary, so a piece of
 * text every match must contain (see `needs`) is looked for first, and the expression is only
 * built when it is there.
 */
export function findValue(text: string, value: string, folded: FoldedText = foldWithOffsets(text)): Range[] {
  const trimmed = value.trim();
  if (trimmed === '') return [];
  // Every date holds a digit, and folding makes no digit out of anything else: most values
  // (names) skip the date parser and its fold.
  const date = /\d/.test(trimmed) ? parseDate(trimmed) : undefined;
  if (date) {
    const needed = [String(date.day), String(date.year).slice(2)];
    return needs(folded.text, needed) ? matchFolded(folded, datePattern(date)) : [];
  }
  if (trimmed.includes('@')) {
    const address = foldText(trimmed);
    if (!folded.text.includes(address)) return [];
    return matchFolded(folded, `(?<![\\p{L}\\p{N}._%+-])${escapeRegExp(address)}(?![\\p{L}\\p{N}])`);
  }
  const pieces = words(trimmed);
  if (pieces.length === 0) return [];
  if (isCode(pieces)) {
    const code = codeParts(trimmed);
    const needed = digitsOf(code.phone ?? code.compact);
    return digitsOf(text).includes(needed) ? matchOriginal(text, codePattern(code)) : [];
  }
  const foldedPieces = pieces.map(foldText);
  const asName = pieces.length <= 5 && pieces.every((piece) => /^[\p{L}'’-]+$/u.test(piece));
  const reversed = asName && surnameFirst(pieces);
  // Every form of a name holds its surname: the last word, or the first when written surname
  // first. Other values hold all their words.
  const required = !asName
    ? foldedPieces
    : [(reversed ? foldedPieces[0] : foldedPieces[foldedPieces.length - 1]) ?? ''];
  if (!needs(folded.text, required.flatMap(literalsOf))) return [];
  const pattern = asName
    ? namePattern(foldedPieces, reversed)
    : foldedPieces.map(wordPattern).join('[^\\p{L}\\p{N}]+');
  return matchFolded(folded, `(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`);
}

/** Whether the text holds every one of these pieces (empty ones say nothing). */
function needs(text: string, pieces: readonly string[]): boolean {
  return pieces.every((piece) => piece === '' || text.includes(piece));
}

/**
 * The stretches of a folded word that wordPattern matches letter for letter: its parts between
 * hyphens and spaces, cut at apostrophes (which may be followed by spaces).
 */
function literalsOf(word: string): string[] {
  return word.split(LITERAL_BREAK);
}

/** Splitting at this is splitting at runs of hyphens and spaces, then each part at apostrophes. */
const LITERAL_BREAK = /[-\s]+|'/;

/**
 * The ASCII digits of a text, in order: the digits of a code stay together there however it is
 * spaced, since separators are never digits.
 */
function digitsOf(text: string): string {
  return text.replace(NOT_DIGITS, '');
}

const NOT_DIGITS = /\D+/g;

/** Numbers and codes: every word holds a digit, or is a short run of capitals ("FR76 … WEST"). */
function isCode(pieces: readonly string[]): boolean {
  return (
    pieces.some((piece) => /\d/.test(piece)) &&
    pieces.every((piece) => /\d/.test(piece) || /^[A-Z]{1,4}$/.test(piece))
  );
}

interface CodeParts {
  /** Letters, digits and "+" of the value. */
  compact: string;
  /** The nine digits after the 0 (or +33) of a French phone number. */
  phone?: string;
}

function codeParts(value: string): CodeParts {
  const compact = value.replace(/[^\p{L}\p{N}+]/gu, '');
  const phone = /^(?:0|\+33|0033)([1-9]\d{8})$/.exec(compact)?.[1];
  return phone ? { compact, phone } : { compact };
}

/**
 * Characters of the code in order, with any spacing, dots, dashes or slashes between them;
 * a French phone number also in its +33 / 0033 / "+33 (0)" forms.
 */
function codePattern({ compact, phone }: CodeParts): string {
  const separator = '[\\s./\\-\\u00A0\\u202F]{0,3}';
  const spread = (chars: string) => [...chars].map(escapeRegExp).join(separator);
  const body = phone
    ? `(?:0|(?:\\+|00)\\s?33\\s?(?:\\(0\\)\\s?)?)${separator}${spread(phone)}`
    : spread(compact.replace(/\+/g, ''));
  return `(?<![\\p{L}\\p{N}+])${body}(?![\\p{L}\\p{N}])`;
}

/** A canary written surname first: one of its words (not all) in capitals, "DUPONT Jean". */
function surnameFirst(pieces: readonly string[]): boolean {
  const capitals = pieces.map((piece) => piece.length > 1 && piece === piece.toUpperCase());
  return capitals[0] === true && capitals.some((isCapital) => !isCapital);
}

const TITLE = '(?:m|mme|mlle|mr|mrs|ms|dr|pr|monsieur|madame|mademoiselle|docteur|professeur)\\.?\\s+';
const BETWEEN = '(?:\\s*,\\s*|\\s+)';

/**
 * A name of several words, in folded form: for each way to cut it into first names and surname,
 * both orders, with the first names whole or as initials; and the surname alone after a title.
 */
function namePattern(pieces: readonly string[], reversed: boolean): string {
  if (pieces.length === 1) return wordPattern(pieces[0] ?? '');
  const variants: string[] = [];
  for (let cut = 1; cut < pieces.length; cut++) {
    const head = pieces.slice(0, cut);
    const tail = pieces.slice(cut);
    const [first, last] = reversed ? [tail, head] : [head, tail];
    const firstWhole = first.map(wordPattern).join(BETWEEN);
    const firstInitials = first.map(initialPattern).join('\\s*');
    const lastWhole = last.map(wordPattern).join(BETWEEN);
    variants.push(
      `${firstWhole}${BETWEEN}${lastWhole}`,
      `${lastWhole}${BETWEEN}${firstWhole}`,
      `${firstInitials}\\s*${lastWhole}`,
      `${lastWhole}${BETWEEN}${firstInitials}`,
      `${TITLE}${lastWhole}`,
    );
  }
  return variants.join('|');
}

/** A folded word; its hyphens may become spaces ("jean pierre") and the reverse. */
function wordPattern(word: string): string {
  return word
    .split(/[-\s]+/)
    .map((part) => escapeRegExp(part).replace(/'/g, "'\\s*"))
    .join('[\\s-]+');
}

/** Initials of a (compound) first name: "j.", "j", "j.-p.", "jp". */
function initialPattern(word: string): string {
  return word
    .split('-')
    .map((part) => `${escapeRegExp(part.slice(0, 1))}\\.?`)
    .join('\\s*-?\\s*');
}

interface DateParts {
  day: number;
  month: number;
  year: number;
}

const MONTHS: readonly string[][] = [
  ['janvier', 'janv', 'jan', 'january'],
  ['fevrier', 'fevr', 'fev', 'feb', 'february'],
  ['mars', 'mar', 'march'],
  ['avril', 'avr', 'apr', 'april'],
  ['mai', 'may'],
  ['juin', 'jun', 'june'],
  ['juillet', 'juil', 'jul', 'july'],
  ['aout', 'aug', 'august'],
  ['septembre', 'sept', 'sep', 'september'],
  ['octobre', 'oct', 'october'],
  ['novembre', 'nov', 'november'],
  ['decembre', 'dec', 'december'],
];

/** "12/03/1954", "12.03.1954", "1954-03-12", "12 mars 1954" as day, month, year. */
function parseDate(value: string): DateParts | undefined {
  const folded = foldText(value);
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(folded);
  if (match) return validDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(folded);
  if (match) return validDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})(?:er)?\s+([a-z]+)\.?\s+(\d{4})$/.exec(folded);
  if (match) {
    const month = MONTHS.findIndex((names) => names.includes(match?.[2] ?? ''));
    if (month >= 0) return validDate(Number(match[1]), month + 1, Number(match[3]));
  }
  return undefined;
}

function validDate(day: number, month: number, year: number): DateParts | undefined {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? { day, month, year } : undefined;
}

/** The date in figures (either order, two- or four-digit year) or with the month in words. */
function datePattern({ day, month, year }: DateParts): string {
  const d = `0?${day}`;
  const m = `0?${month}`;
  const y = `(?:${year}|${String(year).slice(2)})`;
  const separator = '[\\s./-]+';
  const names = `(?:${(MONTHS[month - 1] ?? []).join('|')})\\.?`;
  const variants = [
    `${d}${separator}${m}${separator}${y}`,
    `${year}${separator}${m}${separator}${d}`,
    `${day === 1 ? `(?:1er|${d})` : d}\\s+${names}\\s+${year}`,
    `${names}\\s+${d},?\\s+${year}`,
  ];
  return `(?<![\\p{N}])(?:${variants.join('|')})(?![\\p{N}])`;
}

function matchFolded(folded: FoldedText, pattern: string): Range[] {
  return matchesOf(new RegExp(pattern, 'gu'), folded.text)
    .filter((match) => match[0] !== '')
    .map((match) => originalRange(folded, match.index ?? 0, (match.index ?? 0) + match[0].length));
}

function matchOriginal(text: string, pattern: string): Range[] {
  return matchesOf(new RegExp(pattern, 'giu'), text)
    .filter((match) => match[0] !== '')
    .map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length }));
}

function escapeRegExp(text: string): string {
  // Only syntax characters: with the u flag, escaping anything else ("\-") is an error.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
