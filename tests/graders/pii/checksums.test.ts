import { describe, expect, it } from 'vitest';
import {
  IBAN_LENGTHS,
  ibanValid,
  luhnCheckDigit,
  luhnValid,
  mod97,
  nirKey,
  nirKeyValid,
} from '../../../src/graders/pii/checksums.js';
import {
  breakIban,
  breakLast,
  breakNirKey,
  makeCard,
  makeIban,
  makeNir,
  makeRpps,
  referenceLuhnValid,
  referenceNirKey,
  seeded,
} from './generate.js';

/** Every number obtained by changing one digit of `number` by +1 (9 wraps to 0). */
function offByOne(number: string): string[] {
  return [...number].flatMap((char, index) =>
    /\d/.test(char)
      ? [number.slice(0, index) + String((Number(char) + 1) % 10) + number.slice(index + 1)]
      : [],
  );
}

describe('Luhn', () => {
  it('accepts the textbook example and generated card and RPPS numbers', () => {
    expect(luhnValid('79927398713')).toBe(true);
    const random = seeded(1);
    for (let i = 0; i < 50; i++) {
      expect(luhnValid(makeCard(random))).toBe(true);
      expect(luhnValid(makeRpps(random))).toBe(true);
    }
  });

  it('rejects a number with any single digit off by one', () => {
    const card = makeCard(seeded(2));
    for (const changed of offByOne(card)) expect(luhnValid(changed)).toBe(false);
    expect(luhnValid(breakLast(card))).toBe(false);
  });

  it('computes the check digit that completes a payload', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    const random = seeded(3);
    for (let i = 0; i < 50; i++) {
      const card = makeCard(random);
      expect(luhnCheckDigit(card.slice(0, -1))).toBe(Number(card.slice(-1)));
    }
  });

  it('agrees with an independent implementation on random digit strings', () => {
    const random = seeded(4);
    for (let i = 0; i < 500; i++) {
      const number = String(Math.floor(random() * 1e15)).padStart(15, '0');
      expect(luhnValid(number)).toBe(referenceLuhnValid(number));
    }
  });

  it('rejects what is not a string of digits', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('0')).toBe(false);
    expect(luhnValid('4970 1012')).toBe(false);
    expect(() => luhnCheckDigit('12a')).toThrow(RangeError);
  });
});

describe('mod 97', () => {
  it('stays exact far past 2^53', () => {
    const big = '123456789012345678901234567890';
    expect(mod97(big)).toBe(Number(BigInt(big) % 97n));
    expect(mod97('')).toBe(0);
    expect(mod97('12x')).toBeNaN();
  });
});

describe('NIR key', () => {
  it('is 97 minus the body mod 97', () => {
    const random = seeded(5);
    for (let i = 0; i < 200; i++) {
      const nir = makeNir(random);
      expect(nirKey(nir.slice(0, 13))).toBe(Number(referenceNirKey(nir.slice(0, 13))));
      expect(nirKeyValid(nir)).toBe(true);
    }
  });

  it('reads Corsica 2A as 19 and 2B as 18', () => {
    const random = seeded(6);
    for (const department of ['2A', '2B']) {
      const nir = makeNir(random, { department });
      const numeric = nir.slice(0, 5) + (department === '2A' ? '19' : '18') + nir.slice(7, 13);
      expect(nirKey(nir.slice(0, 13))).toBe(97 - Number(BigInt(numeric) % 97n));
      expect(nirKeyValid(nir)).toBe(true);
      expect(nirKeyValid(nir.toLowerCase())).toBe(true);
    }
    // The same digits with 2A read literally as "2A" → "20" would give another key.
    const corsican = makeNir(seeded(7), { department: '2A' });
    expect(nirKeyValid(`${corsican.slice(0, 5)}20${corsican.slice(7)}`)).toBe(false);
  });

  it('handles overseas (97x) and born-abroad (99) numbers like any other', () => {
    const random = seeded(8);
    expect(nirKeyValid(makeNir(random, { department: '971' }))).toBe(true);
    expect(nirKeyValid(makeNir(random, { department: '99' }))).toBe(true);
  });

  it('rejects a key off by one and a body with one digit changed', () => {
    const nir = makeNir(seeded(9));
    expect(nirKeyValid(breakNirKey(nir))).toBe(false);
    for (const changed of offByOne(nir.slice(0, 13)))
      expect(nirKeyValid(changed + nir.slice(13))).toBe(false);
  });

  it('rejects what is not 13 characters and a 2-digit key', () => {
    expect(nirKey('123')).toBeNaN();
    expect(nirKeyValid('18412751234567')).toBe(false);
    expect(nirKeyValid('1841275123456AB')).toBe(false);
  });
});

describe('IBAN', () => {
  it('accepts the registry examples and generated accounts of several countries', () => {
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    const random = seeded(10);
    for (const country of ['FR', 'DE', 'BE', 'ES', 'GB'] as const) {
      for (let i = 0; i < 20; i++) expect(ibanValid(makeIban(random, country))).toBe(true);
    }
  });

  it('rejects check digits off by one and any digit changed', () => {
    const iban = makeIban(seeded(11), 'FR');
    expect(ibanValid(breakIban(iban))).toBe(false);
    for (const changed of offByOne(iban.slice(4))) expect(ibanValid(iban.slice(0, 4) + changed)).toBe(false);
  });

  it('checks the length of the country: a French IBAN has 27 characters', () => {
    expect(IBAN_LENGTHS.FR).toBe(27);
    const iban = makeIban(seeded(12), 'FR');
    expect(ibanValid(iban.slice(0, 26))).toBe(false);
    expect(ibanValid(`${iban}0`)).toBe(false);
    expect(ibanValid(`ZZ${iban.slice(2)}`)).toBe(false);
  });

  it('reads lower case as upper case', () => {
    expect(ibanValid('gb82west12345698765432')).toBe(true);
  });
});
