import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type NegationConfig, negation } from '../../src/graders/negation.js';
import { type GradeInput, type GradeResult, GraderError } from '../../src/graders/types.js';
import { MUTATIONS } from '../../src/providers/mutations.js';

const context = { dir: '.', place: {} };

function input(output: string, vars: Record<string, unknown>): GradeInput {
  return {
    output,
    case: { id: 'c1', vars, expect: {} },
    suite: { id: 'summary.x', language: 'fr', dir: '.' },
  };
}

function grade(output: string, source: string, config: NegationConfig = {}): GradeResult {
  return negation.create('negation', config, context).grade(input(output, { source })) as GradeResult;
}

function flagged(output: string, result: GradeResult): string[] {
  return (result.spans ?? []).map((span) => output.slice(span.start, span.end));
}

describe('negation: a statement flipped against the source fails, with its span', () => {
  it.each([
    [
      'ne … pas added',
      'Le traitement réduit la douleur chez les patients âgés.',
      'Le traitement ne réduit pas la douleur chez les patients âgés.',
    ],
    [
      'ne … pas removed',
      'Le traitement ne réduit pas la douleur chez les patients âgés.',
      'Le traitement réduit la douleur chez les patients âgés.',
    ],
    [
      "n' … pas added",
      'Le traitement a réduit la douleur chez les patients âgés.',
      "Le traitement n'a pas réduit la douleur chez les patients âgés.",
    ],
    [
      'aucun added',
      'Des effets indésirables graves ont été observés chez les patients traités.',
      "Aucun effet indésirable grave n'a été observé chez les patients traités.",
    ],
    [
      'aucun … ne … pas, a double negation',
      "Aucun effet indésirable grave n'a été signalé pendant l'essai.",
      "Aucun effet indésirable grave n'a pas été signalé pendant l'essai.",
    ],
    [
      'aucun removed',
      "Aucun effet indésirable grave n'a été observé chez les patients traités.",
      'Des effets indésirables graves ont été observés chez les patients traités.',
    ],
    [
      'sans for avec',
      'La marche peut être reprise avec une canne dès le deuxième jour.',
      'La marche peut être reprise sans canne dès le deuxième jour.',
    ],
    [
      'jamais added',
      "Le pansement doit être changé tous les jours par l'infirmière.",
      "Le pansement ne doit jamais être changé par l'infirmière.",
    ],
    [
      'jamais removed',
      'Le patient n’a jamais présenté de réaction allergique à la pénicilline.',
      'Le patient a déjà présenté une réaction allergique à la pénicilline.',
    ],
    [
      'ni … ni removed',
      "Les résidents ne reçoivent ni visite ni appel pendant la période d'isolement.",
      "Les résidents reçoivent des visites et des appels pendant la période d'isolement.",
    ],
    [
      'non added',
      'La vaccination est recommandée chez la femme enceinte.',
      'La vaccination est non recommandée chez la femme enceinte.',
    ],
    [
      'ne … plus',
      "L'aspirine n'est plus recommandée en prévention primaire.",
      "L'aspirine est toujours recommandée en prévention primaire.",
    ],
    [
      'a prohibition reversed',
      "L'alcool est déconseillé pendant le traitement antibiotique.",
      "L'alcool est recommandé pendant le traitement antibiotique.",
    ],
    [
      'a litotes against its plain word',
      'Les complications sont rares après la pose de la prothèse.',
      'Les complications ne sont pas rares après la pose de la prothèse.',
    ],
    [
      'not added',
      'The treatment reduced pain in older patients.',
      'The treatment did not reduce pain in older patients.',
    ],
    [
      "n't added",
      'The treatment reduced pain in older patients.',
      "The treatment didn't reduce pain in older patients.",
    ],
    [
      'no added',
      'There were adverse events in the treated group.',
      'There were no adverse events in the treated group.',
    ],
    ['never added', 'The vaccine is safe during pregnancy.', 'The vaccine is never safe during pregnancy.'],
    [
      'without for with',
      'Patients should take the tablet with food.',
      'Patients should take the tablet without food.',
    ],
    [
      'cannot removed',
      'The drug cannot be crushed before swallowing.',
      'The drug can be crushed before swallowing.',
    ],
  ])('%s', (_name, source, output) => {
    const result = grade(output, source);
    expect(result.pass).toBe(false);
    expect(result.score).toBe(0);
    expect(flagged(output, result)).toEqual([output.replace(/\.$/, '')].map((text) => `${text}.`));
    expect(result.spans?.[0]?.label).toBe('negation-flip');
    expect(result.reason).toBe('1 of 1 statements negate what the source affirms, or the reverse');
  });

  it('flags only the flipped clause of a sentence, and scores the share kept', () => {
    const source =
      'Le programme a réduit les chutes de 28 %. Les fractures ont diminué de façon significative.';
    const output =
      'Le programme a réduit les chutes de 28 %, mais les fractures n’ont pas diminué de façon significative.';
    const result = grade(output, source);
    expect(flagged(output, result)).toEqual(['les fractures n’ont pas diminué de façon significative.']);
    expect(result).toMatchObject({ pass: false, score: 0.5 });
  });
});

describe('negation: what keeps the source’s polarity passes', () => {
  it.each([
    [
      'a faithful paraphrase',
      'Le traitement a réduit la douleur chez les patients âgés.',
      'Chez les patients âgés, la douleur a diminué sous traitement.',
    ],
    [
      'the same negation',
      'Les patients ne doivent pas arrêter le traitement sans avis médical.',
      'Les patients ne doivent pas arrêter le traitement sans avis médical.',
    ],
    [
      'a negation reworded',
      "Aucune aggravation de l'insomnie n'a été observée.",
      "L'insomnie ne s'est pas aggravée, aucune aggravation n'a été observée.",
    ],
    [
      'a prohibition for ne … pas',
      'Les patients ne doivent pas arrêter le traitement sans avis médical.',
      "Il est déconseillé d'arrêter le traitement sans l'avis du médecin.",
    ],
    [
      'ne … pas for a prohibition',
      "L'alcool est déconseillé pendant le traitement antibiotique.",
      "Ne pas boire d'alcool pendant le traitement antibiotique.",
    ],
    [
      'a litotes for its meaning',
      'La douleur persiste souvent après l’opération.',
      "Il n'est pas rare que la douleur persiste après l'opération.",
    ],
    [
      'non négligeable',
      'Le risque de chute est important chez les résidents dénutris.',
      'Le risque de chute est non négligeable chez les résidents dénutris.',
    ],
    [
      'an English litotes',
      'Pain often persists after surgery.',
      'It is not uncommon for pain to persist after surgery.',
    ],
    [
      'a double negation',
      'Le traitement comporte des risques pour le rein.',
      "Le traitement n'est pas sans risques pour le rein.",
    ],
    [
      'ne … que',
      'Le dépistage est recommandé après 50 ans seulement.',
      "Le dépistage n'est recommandé qu'après 50 ans.",
    ],
    [
      'ne … pas seulement',
      'La vaccination protège non seulement les résidents mais aussi les soignants.',
      'La vaccination ne protège pas seulement les résidents, elle protège aussi les soignants.',
    ],
    [
      'ne pas dépasser for a maximum',
      'Au maximum 4 g de paracétamol par jour.',
      'Ne pas dépasser 4 g de paracétamol par jour.',
    ],
    ['sans dépasser', 'Au maximum 4 g de paracétamol par jour.', 'Paracétamol : sans dépasser 4 g par jour.'],
    [
      'pas plus de',
      'Au maximum 3 prises de paracétamol par jour.',
      'Pas plus de 3 prises de paracétamol par jour.',
    ],
    ['no more than', 'At most 4 g of paracetamol a day.', 'No more than 4 g of paracetamol a day.'],
    [
      'pas as a step',
      'Reprendre la marche progressivement après la chute.',
      'Reprendre la marche à petits pas après la chute.',
    ],
    [
      'pas à pas',
      'Reprendre la marche progressivement après la chute.',
      'Reprendre la marche pas à pas après la chute.',
    ],
    [
      'personne as a person',
      'La personne âgée sort seulement le matin avec son aidant.',
      'La personne âgée ne sort que le matin avec son aidant.',
    ],
    [
      'sans doute',
      'Le programme a probablement amélioré la qualité de vie des aidants.',
      'Le programme a sans doute amélioré la qualité de vie des aidants.',
    ],
  ])('%s', (_name, source, output) => {
    const result = grade(output, source);
    expect(result.spans).toEqual([]);
    expect(result).toMatchObject({ pass: true, score: 1 });
  });

  it('leaves alone a negated statement about something else', () => {
    const source = 'Le traitement a réduit la douleur. La mortalité n’a pas été étudiée.';
    expect(grade('Le traitement a réduit la douleur, sans effet sur la fatigue.', source).pass).toBe(true);
    expect(grade('Le traitement a réduit la douleur et n’a pas modifié la fatigue.', source).pass).toBe(true);
  });

  it('leaves alone statements with no counterpart in the source', () => {
    const result = grade(
      'Il ne faut pas arrêter le traitement sans avis médical.',
      'Le traitement a réduit la douleur chez les patients âgés.',
    );
    expect(result).toMatchObject({
      pass: true,
      score: 1,
      reason: 'no statement close enough to the source to compare',
    });
    const mixed = grade(
      'Le traitement a réduit la douleur chez les patients âgés. Ne pas conduire après la prise.',
      'Le traitement a réduit la douleur chez les patients âgés.',
    );
    expect(mixed).toMatchObject({ pass: true, reason: "1 statements keep the source's polarity" });
  });
});

describe('negation: configuration', () => {
  it('reads the source from another var, or several', () => {
    const grader = negation.create('negation', { sourceVar: ['abstract', 'notes'] }, context);
    const output = "Le traitement n'a pas réduit la douleur chez les patients âgés.";
    const result = grader.grade(
      input(output, {
        abstract: 'Étude de 12 mois.',
        notes: 'Le traitement a réduit la douleur chez les patients âgés.',
      }),
    ) as GradeResult;
    expect(result.pass).toBe(false);
  });

  it('pairs statements only above minOverlap', () => {
    const source = 'Le traitement a réduit la douleur nocturne des patients âgés vivant à domicile.';
    const output = "Le traitement n'a pas réduit la douleur.";
    expect(grade(output, source).pass).toBe(false);
    expect(grade(output, source, { minOverlap: 1 }).pass).toBe(false);
    expect(
      grade('Le traitement n’a pas réduit la douleur des enfants hospitalisés en pédiatrie.', source, {
        minOverlap: 0.9,
      }),
    ).toMatchObject({
      pass: true,
      reason: 'no statement close enough to the source to compare',
    });
  });

  it('is an error, not a fail, when the case has no source', () => {
    expect(() => negation.create('negation', {}, context).grade(input('Texte.', {}))).toThrow(GraderError);
  });
});

describe("negation catches the builtin mutant's flip-negation", () => {
  interface Reference {
    id: string;
    source: string;
    reference: string;
  }
  const rows: Reference[] = readFileSync(new URL('./data/negation-labelled.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Reference);

  it('fails ≥ 90 % of the mutated summaries and none of the references', () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const falseFails: string[] = [];
    const missed: string[] = [];
    let mutated = 0;
    for (const row of rows) {
      if (!grade(row.reference, row.source).pass) falseFails.push(row.id);
      const mutant = MUTATIONS['flip-negation']({
        reference: row.reference,
        expect: {},
        vars: { source: row.source },
        seed: 0,
      });
      // The mutation applies to most summaries, not all ("Aucun" at the start of a sentence).
      if (mutant === undefined || mutant === row.reference) continue;
      mutated++;
      const result = grade(mutant as string, row.source);
      if (result.pass) missed.push(row.id);
      else expect(result.spans?.length, row.id).toBeGreaterThan(0);
    }
    expect(mutated).toBeGreaterThanOrEqual(10);
    const recall = (mutated - missed.length) / mutated;
    console.log(
      `negation-mutants: n=${mutated} summaries, recall=${recall.toFixed(3)} (missed: ${missed.join(', ') || 'none'}), references failed: ${falseFails.length}`,
    );
    expect(falseFails).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('two statements joined by "et" before an article are each compared to their own counterpart', () => {
    const source = "Aucune coupure n'a eu lieu. Les services ne sont pas impactés.";
    const faithful = "Aucune coupure n'a eu lieu et les services ne sont pas impactés.";
    const flipped = "Aucune coupure n'a eu lieu et les services sont impactés.";
    expect(grade(faithful, source).pass).toBe(true);
    expect(grade(flipped, source).pass).toBe(false);
  });
});

describe('negation: one grader, many outputs and sources', () => {
  const sources = [
    'Le traitement a réduit la douleur chez les patients âgés. Aucun effet grave n’a été observé.',
    "The drug didn't reduce mortality, and the pain decreased in older patients.",
    'ΣΑΣ: le traitement ne réduit pas la douleur chez les patients âgés.',
  ];
  const outputs = [
    'Le traitement n’a pas réduit la douleur chez les patients âgés.',
    'Des effets graves ont été observés, et la douleur a diminué.',
    'The drug reduced mortality and the pain decreased in older patients.',
    'Le traitement réduit la douleur chez les patients âgés.',
  ];

  it('grades each output as a new grader would, whatever was graded before', () => {
    const shared = negation.create('negation', {}, context);
    for (const source of [...sources, ...sources.slice().reverse(), sources[0] as string]) {
      for (const output of [...outputs, ...outputs]) {
        expect(shared.grade(input(output, { source }))).toEqual(grade(output, source));
      }
    }
  });

  it('starts its lexicon again past 50,000 words, and reads the source again against the new one', () => {
    // Invented words, all distinct, before a sentence the outputs share words with: read after
    // them, its words have other numbers than they get in a lexicon started again.
    const invented = Array.from({ length: 60_000 }, (_, i) =>
      i.toString(26).replace(/./g, (digit) => String.fromCharCode(97 + Number.parseInt(digit, 26))),
    );
    const long = `Le mot${invented.join(' mot')}. ${sources[0]}`;
    const shared = negation.create('negation', {}, context);
    const steps: Array<[string, string]> = [
      [outputs[3] as string, long],
      // The lexicon is past its bound here: the source must be read again, not reused.
      [outputs[0] as string, long],
      [outputs[1] as string, sources[0] as string],
      [outputs[0] as string, long],
    ];
    for (const [output, source] of steps) {
      expect(shared.grade(input(output, { source }))).toEqual(grade(output, source));
    }
    expect(grade(outputs[0] as string, long).pass).toBe(false);
  });
});
