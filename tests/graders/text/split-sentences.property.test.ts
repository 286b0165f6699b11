import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpace, splitSentences } from '../../../src/graders/text/normalize.js';

/** splitSentences as it was written with one expression, which the scan must match exactly. */
function splitWithExpression(text: string): Array<{ text: string; start: number; end: number }> {
  const boundary = /(?<=[.!?…])\s+(?=[\p{Lu}\d«"([])|\n+/gu;
  const sentences: Array<{ text: string; start: number; end: number }> = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmedStart = start + (raw.length - raw.trimStart().length);
    const content = raw.trim();
    if (content) sentences.push({ text: content, start: trimmedStart, end: trimmedStart + content.length });
  };
  for (const match of text.matchAll(boundary)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return sentences;
}

const PIECES = [
  '.',
  '!',
  '?',
  '…',
  ' ',
  '\n',
  '\t',
  '\r',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\ufeff',
  'a',
  'A',
  'É',
  'é',
  '7',
  '«',
  '"',
  '(',
  '[',
  '𝐀',
  '𝐚',
  '\ud835',
  '\udc00',
  'Σ',
  'Le patient. ',
];

describe('splitSentences', () => {
  it('splits where the expression it replaced splits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 3 })), {
          maxLength: 16,
        }),
        (pieces) => {
          const text = pieces.join('');
          expect(splitSentences(text)).toEqual(splitWithExpression(text));
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('splits as matchAll over the boundaries does (property)', () => {
    const text = fc
      .array(
        fc.oneof(
          fc.constantFrom('. ', '! ', '? ', '… ', '\n', '\n\n', ' ', 'A', 'é', '5', '«', 'x'),
          fc.string(),
        ),
        {
          maxLength: 20,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        expect(splitSentences(value)).toEqual(splitWithExpression(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('opens a sentence at every character the expression opens one at', () => {
    for (let code = 0; code < 0x10000; code += 1) {
      const text = `Un. ${String.fromCharCode(code)}b`;
      expect(splitSentences(text)).toEqual(splitWithExpression(text));
    }
    for (let code = 0x10000; code < 0x110000; code += 97) {
      const text = `Un. ${String.fromCodePoint(code)}b`;
      expect(splitSentences(text)).toEqual(splitWithExpression(text));
    }
  });
});

describe('isSpace', () => {
  it('is \\s, and what trim removes, for every unit', () => {
    for (let code = 0; code < 0x10000; code += 1) {
      const char = String.fromCharCode(code);
      expect(isSpace(code)).toBe(/\s/u.test(char));
      expect(isSpace(code)).toBe(char.trim() === '');
    }
  });
});
