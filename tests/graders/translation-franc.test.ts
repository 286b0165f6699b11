import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { franc } from 'franc-min';
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { describe, expect, it } from 'vitest';
import { cleanForTrigrams, francOnly } from '../../src/graders/translation/franc.js';
import { letterCount } from '../../src/graders/translation/language.js';
import { scriptCounts } from '../../src/graders/translation/scripts.js';

const ALL = [...new Set(Object.values(data).flatMap((languages) => Object.keys(languages)))];
const CANDIDATES: string[][] = [
  ['eng', 'fra'],
  ['spa', 'fra', 'eng'],
  ['por', 'fra', 'eng'],
  ['arb', 'fra', 'eng'],
  ['fra', 'eng', 'spa', 'por', 'arb', 'rus'],
  ['deu', 'nld', 'fra', 'eng'],
  ['cmn', 'ell', 'eng'],
  [...ALL, 'cmn', 'jpn', 'ell'],
];

/** Every string of every case of the shipped datasets: French, English, Spanish, Portuguese, Arabic. */
function datasetTexts(): string[] {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const name of ['translation.patient-info', 'education.awareness']) {
    const lines = readFileSync(new URL(`../../datasets/${name}.jsonl`, import.meta.url), 'utf8').split('\n');
    for (const line of lines) if (line.trim() !== '') walk(JSON.parse(line));
  }
  return [...new Set(texts)].filter((text) => text.length >= 20);
}

const EXTRA = [
  'Привет, как дела? Это тест.',
  'مرحبا كيف حالك اليوم؟ هذا اختبار بسيط',
  '你好，今天怎么样',
  'Γειά σου κόσμε',
  'नमस्ते आप कैसे हैं',
  'Nehmen Sie zweimal täglich eine Tablette.',
  'İstanbul ÇĞŞÖÜ ılık ΣΑΣ',
  '1234 !!! ---',
];

describe('francOnly answers what franc-min answers', () => {
  it('on the datasets, whole and cut, for every set of candidates', () => {
    for (const value of [...datasetTexts(), ...EXTRA]) {
      for (const only of CANDIDATES)
        expect(francOnly(value, only)).toBe(franc(value, { only, minLength: 1 }));
      for (const text of [value.slice(value.length >> 1), value.slice(0, 60)]) {
        for (const only of CANDIDATES.slice(0, 4)) {
          expect(francOnly(text, only)).toBe(franc(text, { only, minLength: 1 }));
        }
      }
    }
  });

  it('on texts mixing scripts, and on texts longer than the 2048 units franc reads', () => {
    const texts = datasetTexts();
    const piece = fc.oneof(
      fc.constantFrom(...texts.map((text) => text.slice(0, 80)), ...EXTRA),
      fc.string({ maxLength: 20 }),
      fc.string({ maxLength: 10, unit: 'binary' }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.constantFrom(...CANDIDATES), (pieces, only) => {
        const text = pieces.join(' ');
        expect(francOnly(text, only)).toBe(franc(text, { only, minLength: 1 }));
      }),
      { numRuns: 2000 },
    );
    const long = texts.join(' ');
    expect(francOnly(long, ['eng', 'fra', 'spa'])).toBe(
      franc(long, { only: ['eng', 'fra', 'spa'], minLength: 1 }),
    );
  });
});

describe('letterCount', () => {
  it('counts what /\\p{L}/gu matches, astral letters and lone surrogates included', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('𝐀𝐁', '\ud835', '\udc00', 'é', 'ب', '1 2'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), (pieces) => {
        const text = pieces.join('');
        expect(letterCount(text)).toBe(text.match(/\p{L}/gu)?.length ?? 0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the pieces of francOnly', () => {
  const matches = (text: string) =>
    Object.values(expressions).map((expression) => text.match(expression)?.length ?? 0);

  it("counts script characters as franc-min's expressions match them, on every BMP unit", () => {
    const differ: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      const text = `a${String.fromCharCode(unit)}`;
      if (scriptCounts(text).join() !== matches(text).join()) differ.push(unit);
    }
    expect(differ).toEqual([]);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        expect(scriptCounts(text)).toEqual(matches(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('cleans a text for trigrams as trigram-utils does, final sigma included', () => {
    const chain = (text: string) =>
      ` ${text
        .replace(/[\u0021-\u0040]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .toLowerCase()} `;
    const differ: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      const text = `ΑΣ${String.fromCharCode(unit)}b Σ`;
      if (cleanForTrigrams(text) !== chain(text)) differ.push(unit);
    }
    expect(differ).toEqual([]);
    const piece = fc.constantFrom(' ', 'Σ', '.', 'a', 'İ', '\u00a0', '\ufeff', '\u0085', '1', 'Α', '\u2028');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.array(piece).map((pieces) => pieces.join('')),
        ),
        (text) => {
          expect(cleanForTrigrams(text)).toBe(chain(text));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
