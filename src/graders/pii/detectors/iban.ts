/** Bank account numbers (IBAN), compact or in groups of four. */
import type { PiiFinding } from '../categories.js';
import { IBAN_LENGTHS, ibanValid } from '../checksums.js';
import { matchesOf } from '../matches.js';

const IBAN_START = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?=[ \u00A0]?[A-Z0-9])/gu;

export function detectIbans(text: string): PiiFinding[] {
  const findings: PiiFinding[] = [];
  for (const match of matchesOf(IBAN_START, text)) {
    const start = match.index ?? 0;
    const length = IBAN_LENGTHS[match[0].slice(0, 2)];
    if (length === undefined) continue;
    const end = collect(text, start, length);
    if (end !== undefined && ibanValid(text.slice(start, end).replace(/[ \u00A0]/g, ''))) {
      findings.push({ category: 'iban', start, end });
    }
  }
  return findings;
}

/**
 * Reads `length` letters and digits from `start`, skipping single spaces, and returns where they
 * end; undefined when the text runs out, or when a letter or digit follows with no space (the
 * candidate is then part of something longer). Knowing the country's length is what stops the
 * reading before a following word.
 */
function collect(text: string, start: number, length: number): number | undefined {
  let count = 0;
  let at = start;
  while (count < length) {
    const char = text[at];
    if (char === undefined) return undefined;
    const isCharacter = /[A-Z0-9]/.test(char);
    const isGap = (char === ' ' || char === '\u00A0') && /[A-Z0-9]/.test(text[at + 1] ?? '');
    if (!isCharacter && !isGap) return undefined;
    if (isCharacter) count++;
    at++;
  }
  return /[\p{L}\p{N}]/u.test(text[at] ?? '') ? undefined : at;
}
