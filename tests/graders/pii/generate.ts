/**
 * Synthetic identifiers for the pii tests: every number here is generated, with a valid key
 * (or a deliberately broken one), from a seeded generator so tests are repeatable. The keys are
 * computed with BigInt arithmetic written apart from src/graders/pii/checksums.ts, so a test that
 * generates with one and checks with the other is not checking a function against itself.
 */

import { seededRandom } from '../../../src/stats/bootstrap.js';

export type Random = () => number;

/** Spreads test data from a seed, with the generator the bootstrap uses (mulberry32). */
export const seeded: (seed: number) => Random = seededRandom;

export function digits(random: Random, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String(Math.floor(random() * 10));
  return text;
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

// ---------- NIR ----------

export interface NirParts {
  sex?: '1' | '2' | '3' | '4' | '7' | '8';
  year?: number;
  month?: number;
  /** "75", "2A", "2B", "971" (three digits: the commune then has two), "99". */
  department?: string;
}

/** 97 − (body mod 97), Corsica's 2A/2B read as 19/18. */
export function referenceNirKey(body13: string): string {
  const numeric = body13.replace(/^(.{5})2A/, '$119').replace(/^(.{5})2B/, '$118');
  return pad(Number(97n - (BigInt(numeric) % 97n)), 2);
}

/** A compact, valid 15-character NIR. */
export function makeNir(random: Random, parts: NirParts = {}): string {
  const sex = parts.sex ?? pick(random, ['1', '2'] as const);
  const year = pad(parts.year ?? Math.floor(random() * 100), 2);
  const month = pad(parts.month ?? 1 + Math.floor(random() * 12), 2);
  const department = parts.department ?? pad(1 + Math.floor(random() * 95), 2);
  const rest = digits(random, 8 - department.length).replace(/^0{3}/, '001');
  const body = `${sex}${year}${month}${department}${rest}`;
  return body + referenceNirKey(body);
}

/** The same NIR with a key that does not check (the right key ± 1, kept in 01–97). */
export function breakNirKey(nir: string): string {
  const key = Number(nir.slice(13));
  return nir.slice(0, 13) + pad(key === 97 ? 96 : key + 1, 2);
}

/** "1 84 12 75 123 456 78", dotted, dashed or compact. */
export function formatNir(nir: string, style: 'compact' | 'spaced' | 'dotted' | 'dashed'): string {
  if (style === 'compact') return nir;
  const groups = [
    nir.slice(0, 1),
    nir.slice(1, 3),
    nir.slice(3, 5),
    nir.slice(5, 7),
    nir.slice(7, 10),
    nir.slice(10, 13),
    nir.slice(13),
  ];
  return groups.join(style === 'spaced' ? ' ' : style === 'dotted' ? '.' : '-');
}

// ---------- Luhn: cards, RPPS ----------

export function referenceLuhnValid(number: string): boolean {
  const sum = [...number]
    .reverse()
    .map(Number)
    .reduce(
      (total, digit, index) =>
        total + (index % 2 === 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit),
      0,
    );
  return sum % 10 === 0;
}

/** `prefix` completed with random digits and a Luhn check digit to `length` digits. */
export function luhnComplete(random: Random, prefix: string, length: number): string {
  const payload = prefix + digits(random, length - prefix.length - 1);
  for (let check = 0; check < 10; check++) {
    if (referenceLuhnValid(payload + check)) return payload + check;
  }
  throw new Error('unreachable: one check digit always fits');
}

/** The same number with its last digit changed, so Luhn fails. */
export function breakLast(number: string): string {
  const last = Number(number.slice(-1));
  return number.slice(0, -1) + String((last + 1) % 10);
}

export function makeCard(random: Random, brand: 'visa' | 'mastercard' | 'amex' = 'visa'): string {
  if (brand === 'amex') return luhnComplete(random, pick(random, ['34', '37']), 15);
  if (brand === 'mastercard') return luhnComplete(random, `5${1 + Math.floor(random() * 5)}`, 16);
  return luhnComplete(random, '4', 16);
}

export function groupsOf(number: string, size: number, separator = ' '): string {
  return number.match(new RegExp(`.{1,${size}}`, 'g'))?.join(separator) ?? number;
}

/** An RPPS number: 10, eight digits, a Luhn key over the eleven. */
export function makeRpps(random: Random): string {
  return luhnComplete(random, '10', 11);
}

/** An ADELI number: department, profession code, order, last digit (no key is checked). */
export function makeAdeli(random: Random): string {
  return pad(1 + Math.floor(random() * 95), 2) + digits(random, 7);
}

/** A FINESS number (institution): nine digits with a Luhn key. */
export function makeFiness(random: Random): string {
  return luhnComplete(random, pad(1 + Math.floor(random() * 95), 2), 9);
}

/** A CIP13 drug code: 34009, seven digits, an EAN-13 check digit. */
export function makeCip13(random: Random): string {
  const body = `34009${digits(random, 7)}`;
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

// ---------- IBAN ----------

const IBAN_SHAPES: Record<string, { length: number; bban: (random: Random) => string }> = {
  FR: { length: 27, bban: (random) => digits(random, 10) + digits(random, 11) + digits(random, 2) },
  DE: { length: 22, bban: (random) => digits(random, 18) },
  BE: { length: 16, bban: (random) => digits(random, 12) },
  ES: { length: 24, bban: (random) => digits(random, 20) },
  GB: { length: 22, bban: (random) => `${pick(random, ['NWBK', 'BARC', 'MIDL'])}${digits(random, 14)}` },
};

function ibanNumeric(text: string): bigint {
  return BigInt(
    [...text].map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char)).join(''),
  );
}

/** A compact IBAN whose check digits make it ≡ 1 mod 97. */
export function makeIban(random: Random, country: keyof typeof IBAN_SHAPES = 'FR'): string {
  const shape = IBAN_SHAPES[country];
  if (!shape) throw new Error(`no IBAN shape for ${country}`);
  const bban = shape.bban(random);
  const check = 98n - (ibanNumeric(`${bban}${country}00`) % 97n);
  return `${country}${pad(Number(check), 2)}${bban}`;
}

/** The same IBAN with check digits that do not check. */
export function breakIban(iban: string): string {
  const check = Number(iban.slice(2, 4));
  return `${iban.slice(0, 2)}${pad(check === 98 ? 2 : check + 1, 2)}${iban.slice(4)}`;
}

// ---------- Phones ----------

/**
 * Roots the ARCEP numbering plan keeps for films and fiction (article 2.5.12): a number built on
 * them rings no one. Generated test phones use nothing else.
 */
export const FICTION_ROOTS = ['0199 00', '0261 91', '0353 01', '0465 71', '0536 49', '0639 98'] as const;

/** A French fiction-range number, 10 digits; a mobile (06 39 98 …) unless told otherwise. */
export function makeMobile(random: Random, root: (typeof FICTION_ROOTS)[number] = '0639 98'): string {
  return root.replace(' ', '') + digits(random, 4);
}

export function formatPhone(
  phone: string,
  style: 'spaced' | 'dotted' | 'dashed' | 'compact' | 'plus33' | '0033',
): string {
  const pairs = phone.match(/\d{2}/g) ?? [];
  switch (style) {
    case 'spaced':
      return pairs.join(' ');
    case 'dotted':
      return pairs.join('.');
    case 'dashed':
      return pairs.join('-');
    case 'compact':
      return phone;
    case 'plus33':
      return `+33 ${phone.slice(1, 2)} ${pairs.slice(1).join(' ')}`;
    case '0033':
      return `0033 ${phone.slice(1, 2)} ${pairs.slice(1).join(' ')}`;
  }
}
