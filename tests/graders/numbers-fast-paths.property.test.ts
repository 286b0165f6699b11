import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinMasks, rangesOf } from '../../src/graders/numbers/masks.js';
import { prefixes } from '../../src/graders/numbers/pattern-prefixes.js';

describe('numbers: pattern prefixes', () => {
  const PATTERNS = [
    'g|gr|grammes?|grams?',
    '(?:µ|μ|u)g|mcg|microgrammes?',
    'mm ?hg|millimetres? de mercure',
    'm²|m2|metres? carres?|square met(?:er|re)s?',
    'sem\\.?|semaines?|weeks?|wk',
    '%|pour ?cent|pourcents?|p\\. ?100|pour 100|percent|per ?cent|per 100',
    '°c|°|degres?(?: celsius)?|degrees?(?: celsius)?',
    '\\$|dollars?|usd',
    '(?:a|b)?c',
  ];

  it('reads what a simple pattern starts with', () => {
    expect(prefixes('g|gr|grammes?', 2)).toEqual(new Set(['g', 'gr']));
    expect(prefixes('(?:µ|u)g|mcg', 2)).toEqual(new Set(['µg', 'ug', 'mc']));
    expect(prefixes('(?:a|b)?c', 2)).toEqual(new Set(['ac', 'bc', 'c']));
    expect(prefixes('\\$|p\\. ?1', 2)).toEqual(new Set(['$', 'p.']));
  });

  it('gives up on what it cannot read', () => {
    for (const pattern of ['[ab]c', 'a*', '\\dx', 'a+b', '(a|b)', 'a{2}', '.b', '(?:a']) {
      expect(prefixes(pattern, 2)).toBeUndefined();
    }
  });

  it('never leaves out how a match starts', () => {
    const alphabet = fc.constantFrom(...'gramesµμucoh mdt²2qwk.%p1°l$s'.split(''));
    fc.assert(
      fc.property(fc.constantFrom(...PATTERNS), fc.array(alphabet, { maxLength: 12 }), (pattern, chars) => {
        const match = new RegExp(`^(?:${pattern})`, 'u').exec(chars.join(''));
        if (!match) return;
        const heads = prefixes(pattern, 2) ?? new Set<string>();
        // A match is found from its first two units, or is shorter and then whole.
        const found = [...heads].some((head) => match[0].startsWith(head));
        expect(found).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('numbers: masks', () => {
  // The masks as plain global patterns, which the fast paths must find the same as.
  const REFERENCE = [
    /\[\s*\d+(?:\s*[-–—,;]\s*\d+)*\s*\]/gu,
    /^[ \t>*#-]*\d{1,2}[.)](?=\s)/gmu,
    /\b(?:https?:\/\/|www\.)\S+/giu,
    /\bdoi\s*:?\s*10\.\S+|\b10\.\d{4,9}\/\S+/giu,
    /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu,
    /\b(?:pmid|pmcid|nct|isrctn)\s*:?\s*\d+/giu,
  ];
  const PIECES = [
    '[1]',
    '[2-4]',
    '[ 3 , 5 ]',
    '\n1. ',
    '\r\n2) ',
    '\u2028- 3. ',
    '\u2029> 12) x',
    '#4.\t',
    'https://x.org/a1',
    'HTTP://X',
    'WWW.site.fr/12',
    'doi: 10.1234/abc5',
    '10.12345/xyz',
    'DOI 10.1000/1',
    'a.b@c.fr',
    'x1@y2.com',
    'PMID: 123',
    'pmcid 99',
    'NCT0123',
    'ISRCTN 77',
    'iſrctn 5',
    '12',
    '1.',
    ' ',
    '\n',
    'texte',
  ];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 20 })
    .map((pieces) => pieces.join(''));

  it('finds what the plain patterns find', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(builtinMasks(value)).toEqual(REFERENCE.flatMap((pattern) => rangesOf(value, pattern)));
      }),
      { numRuns: 3000 },
    );
  });
});
