/**
 * Numeric identifiers: NIR (and the INS built on it), payment cards, RPPS and ADELI numbers.
 * A checksum where the identifier has one, a cue word where it has none.
 */
import type { PiiFinding } from '../categories.js';
import { luhnValid, nirKeyValid } from '../checksums.js';
import { type CueKind, cueBefore } from './cues.js';
import { type DigitGroup, type DigitWindow, digitRuns, windowsOf } from './digit-runs.js';

/**
 * Shape of a NIR (or temporary NIA) before its key is checked: sex 1/2 (3/4 and 7/8 for
 * temporary numbers), year, month 01–12 or the 20–42 and 50–99 used when the month is unknown,
 * department 01–95, 2A/2B, 97x/98x (three digits, eating into the commune) or 99 (born abroad),
 * then commune, order and key.
 */
const NIR_SHAPE =
  /^[1-478]\d{2}(?:0[1-9]|1[0-2]|[23]\d|4[0-2]|[5-9]\d)(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|9[7-9])\d{8}$/;

/** Issuer prefixes and lengths of the card networks used in France and abroad. */
const CARD_BRANDS: ReadonlyArray<{ prefix: RegExp; lengths: readonly number[] }> = [
  { prefix: /^4/, lengths: [13, 16, 19] }, // Visa
  { prefix: /^(?:5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720))/, lengths: [16] }, // Mastercard
  { prefix: /^3[47]/, lengths: [15] }, // American Express
  { prefix: /^3(?:0[0-5]|[68])/, lengths: [14, 15, 16] }, // Diners
  { prefix: /^35(?:2[89]|[3-8])/, lengths: [16, 17, 18, 19] }, // JCB
  { prefix: /^(?:50|5[6-9]|6)/, lengths: [13, 14, 15, 16, 17, 18, 19] }, // Maestro, Discover, UnionPay
];

export function detectIdentifiers(text: string): PiiFinding[] {
  const findings: PiiFinding[] = [];
  // Many windows start at the same group: read the cue before each start once.
  const cues = new Map<number, CueKind | undefined>();
  for (const groups of digitRuns(text)) {
    // Most runs are short figures ("3", "2024", "12,5"): too few digits for any window.
    if (digitCount(groups) < 9) continue;
    for (const window of windowsOf(groups, 9, 19)) {
      const category = classify(window, () => cueAt(cues, text, window.start));
      if (category) findings.push({ category, start: window.start, end: window.end });
    }
  }
  return findings;
}

function cueAt(cues: Map<number, CueKind | undefined>, text: string, start: number): CueKind | undefined {
  if (!cues.has(start)) cues.set(start, cueBefore(text, start));
  return cues.get(start);
}

function digitCount(groups: readonly DigitGroup[]): number {
  let count = 0;
  for (const group of groups) count += group.text.length;
  return count;
}

function classify(window: DigitWindow, cue: () => CueKind | undefined): PiiFinding['category'] | undefined {
  const { compact } = window;
  if (compact.length === 15 && NIR_SHAPE.test(compact) && nirKeyValid(compact)) {
    // The INS matricule is the NIR itself: which one it is depends on what the text calls it.
    return cue() === 'ins' ? 'ins' : 'nir';
  }
  if (!/^\d+$/.test(compact)) return undefined;
  // RPPS: eleven digits whose last is a Luhn key over all eleven. Checked against numbers in the
  // ANS's published FHIR examples: the test-card range (997…) and the other generated-looking
  // ones check, while placeholders typed by hand (10001234567) do not. The "10" prefix of
  // practitioners' numbers is not required, since test cards and other ranges exist; the cue is.
  if (compact.length === 11 && luhnValid(compact) && cue() === 'rpps') {
    return 'rpps';
  }
  // ADELI: nine digits starting with a department. No key is checked: the issue reports that the
  // last digit is not reliably a Luhn key and no public rule could be confirmed, and a wrong rule
  // would silently miss real numbers. The nearest cue must say ADELI, which keeps the many other
  // nine-digit numbers (FINESS, SIREN) out.
  if (compact.length === 9 && /^(?:0[1-9]|[1-8]\d|9[0-5]|97)/.test(compact)) {
    if (cue() === 'adeli') return 'adeli';
  }
  if (isCard(compact, window) && cue() !== 'not-personal') return 'card';
  return undefined;
}

function isCard(compact: string, window: DigitWindow): boolean {
  if (compact.length < 13 || !luhnValid(compact)) return false;
  if (!CARD_BRANDS.some((brand) => brand.prefix.test(compact) && brand.lengths.includes(compact.length))) {
    return false;
  }
  // Cards are printed whole or in fours (Amex 4-6-5); other groupings are tables of figures.
  const sizes = window.sizes();
  if (sizes.length === 1) return true;
  if (sizes.join('-') === '4-6-5' || sizes.join('-') === '4-6-4') return true;
  const last = sizes[sizes.length - 1] ?? 0;
  return sizes.slice(0, -1).every((size) => size === 4) && last >= 1 && last <= 4;
}
