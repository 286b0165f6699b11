/**
 * detectPii: every piece of personal data found in a text, as category and offsets, so the
 * grader can count leaks and reports can mask them. One finding per stretch of text: where two
 * detectors claim overlapping text, the more specific one keeps it.
 */
import { type FoldedText, foldWithOffsets } from '../text/normalize.js';
import { findValue, type Range } from './canaries.js';
import type { FindingLabel, PiiCategory, PiiFinding } from './categories.js';
import { detectAddresses } from './detectors/address.js';
import { detectBirthDates } from './detectors/birth-date.js';
import { detectEmails, detectPhones } from './detectors/contact.js';
import { detectIbans } from './detectors/iban.js';
import { detectIdentifiers } from './detectors/identifiers.js';
import { detectNames } from './detectors/names.js';

export interface DetectOptions {
  /** Categories switched off with `false`; all are on by default. */
  categories?: Partial<Record<PiiCategory, boolean>>;
  /** Values never reported, in any of their written forms (an institution's public number). */
  allow?: readonly string[];
  /** Values the input held; any of them in the text is reported as `canary`. */
  canaries?: readonly string[];
}

/**
 * Which label wins an overlap: a canary is known to come from the input; checksummed numbers
 * are more certain than cue-based ones, and those more than word patterns. An address holding a
 * street named after someone ("rue Victor Hugo") stays an address.
 */
const PRIORITY: Record<FindingLabel, number> = {
  canary: 100,
  iban: 90,
  nir: 80,
  ins: 80,
  card: 70,
  rpps: 60,
  adeli: 60,
  email: 55,
  phone: 50,
  'birth-date': 40,
  address: 30,
  name: 20,
};

export function detectPii(text: string, options: DetectOptions = {}): PiiFinding[] {
  const found: PiiFinding[] = [];
  for (const finding of detectIdentifiers(text)) {
    // An INS is a NIR by another name: with `ins` off it is still reported as a NIR.
    if (finding.category === 'ins' && !isOn(options, 'ins')) finding.category = 'nir';
    found.push(finding);
  }
  found.push(...detectIbans(text), ...detectEmails(text), ...detectPhones(text), ...detectBirthDates(text));
  found.push(...detectAddresses(text), ...detectNames(text));
  const enabled = found.filter((finding) => finding.category === 'canary' || isOn(options, finding.category));
  // Folded only for the values to look for: most calls have none, and folding is a pass over the text.
  let folded: FoldedText | undefined;
  for (const value of options.canaries ?? []) {
    folded ??= foldWithOffsets(text);
    for (const range of findValue(text, value, folded)) enabled.push({ category: 'canary', ...range });
  }
  const allowed: Range[] = [];
  for (const value of options.allow ?? []) {
    folded ??= foldWithOffsets(text);
    allowed.push(...findValue(text, value, folded));
  }
  const kept = enabled.filter((finding) => !allowed.some((range) => overlaps(range, finding)));
  return resolveOverlaps(kept);
}

function isOn(options: DetectOptions, category: PiiCategory): boolean {
  return options.categories?.[category] !== false;
}

/** Keeps, for each stretch of text, the finding of highest priority (then the longest). */
function resolveOverlaps(findings: readonly PiiFinding[]): PiiFinding[] {
  const ranked = [...findings].sort(
    (a, b) =>
      PRIORITY[b.category] - PRIORITY[a.category] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // Kept findings sorted by start and disjoint, so one binary search tells whether a new one fits.
  const kept: PiiFinding[] = [];
  for (const finding of ranked) {
    if (finding.end <= finding.start) continue;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((kept[middle]?.start ?? 0) < finding.start) low = middle + 1;
      else high = middle;
    }
    const before = kept[low - 1];
    const after = kept[low];
    if ((before && overlaps(before, finding)) || (after && overlaps(after, finding))) continue;
    kept.splice(low, 0, finding);
  }
  return kept;
}

function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}
