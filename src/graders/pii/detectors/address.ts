/**
 * Postal addresses: a number, a street type, a name with at least one capital ("12 rue des
 * Lilas"), then optionally a postcode and a city. The capital is what keeps "3 cours de yoga" and
 * "2 places de parking" out; the number keeps out a street named in passing ("rue de la Paix").
 */
import type { PiiFinding } from '../categories.js';
import { matchesOf } from '../matches.js';

const STREET_TYPES = [
  'rue',
  'avenue',
  'av\\.',
  'bd',
  'bld',
  'boulevard',
  'chemin',
  'allée',
  'allee',
  'impasse',
  'place',
  'route',
  'quai',
  'cours',
  'square',
  'passage',
  'voie',
  'villa',
  'cité',
  'résidence',
  'residence',
  'hameau',
  'lieu-dit',
  'faubourg',
  'fg',
  'promenade',
  'esplanade',
  'parvis',
  'ruelle',
  'chaussée',
  'sentier',
  'rond-point',
  'montée',
  'traverse',
  'lotissement',
];

/** "rue" written rue, Rue or RUE: the type is matched without case, the name is not. */
function anyCase(word: string): string {
  return `(?:${word}|${word[0]?.toUpperCase()}${word.slice(1)}|${word.toUpperCase()})`;
}

const PARTICLE = "(?:de|du|des|la|le|les|à|au|aux|sur|sous|en|et|l['’]|d['’])";
/** Spaces within a line: a name does not run on to the next line. */
const GAP = '[ \\u00A0]';
const CAPITAL_WORD = "(?:\\p{Lu}|\\p{N})[\\p{L}\\p{N}'’.-]*";
const CITY = "\\p{Lu}[\\p{L}'’]*(?:-[\\p{L}'’]+)*(?:\\s+(?:CEDEX|Cedex)(?:\\s+\\d{1,2})?)?";

const ADDRESS = new RegExp(
  [
    '(?<![\\p{L}\\p{N}])\\d{1,4}(?:\\s?(?:bis|ter|quater|[A-D])(?![\\p{L}]))?,?\\s+',
    `(?:${STREET_TYPES.map(anyCase).join('|')})(?![\\p{L}])\\s+`,
    // The name: particles and capitalised words (or numbers: "rue du 8 Mai 1945"), so the
    // span stops before the sentence goes on in lower case.
    `(?:${PARTICLE}${GAP}*)*${CAPITAL_WORD}(?:${GAP}+(?:${PARTICLE}${GAP}*)*${CAPITAL_WORD}){0,4}`,
    `(?:,?\\s+(?:\\d{5}|\\d{2}\\s\\d{3})\\s+${CITY})?`,
    '(?![\\p{L}\\p{N}])',
  ].join(''),
  'gu',
);

export function detectAddresses(text: string): PiiFinding[] {
  return matchesOf(ADDRESS, text).map((match) => {
    const start = match.index ?? 0;
    return { category: 'address' as const, start, end: start + trimEnd(match[0]).length };
  });
}

/** A full stop ending the sentence is not part of the address. */
function trimEnd(text: string): string {
  return text.replace(/[.\s]+$/u, '');
}
