/**
 * Dates of birth: a date is personal data when the text says it is someone's birth ("né le",
 * "date de naissance", "DDN", "born on", "DOB"). A meeting on 12/03/2024 is not.
 */
import type { PiiFinding } from '../categories.js';
import { matchesOf } from '../matches.js';

const DAY = '(?:1er|0?[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';
const FR_MONTHS =
  '(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|janv\\.?|f[ée]vr?\\.?|avr\\.?|juil\\.?|sept?\\.?|oct\\.?|nov\\.?|d[ée]c\\.?)';
const EN_MONTHS =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?)';

const DATES: readonly RegExp[] = [
  // 12/03/1954, 12.03.54, 12-03-1954 (one separator throughout)
  new RegExp(`(?<![\\p{N}/.-])${DAY}([/.-])${MONTH}\\1(?:\\d{4}|\\d{2})(?!\\p{N}|[/.-]\\p{N})`, 'gu'),
  // 1954-03-12, 1954/03/12
  new RegExp(`(?<![\\p{N}/.-])(?:1[89]|20)\\d{2}([/.-])${MONTH}\\1${DAY}(?![\\p{N}]|[/.-]\\p{N})`, 'gu'),
  // 12 mars 1954, 1er janv. 1950, 12 March 1954
  new RegExp(
    `(?<![\\p{L}\\p{N}])${DAY}(?:st|nd|rd|th)?\\s+(?:${FR_MONTHS}|${EN_MONTHS})\\s+\\d{4}(?!\\p{N})`,
    'giu',
  ),
  // March 12, 1954
  new RegExp(`(?<![\\p{L}])${EN_MONTHS}\\s+${DAY}(?:st|nd|rd|th)?,?\\s+\\d{4}(?!\\p{N})`, 'giu'),
];

/** In every date of the second, third and fourth forms: a year in four digits. */
const FOUR_DIGITS = /\d{4}/;
/** In every date of the first form: the month's last digit, a separator, the year's first digit. */
const DIGITS_APART = /\d[/.-]\d/;

// "né"/"née" need their accent: without it "ne le" is the negation of "ne le prenez pas".
const CUE_BEFORE =
  /(?<![\p{L}])(?:né\(e\)s?|née?s?|date\s+de\s+naissance|naissance|DDN|D\.D\.N\.?|born(?:\s+on)?|date\s+of\s+birth|birth\s*date|DOB|D\.O\.B\.?)(?![\p{L}])/giu;
const CUE_AFTER = /^\s*[(,–—-]?\s*(?:date\s+de\s+naissance|DDN|naissance|DOB|date\s+of\s+birth)(?![\p{L}])/iu;

/** How many characters a cue may stand before its date ("née à Saint-Étienne (Loire) le …"). */
const CUE_REACH = 45;

export function detectBirthDates(text: string): PiiFinding[] {
  const dates = findDates(text);
  if (dates.length === 0) return [];
  const flagged = new Set<number>();
  // Cues come in text order, so the first date after each is found by moving one index forward.
  let index = 0;
  for (const cue of matchesOf(CUE_BEFORE, text)) {
    const cueEnd = (cue.index ?? 0) + cue[0].length;
    while (index < dates.length && (dates[index]?.start ?? 0) < cueEnd) index++;
    // The cue speaks of the first date after it, if that date is close and in the same sentence.
    const date = dates[index];
    if (!date || date.start - cueEnd > CUE_REACH) continue;
    if (/[.!?;]\s|\n/.test(text.slice(cueEnd, date.start))) continue;
    flagged.add(index);
  }
  dates.forEach((date, index) => {
    if (CUE_AFTER.test(text.slice(date.end, date.end + 40))) flagged.add(index);
  });
  return [...flagged]
    .sort((a, b) => a - b)
    .flatMap((index) => {
      const date = dates[index];
      return date ? [{ category: 'birth-date' as const, start: date.start, end: date.end }] : [];
    });
}

/** Every date in the text, in order, overlapping forms reduced to the longest. */
function findDates(text: string): Array<{ start: number; end: number }> {
  // What every date of a pattern holds, tested first: most texts hold few dates, and the
  // patterns, which try every position, cost more than these quick scans.
  const year = FOUR_DIGITS.test(text);
  const patterns = DATES.filter((_, i) => (i === 0 ? DIGITS_APART.test(text) : year));
  const all = patterns
    .flatMap((pattern) =>
      matchesOf(pattern, text).map((match) => ({
        start: match.index ?? 0,
        end: (match.index ?? 0) + match[0].length,
      })),
    )
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const dates: Array<{ start: number; end: number }> = [];
  for (const date of all) {
    const last = dates[dates.length - 1];
    if (last && date.start < last.end) continue;
    dates.push(date);
  }
  return dates;
}
