import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractCitations } from '../../src/graders/citations/extract.js';
import { findIdentifiers } from '../../src/graders/citations/identifiers.js';

// Pieces of identifiers in every case, with the characters Unicode case folding treats apart
// (the long s "ſ", the Kelvin sign, the dotted and dotless i), and the text around them.
const PIECES = [
  'http://',
  'HTTPS://',
  'hTtPs://',
  'httpſ://',
  'www.',
  'WWW.',
  'WwW.',
  'PMID',
  'pmid',
  'PmId',
  'PMİD',
  'pmıd',
  ':',
  ' ',
  '\n',
  '12345',
  '10.1000/avec.1',
  'doi.org/',
  'pubmed.ncbi.nlm.nih.gov/',
  'example.org',
  '/chemin',
  '.',
  ')',
  '(',
  'Selon la HAS',
  'K',
  'é',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((pieces) => pieces.join(''));

describe('findIdentifiers', () => {
  it('finds the same identifiers whether or not the text passes its quick search for "http", "www." and "pmid"', () => {
    fc.assert(
      fc.property(text, (source) => {
        // A suffix that holds all three words, apart from the text and naming no identifier,
        // makes every search run: what it finds in the text is what the patterns alone find.
        const searched = findIdentifiers(`${source}\n\nhttp www. pmid`).filter(
          (id) => id.end <= source.length,
        );
        expect(findIdentifiers(source)).toEqual(searched);
      }),
      { numRuns: 2000 },
    );
  });
});

// Author-year citations and their look-alikes.
const REFERENCE_PIECES = [
  'Martin',
  'Le Goff',
  'Durand',
  'de la Tour',
  "d'Almeida",
  ' et al.',
  ' et ',
  ' & ',
  ', ',
  ' ; ',
  '(2019)',
  '( 2021 )',
  '(1998a)',
  '(2019',
  '2019)',
  '(Martin, 2019)',
  '(voir Durand et al., 2020, p. 12)',
  'la HAS ',
  "l'OMS ",
  'Selon ',
  '[1]',
  '[2-4]',
  'IC 95 % ',
  ' ',
  '\n',
  '.',
  'une étude',
];

const prose = fc
  .array(fc.constantFrom(...REFERENCE_PIECES), { maxLength: 30 })
  .map((pieces) => pieces.join(''));

describe('extractCitations', () => {
  it('finds the same author-year citations whether or not the text passes its quick search for a year in brackets', () => {
    fc.assert(
      fc.property(prose, (source) => {
        // "." keeps the year of the suffix from joining a name at the end of the text.
        const searched = extractCitations(`${source}\n\n.(2019)`).filter((c) => c.end <= source.length);
        expect(extractCitations(source)).toEqual(searched);
      }),
      { numRuns: 2000 },
    );
  });
});
