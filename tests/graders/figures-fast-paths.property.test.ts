import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findWordNumbers, findWordOrdinals } from '../../src/graders/numbers/number-words.js';
import { readings } from '../../src/graders/numbers/parse-number.js';
import { wordAlternation } from '../../src/graders/numbers/word-alternation.js';

// The shortcuts the figure extraction takes must find what the plain forms they replace find.

const NUMBER_WORDS = [
  ...'zero un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize'.split(
    ' ',
  ),
  ...'vingt vingts trente quarante cinquante soixante cent cents mille one two three four five seven'.split(
    ' ',
  ),
  ...'eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(
    ' ',
  ),
  ...'thirty forty fifty sixty seventy eighty ninety hundred thousand once twice thrice'.split(' '),
];
const ORDINAL_WORDS =
  'premier premiere second seconde deuxieme troisieme quatrieme cinquieme sixieme septieme huitieme neuvieme dixieme first third fourth fifth'.split(
    ' ',
  );

/** Folded-looking text made of number words, ordinals, separators and what may border them. */
const wordText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...NUMBER_WORDS, ...ORDINAL_WORDS),
      fc.constantFrom(' ', '-', ' et ', ' and ', '-et-', ' ', "'", ',', '.', '\n'),
      fc.constantFrom(
        'e',
        's',
        'x',
        'ne',
        'teen',
        'ty',
        'ieme',
        'é',
        'ß',
        'ω',
        '中',
        '1',
        '_',
        '😀',
        '\ud800',
      ),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''));

function matches(pattern: RegExp, text: string): Array<[number, string]> {
  return [...text.matchAll(pattern)].map((match) => [match.index ?? 0, match[0]]);
}

describe('numbers: word alternation', () => {
  const flat = [...NUMBER_WORDS].sort((a, b) => b.length - a.length).join('|');
  const trie = wordAlternation(NUMBER_WORDS);

  it('factors common starts and tries a longer word before its start', () => {
    expect(wordAlternation(['cinquante', 'cents', 'cinq', 'cent', 'un', 'une'])).toBe(
      '(?:c(?:inq(?:uante)?|ent(?:s)?)|un(?:e)?)',
    );
  });

  it('finds what the flat alternation, longest first, finds, within a run and alone (property)', () => {
    const run = (word: string) =>
      new RegExp(`(?<![\\p{L}\\p{N}])${word}(?:(?: et | and |-et-|-| )${word})*(?![\\p{L}\\p{N}])`, 'gu');
    const token = (word: string) => new RegExp(`${word}(?![\\p{L}])`, 'gu');
    fc.assert(
      fc.property(wordText, (text) => {
        expect(matches(run(trie), text)).toEqual(matches(run(`(?:${flat})`), text));
        expect(matches(token(trie), text)).toEqual(matches(token(`(?:${flat})`), text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('numbers: words read', () => {
  it('reads a run of one word as a run of several is read', () => {
    expect(findWordNumbers('une semaine, neuf jours, twice, vingt-et-un')).toEqual([
      { start: 0, end: 3, value: 1, articleOnly: true, needsUnit: false, times: false },
      { start: 13, end: 17, value: 9, articleOnly: false, needsUnit: true, times: false },
      { start: 25, end: 30, value: 2, articleOnly: false, needsUnit: false, times: true },
      { start: 32, end: 43, value: 21, articleOnly: false, needsUnit: false, times: false },
    ]);
  });

  it('finds the ordinals the whole-text pattern finds (property)', () => {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${ORDINAL_WORDS.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    fc.assert(
      fc.property(wordText, (text) => {
        expect(findWordOrdinals(text).map(({ start, end }) => [start, text.slice(start, end)])).toEqual(
          matches(pattern, text),
        );
      }),
      { numRuns: 3000 },
    );
  });
});

describe('numbers: readings', () => {
  it('reads plain digits as the general case does', () => {
    const unknown = () => 'unknown' as const;
    for (const token of ['0', '5', '007', '1240', '123456789012345678901234567890']) {
      expect(readings(token, unknown)).toEqual([Number(token)]);
    }
    expect(readings('1.240', () => 'fr')).toEqual([1240]);
    expect(readings('1.240', unknown)).toEqual([1.24, 1240]);
  });
});
