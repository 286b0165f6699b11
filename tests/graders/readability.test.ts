import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LONG_WORD_SYLLABLES, measureReadability, readability } from '../../src/graders/readability/index.js';
import { countSyllables } from '../../src/graders/readability/syllables.js';
import { createGraders } from '../../src/graders/registry.js';
import { type GradeResult, GraderError } from '../../src/graders/types.js';
import { UserError } from '../../src/shared/errors.js';

// Syllables as read aloud with care: silent final e and verb "-ent", but "ta-ble".
const KNOWN: Record<string, number> = {
  chat: 1,
  maison: 2,
  hôpital: 3,
  vaccination: 4,
  éducation: 4,
  table: 2,
  tables: 2,
  mangent: 1,
  eau: 1,
  oiseau: 2,
  médicament: 4,
  patient: 2,
  patients: 2,
  fièvre: 2,
  douleur: 2,
  semaine: 2,
  journée: 2,
  âgée: 2,
  maladie: 3,
  santé: 2,
  traitement: 3,
  rapidement: 4,
  souvent: 2,
  client: 2,
  'peut-être': 3,
  "l'hôpital": 3,
  'aujourd’hui': 3,
  réaction: 3,
  agréable: 4,
  possible: 3,
  simple: 2,
  vie: 1,
  rue: 1,
  fille: 1,
  travail: 2,
  œuf: 1,
  cœur: 1,
  yeux: 1,
  moyen: 2,
  crayon: 2,
  naïf: 2,
  poète: 2,
  ordonnance: 3,
  infirmière: 3,
  pharmacie: 3,
  urgence: 2,
  comprimé: 3,
  prennent: 1,
  doivent: 1,
  étudient: 3,
  question: 2,
  guérir: 2,
  "qu'il": 1,
  oublier: 3,
  voyage: 2,
  aérosol: 4,
  'anti-inflammatoire': 6,
  Élevé: 3,
  // Known misses of the rules, kept so the score stays honest.
  pays: 2,
  aiment: 1,
  yaourt: 2,
};

describe('French syllable counting', () => {
  it('gets at least 90 % of a list of known counts exactly', () => {
    const wrong = Object.entries(KNOWN).filter(([word, count]) => countSyllables(word) !== count);
    const share = 1 - wrong.length / Object.keys(KNOWN).length;
    expect(Object.keys(KNOWN).length).toBeGreaterThanOrEqual(30);
    expect(share, JSON.stringify(wrong)).toBeGreaterThanOrEqual(0.9);
  });

  it('applies each rule', () => {
    expect(countSyllables('mange')).toBe(1); // silent final e
    expect(countSyllables('vie')).toBe(1); // but a one-vowel word keeps it
    expect(countSyllables('livre')).toBe(2); // heard after a consonant and r
    expect(countSyllables('parlent')).toBe(1); // verb plural
    expect(countSyllables('moment')).toBe(2); // "-ment" is heard
    expect(countSyllables('gâteau')).toBe(2); // "eau" is one
    expect(countSyllables('maïs')).toBe(2); // the diaeresis splits
    expect(countSyllables('créé')).toBe(2); // é after a vowel splits
    expect(countSyllables('MAISON')).toBe(2); // case does not matter
  });

  it('counts figures as one syllable per digit group, and any word as at least one', () => {
    expect(countSyllables('500')).toBe(1);
    expect(countSyllables('3,5')).toBe(2);
    expect(countSyllables('mg')).toBe(1);
  });
});

const FALC = `Le vaccin protège contre la grippe.
Il faut le faire chaque année.
- Venez à la pharmacie.
- Montrez votre carte Vitale.
- Le vaccin est gratuit après 65 ans.
Vous avez mal au bras ? C'est normal. Cela passe en deux jours.`;

const ADMINISTRATIVE =
  "Conformément aux dispositions réglementaires en vigueur, la prise en charge intégrale des frais afférents à la vaccination antigrippale saisonnière est conditionnée à la présentation préalable, auprès du professionnel de santé habilité, de l'imprimé de prise en charge adressé par l'organisme d'assurance maladie obligatoire aux bénéficiaires relevant des catégories de population prioritaires définies par les recommandations vaccinales en vigueur.";

function grade(config: Record<string, number>, output: string): GradeResult {
  const grader = readability.create('readability', config, { dir: '.', place: {} });
  return grader.grade({
    output,
    case: { id: 'c1', vars: {}, expect: {} },
    suite: { id: 'education.test', language: 'fr', dir: '.' },
  }) as GradeResult;
}

describe('readability measures', () => {
  it('computes Kandel & Moles from words, sentences and syllables', () => {
    // 2 sentences, 6 words: "Le" 1, "chat" 1, "dort" 1, "Il" 1, "est" 1, "content" 2 = 7 syllables.
    const measured = measureReadability('Le chat dort. Il est content.');
    expect(measured).toMatchObject({ sentences: 2, words: 6, syllables: 7 });
    expect(measured.kandelMoles).toBeCloseTo(207 - 1.015 * 3 - 73.6 * (7 / 6), 10);
    expect(measured.meanSentenceWords).toBe(3);
    expect(measured.longWordShare).toBe(0);
  });

  it('counts words of three syllables or more as long', () => {
    expect(LONG_WORD_SYLLABLES).toBe(3);
    // "médicament" 4 and "ordonnance" 3 are long, "prenez" 2 is not: 2 of 5 words.
    const measured = measureReadability('Prenez le médicament sans ordonnance.');
    expect(measured.longWordShare).toBeCloseTo(2 / 5, 10);
  });

  it('counts each list item and each line as a sentence, without its marker', () => {
    const list = '- Buvez de l’eau\n• Reposez-vous\n1. Prenez 1 comprimé\n2) Appelez le 15';
    const measured = measureReadability(list);
    expect(measured.sentences).toBe(4);
    // The markers "1." and "2)" are not words; "1" and "15" are.
    expect(measured.words).toBe(3 + 1 + 3 + 3);
    expect(list.slice(measured.spans[2]?.start, measured.spans[2]?.end)).toBe('Prenez 1 comprimé');
  });

  it('rates the plain-language text far easier than the administrative paragraph', () => {
    const plain = measureReadability(FALC);
    const dense = measureReadability(ADMINISTRATIVE);
    expect(plain.kandelMoles).toBeGreaterThan(80);
    expect(dense.kandelMoles).toBeLessThan(30);
    expect(plain.meanSentenceWords).toBeLessThan(8);
    expect(dense.meanSentenceWords).toBeGreaterThan(40);
    expect(plain.longWordShare).toBeLessThan(dense.longWordShare);
  });
});

describe('readability grader', () => {
  it('passes the plain text and fails the administrative paragraph at the same thresholds', () => {
    const config = { minKandelMoles: 60, maxMeanSentenceWords: 15, maxLongWordShare: 0.2 };
    const plain = grade(config, FALC);
    expect(plain.pass, plain.reason).toBe(true);
    expect(plain.score).toBeGreaterThan(0.8);
    expect(plain.reason).toMatch(/^Kandel-Moles \d+(\.\d)?, \d+(\.\d)? words per sentence, \d+ % long words/);
    const dense = grade(config, ADMINISTRATIVE);
    expect(dense.pass).toBe(false);
    expect(dense.score).toBe(0);
    expect(dense.reason).toContain('reading ease below 60');
    expect(dense.reason).toContain('sentences longer than 15 words on average');
    expect(dense.reason).toContain('more than 20 % long words');
    expect(dense.spans).toEqual([{ start: 0, end: ADMINISTRATIVE.length, label: 'long-sentence' }]);
  });

  it('checks each threshold on its own', () => {
    expect(grade({ minKandelMoles: 60 }, ADMINISTRATIVE).reason).toMatch(/^reading ease below 60:/);
    expect(grade({ maxMeanSentenceWords: 100 }, ADMINISTRATIVE).pass).toBe(true);
    expect(grade({ maxLongWordShare: 0.6 }, ADMINISTRATIVE).pass).toBe(true);
    expect(grade({ maxLongWordShare: 0.01 }, FALC).pass).toBe(false);
  });

  it('marks only the sentences longer than the limit', () => {
    const text =
      'Venez demain. Apportez votre carte Vitale, votre ordonnance et la liste de vos médicaments.';
    const result = grade({ maxMeanSentenceWords: 5 }, text);
    expect(result.pass).toBe(false);
    expect(result.spans).toEqual([{ start: 14, end: text.length, label: 'long-sentence' }]);
  });

  it('fails an empty answer', () => {
    expect(grade({ minKandelMoles: 60 }, '  \n ')).toMatchObject({ pass: false, score: 0 });
  });

  it('needs at least one threshold', () => {
    expect(() => readability.create('r', {}, { dir: '.', place: {} })).toThrow(GraderError);
    expect(() =>
      createGraders(
        [{ type: 'readability', id: 'r', config: {}, place: { file: 'suite.yaml', line: 3 } }],
        '.',
      ),
    ).toThrow(UserError);
  });
});

describe('readability never throws on an answer', () => {
  it('returns a score in 0..1 and spans inside the output, whatever the output', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        const result = grade({ minKandelMoles: 60, maxMeanSentenceWords: 3 }, text);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        for (const span of result.spans ?? []) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(text.length);
          expect(span.end).toBeGreaterThan(span.start);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts at least one syllable for any word the splitter gives', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        for (const word of text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []) {
          expect(countSyllables(word)).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });
});
