import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { letterCount, parseLanguage } from '../../src/graders/translation/language.js';

describe('translation: letter count', () => {
  const byRegex = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;

  it('counts what /\\p{L}/gu matches, astral letters and lone surrogates included', () => {
    const unit = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('𝐀', '😀', '\ud835', '\udc00', 'é', 'ﻻ', '中', ' ', '1'),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(letterCount(text)).toBe(byRegex(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts astral letters once and lone surrogates not at all', () => {
    expect(letterCount('𝐀b')).toBe(2);
    expect(letterCount('\ud835a\udc00')).toBe(1);
    expect(letterCount('😀')).toBe(0);
  });
});

describe('translation: parseLanguage, remembered', () => {
  it('answers a value the same the second time', () => {
    for (const value of ['en', ' anglais ', 'pt-BR', 'ara', 'xx', 'Français', 'not a language']) {
      expect(parseLanguage(value)).toEqual(parseLanguage(value));
    }
    expect(parseLanguage('anglais')).toEqual({ label: 'anglais', franc: 'eng' });
    expect(parseLanguage('not a language')).toBeUndefined();
  });
});
