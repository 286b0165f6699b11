/**
 * Check digits of the identifiers the pii grader looks for. A number is only reported as an
 * identifier when its key checks: that is what tells a social security number from any other run
 * of fifteen digits in a statistics table.
 */

/** Luhn (mod 10) over a string of digits, the check digit being the last one. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/** The digit to append to `payload` so that the whole passes Luhn. */
export function luhnCheckDigit(payload: string): number {
  if (!/^\d+$/.test(payload)) throw new RangeError('luhnCheckDigit: digits only');
  return (10 - (luhnSum(payload, true) % 10)) % 10;
}

/** Sums the digits from the right, doubling every second one; `doubleFirst` when the check digit is not there yet. */
function luhnSum(digits: string, doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum;
}

/**
 * Remainder of a (long) string of digits divided by 97, digit by digit so that numbers far past
 * 2^53 (an IBAN is up to 34 characters) stay exact without BigInt.
 */
export function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    remainder = (remainder * 10 + digit) % 97;
  }
  return remainder;
}

/**
 * The key of a NIR: 97 − (the 13 first characters mod 97). Corsican departments 2A and 2B are
 * replaced by 19 and 18 for the computation, as the INSEE does. Returns NaN for a body that is
 * not 13 digits (after that replacement).
 */
export function nirKey(body: string): number {
  const upper = body.toUpperCase();
  let numeric = upper;
  if (upper.slice(5, 7) === '2A') numeric = `${upper.slice(0, 5)}19${upper.slice(7)}`;
  else if (upper.slice(5, 7) === '2B') numeric = `${upper.slice(0, 5)}18${upper.slice(7)}`;
  if (!/^\d{13}$/.test(numeric)) return Number.NaN;
  return 97 - mod97(numeric);
}

/** A compact 15-character NIR (or NIA) whose two last digits are the key of the 13 first. */
export function nirKeyValid(compact: string): boolean {
  if (compact.length !== 15 || !/^\d{2}$/.test(compact.slice(13))) return false;
  return nirKey(compact.slice(0, 13)) === Number(compact.slice(13));
}

/**
 * IBAN lengths by country (ISO 13616 registry), so a string of the right shape but the wrong
 * length for its country is not taken for an account. French overseas collectivities use FR.
 */
// biome-ignore format: a table reads best in rows.
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15,
  PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19,
  SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** A compact IBAN (no spaces) of its country's length whose check digits make it ≡ 1 mod 97. */
export function ibanValid(compact: string): boolean {
  const iban = compact.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  if (IBAN_LENGTHS[iban.slice(0, 2)] !== iban.length) return false;
  return mod97(ibanDigits(iban.slice(4) + iban.slice(0, 4))) === 1;
}

/** Letters become two digits (A = 10 … Z = 35), as ISO 7064 MOD 97-10 reads them. */
function ibanDigits(text: string): string {
  let digits = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    digits += code >= 65 && code <= 90 ? String(code - 55) : char;
  }
  return digits;
}
