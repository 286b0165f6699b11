import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractQuantities, extractRoles } from '../../src/graders/numbers/extract.js';
import { numbers } from '../../src/graders/numbers/index.js';
import type { GradeInput } from '../../src/graders/types.js';

describe('numbers: both roles from one reading', () => {
  // Pieces that exercise what differs between the roles: units embedding a figure ("2 g/24 h"),
  // periods after what a figure counts ("3 g de paracétamol par jour"), ordinal words, implied
  // units, shared units, clock times, word numbers that need a unit or an article.
  const PIECES = [
    '2 g/24 h',
    '10 mg/kg/j',
    '3 g de paracétamol par jour',
    'deux séances de kinésithérapie par semaine',
    '12 cas pour 100 000 habitants',
    'première intention',
    'troisième',
    'first',
    '6,1 % (IC 95 % : 5,2-7,0)',
    '67 ans (IC 95 % : 64-70)',
    'entre 35 et 49 ans',
    '1 ou 2 comprimés',
    '14 h 30',
    '1.240',
    '1/3',
    '12/03/2021',
    'une semaine',
    'les deux',
    'neuf',
    'once a day',
    '2 millions',
    '12 services',
    '[1]',
    '1. ',
    'COVID-19',
    '5 días',
    '٥ ملغ',
    'x',
    ' ',
    '. ',
    '\n',
    'et',
    'par',
  ];
  const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((pieces) => pieces.join(' '));
  const masks = fc.array(
    fc.tuple(fc.nat(120), fc.nat(20)).map(([start, length]) => ({ start, end: start + length })),
    { maxLength: 2 },
  );

  it('gives each role what extractQuantities gives it', () => {
    fc.assert(
      fc.property(text, masks, (value, ranges) => {
        const roles = extractRoles(value, ranges);
        expect(roles.claim).toEqual(extractQuantities(value, 'claim', ranges));
        expect(roles.support).toEqual(extractQuantities(value, 'support', ranges));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives each role objects of its own', () => {
    fc.assert(
      fc.property(text, (value) => {
        const { claim, support } = extractRoles(value);
        for (const figure of claim) expect(support).not.toContain(figure);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a period as a claim does, and both readings as a source does', () => {
    const { claim, support } = extractRoles('Prendre 3 g de paracétamol par jour, soit 2 g/24 h.');
    expect(claim.map((figure) => figure.unit?.label)).toEqual(
      extractQuantities('Prendre 3 g de paracétamol par jour, soit 2 g/24 h.', 'claim').map(
        (figure) => figure.unit?.label,
      ),
    );
    expect(support.length).toBeGreaterThan(claim.length);
  });
});

describe('numbers: figures of recent sources, remembered', () => {
  it('grades the same whether a source is read afresh or remembered', () => {
    const grader = numbers.create('figures', { ignore: ['/\\b(19|20)\\d{2}\\b/'] }, { dir: '.', place: {} });
    const input = (source: string, output: string): GradeInput => ({
      output,
      case: { id: 'c', vars: { source }, expect: {} },
      suite: { id: 's', language: 'fr', dir: '.', use: 'summary' },
    });
    const sources = Array.from({ length: 40 }, (_, i) => `En 2021, ${i + 3} patients ont reçu ${i} mg/kg/j.`);
    const outputs = ['En 2021, 5 patients ont reçu 2 mg/kg/j.', 'Aucun chiffre.'];
    const grades = () =>
      sources.flatMap((source) => outputs.map((output) => grader.grade(input(source, output))));
    const first = grades();
    expect(grades()).toEqual(first);
    expect([...sources].reverse().map((source) => grader.grade(input(source, outputs[0] as string)))).toEqual(
      first.filter((_, i) => i % 2 === 0).reverse(),
    );
  });
});
