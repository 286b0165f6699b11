/** E-mail addresses and telephone numbers. */
import type { PiiFinding } from '../categories.js';
import { matchesOf } from '../matches.js';

// Starts only where a run of address characters starts, so a long run without "@" is read once.
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}-])/gu;

const SEP = '[ .\\-\\u00A0\\u202F]';

/**
 * French national numbers: 0 then 9 digits in pairs, one separator used throughout (so the date
 * "01.02.2024 10" is not a number). 08 numbers are left out: freephone and shared-cost lines
 * (0 800 …, Fil Santé Jeunes, Tabac Info Service) belong to services, never to a person.
 */
const FR_NATIONAL = new RegExp(`(?<![\\p{N}+])0[1-79](${SEP}?)\\d{2}(?:\\1\\d{2}){3}(?!\\p{N})`, 'gu');

/** +33 / 0033, with or without the "(0)" people keep after the country code. */
const FR_INTERNATIONAL = new RegExp(
  `(?<![\\p{N}+])(?:\\+|00)\\s?33${SEP}?(?:\\(0\\)${SEP}?)?[1-79](?:${SEP}?\\d{2}){4}(?!\\p{N})`,
  'gu',
);

/** Other countries, "+" then groups; kept only with enough digits for a subscriber number. */
const OTHER_INTERNATIONAL = new RegExp(
  `(?<![\\p{N}\\p{L}+])\\+(?!33)[1-9]\\d{0,2}(?:${SEP}?(?:\\(\\d{1,4}\\)|\\d{1,4})){2,6}(?![\\p{N}%])`,
  'gu',
);

/** E.164 allows 15 digits; fewer than 10 is more often a signed statistic ("+12 345 678") than a line. */
const MIN_INTERNATIONAL_DIGITS = 10;
const MAX_INTERNATIONAL_DIGITS = 15;

export function detectEmails(text: string): PiiFinding[] {
  if (!text.includes('@')) return [];
  return matchesOf(EMAIL, text).map((match) => finding('email', match));
}

export function detectPhones(text: string): PiiFinding[] {
  const findings: PiiFinding[] = [];
  for (const match of matchesOf(FR_NATIONAL, text)) findings.push(finding('phone', match));
  for (const match of matchesOf(FR_INTERNATIONAL, text)) findings.push(finding('phone', match));
  for (const match of matchesOf(OTHER_INTERNATIONAL, text)) {
    const digits = match[0].replace(/\D/g, '').length;
    if (digits >= MIN_INTERNATIONAL_DIGITS && digits <= MAX_INTERNATIONAL_DIGITS) {
      findings.push(finding('phone', match));
    }
  }
  return findings;
}

function finding(category: PiiFinding['category'], match: RegExpMatchArray): PiiFinding {
  const start = match.index ?? 0;
  return { category, start, end: start + match[0].length };
}
