import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentOf, negationsOf, newLexicon, polarity } from '../../src/graders/negation-markers.js';
import { startOf, wordAt, wordsOf } from '../../src/graders/negation-words.js';

/** Words and separators that exercise folding, hyphens, "n't", litotes and negations. */
const PIECES = [
  'ne',
  "n'",
  'n’a',
  'pas',
  'plus',
  'jamais',
  'aucun',
  'personne',
  'la',
  'rien',
  'sans',
  'non',
  'ni',
  'que',
  'seulement',
  'rare',
  'Dépasser',
  'DÉCONSEILLÉ',
  'contre-indiqué',
  'peut-être',
  'pas-à-pas',
  'ab-12',
  'x-1',
  "don't",
  'ISN’T',
  'not',
  'only',
  'sans doute',
  'Effet',
  'réduit',
  'mortalité',
  'œdème',
  'ǅ',
  '𝐀b',
  'e\u0301',
  'İ',
  'ß',
  'ﬁn',
  '12',
  '3,5',
  '٣',
  '\uD800',
  ' ',
  '  ',
  '\u00A0',
  '\n',
  ',',
  ';',
  '.',
  '-',
  '–',
];

const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
      fc.string({ unit: 'binary', maxLength: 2 }),
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(' '));

describe('negation: a text read once gives each of its parts the polarity it has alone', () => {
  it('for any part between two runs of spaces', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (whole, x, y) => {
        const words = wordsOf(whole, newLexicon());
        if (!words) return;
        // Parts begin and end between words, as clauses do: at runs of spaces.
        const cuts = [0, whole.length];
        for (const match of whole.matchAll(/\s+/g)) cuts.push(match.index, match.index + match[0].length);
        cuts.sort((a, b) => a - b);
        const from = cuts[x % cuts.length] as number;
        const to = Math.max(from, cuts[y % cuts.length] as number);
        const part = whole.slice(from, to);
        const first = wordAt(words, from);
        const last = wordAt(words, to);
        const alone = polarity(part);
        const stems = (ids: number[]) => ids.map((id) => words.lexicon.stems[id]);
        const found = negationsOf(words, first, last);
        expect(stems(contentOf(words, first, last))).toEqual([...alone.content]);
        expect(found.count).toBe(alone.negations);
        expect(stems(found.scope)).toEqual([...alone.scope]);
        expect(stems(found.negatedLitotes)).toEqual([...alone.litotes.negated]);
        expect(stems(found.plainLitotes)).toEqual([...alone.litotes.plain]);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads "n\'t" as "not", wherever the text has it', () => {
    const words = wordsOf("It doesn't help, isn't it", newLexicon());
    expect(words?.entries.map((entry) => words.lexicon.tokens[entry])).toEqual([
      'it',
      'does',
      'not',
      'help',
      'is',
      'not',
      'it',
    ]);
    expect(words?.entries.map((_, index) => startOf(words, index))).toEqual([0, 3, 7, 11, 17, 19, 23]);
  });

  it('leaves a text with a capital sigma to be read clause by clause', () => {
    expect(wordsOf('ΣΑΣ ne pas', newLexicon())).toBeUndefined();
  });
});
