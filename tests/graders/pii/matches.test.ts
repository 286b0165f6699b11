import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesOf } from '../../../src/graders/pii/matches.js';

/** What matchAll gives, as plain data: index, match and groups. */
function plain(matches: Iterable<RegExpMatchArray>): unknown[] {
  return [...matches].map((match) => [match.index, [...match]]);
}

const PATTERNS = [/a+/g, /(?<![\p{L}])\d+/gu, /x*/g, /(?:)/gu, /\b(b)(c)?/g, /[😀é]/gu, /\d/gy];

describe('matchesOf', () => {
  it('finds what matchAll finds, empty matches and surrogate pairs included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'x', '1', ' ', 'é', '😀', '\uD83D') }),
        (text) => {
          for (const pattern of PATTERNS) {
            expect(plain(matchesOf(pattern, text))).toEqual(plain(text.matchAll(pattern)));
          }
        },
      ),
    );
  });

  it('leaves the pattern where it was, and starts from there as matchAll does', () => {
    const pattern = /a/g;
    pattern.lastIndex = 2;
    expect(plain(matchesOf(pattern, 'aaaa'))).toEqual(plain('aaaa'.matchAll(pattern)));
    expect(pattern.lastIndex).toBe(2);
  });

  it('refuses a pattern without the g flag, as matchAll does', () => {
    expect(() => matchesOf(/a/, 'a')).toThrow(TypeError);
  });
});
