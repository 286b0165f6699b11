import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../../src/graders/numbers/extract.js';
import { type NumbersConfig, numbers } from '../../src/graders/numbers/index.js';
import { type GradeInput, type GradeResult, GraderError } from '../../src/graders/types.js';

const context = { dir: '.', place: {} };

function input(output: string, vars: Record<string, unknown>): GradeInput {
  return {
    output,
    case: { id: 'c1', vars, expect: {} },
    suite: { id: 'summary.x', language: 'fr', dir: '.' },
  };
}

function grade(output: string, source: string, config: NumbersConfig = {}): GradeResult {
  return numbers.create('numbers', config, context).grade(input(output, { source })) as GradeResult;
}

function flagged(output: string, result: GradeResult): string[] {
  return (result.spans ?? []).map((span) => output.slice(span.start, span.end));
}

describe('numbers: faithful figures in another format pass', () => {
  it.each([
    [
      'decimal point for comma',
      'La couverture est de 31,5 % puis 47,2 %.',
      'Couverture : 31.5 % puis 47.2 %.',
    ],
    ['space-grouped thousands', 'Au total, 1240 patients.', 'Au total, 1 240 patients.'],
    ['no-break space thousands', 'Au total, 1 240 patients.', 'Au total, 1\u00a0240 patients.'],
    ['narrow no-break space thousands', 'Au total, 1 240 patients.', 'Au total, 1\u202f240 patients.'],
    ['unit spelled out', 'Une dose de 500 mg.', 'Une dose de 500 milligrammes.'],
    ['micrograms as mcg', 'Administrer 150 µg.', 'Administrer 150 mcg.'],
    ['international units', 'Vitamine D : 100 000 UI.', 'Vitamine D : 100 000 unités internationales.'],
    ['percent in words', 'Taux de réponse : 52 %.', 'Taux de réponse : 52 pour cent.'],
    ['p. 100', 'Taux de réponse : 52 %.', 'Taux de réponse : 52 p. 100.'],
    ['rate per 100', 'Incidence : 6,1 pour 100 résidents.', 'Incidence : 6,1 %.'],
    ['en dash range', 'Patients de 35 à 49 ans.', 'Patients de 35–49 ans.'],
    ['entre … et range', 'Patients de 35-49 ans.', 'Patients âgés entre 35 et 49 ans.'],
    ['mg/kg/j spelled', 'Amoxicilline 50 mg/kg/j.', 'Amoxicilline 50 mg/kg par jour.'],
    ['mL and ml', 'Injecter 0,5 mL.', 'Injecter 0,5 ml.'],
    ['sem. and semaines', 'Traitement de 8 sem.', 'Traitement de 8 semaines.'],
  ])('%s', (_name, source, output) => {
    const result = grade(output, source);
    expect(result.reason).toMatch(/all \d+ figures/);
    expect(result).toMatchObject({ pass: true, score: 1 });
  });

  it('understands numbers written in words, both ways', () => {
    expect(grade('Prendre deux comprimés le soir.', 'Prendre 2 comprimés le soir.').pass).toBe(true);
    expect(grade('Prendre 2 comprimés le soir.', 'Prendre deux comprimés le soir.').pass).toBe(true);
    expect(grade('Surveillance de vingt-quatre heures.', 'Surveillance de 24 h.').pass).toBe(true);
    expect(grade('Chez quatre-vingt-dix patients.', 'Chez 90 patients.').pass).toBe(true);
    expect(grade('Chez soixante et onze patients.', 'Chez 71 patients.').pass).toBe(true);
    expect(grade('Deux fois par jour.', 'Twice a day.').pass).toBe(true);
  });

  it('converts within a dimension: 0,5 g is 500 mg, 48 heures are 2 jours, un an is 12 mois', () => {
    expect(grade('Dose de 0,5 g.', 'Dose de 500 mg.').pass).toBe(true);
    expect(grade('Délai de 2 jours.', 'Délai de 48 heures.').pass).toBe(true);
    expect(grade('Suivi pendant un an.', 'Suivi de 12 mois.').pass).toBe(true);
    expect(grade('Pendant une semaine.', 'Pendant 7 jours.').pass).toBe(true);
    expect(grade('60 mg/24 h au plus.', 'Au plus 60 mg par jour.').pass).toBe(true);
  });

  it('lets a figure without a unit stand for the same figure with one', () => {
    expect(grade('La dose de 500 est la bonne.', 'La dose de 500 mg est la bonne.').pass).toBe(true);
  });

  it('passes an output without any figure, with score 1', () => {
    expect(grade('Le traitement est bien toléré.', 'Dose de 500 mg.')).toMatchObject({
      pass: true,
      score: 1,
      reason: 'no figure to check',
    });
  });
});

describe('numbers: changed or invented figures fail, with their span', () => {
  it('flags a changed dose', () => {
    const output = 'Metformine 1 000 mg deux fois par jour.';
    const result = grade(output, 'Metformine 500 mg deux fois par jour.');
    expect(result.pass).toBe(false);
    expect(result.score).toBeCloseTo(0.5, 10);
    expect(flagged(output, result)).toEqual(['1 000 mg']);
    expect(result.spans?.[0]?.label).toBe('unsupported-number');
  });

  it('flags a unit changed from mg to g, unless units are not required to match', () => {
    const output = 'Apixaban 5 g matin et soir.';
    const strict = grade(output, 'Apixaban 5 mg matin et soir.');
    expect(strict.pass).toBe(false);
    expect(flagged(output, strict)).toEqual(['5 g']);
    expect(grade(output, 'Apixaban 5 mg matin et soir.', { requireUnitMatch: false }).pass).toBe(true);
  });

  it('flags a changed period', () => {
    const output = 'Antibiothérapie de 10 jours.';
    expect(flagged(output, grade(output, 'Antibiothérapie de 7 jours.'))).toEqual(['10 jours']);
    expect(grade('Antibiothérapie de 7 semaines.', 'Antibiothérapie de 7 jours.').pass).toBe(false);
    expect(grade('Ne pas dépasser 4 g par semaine.', 'Ne pas dépasser 4 g par jour.').pass).toBe(false);
  });

  it('flags an invented percentage and scores the supported share', () => {
    const output = 'Sur 120 patients, 80 % ont répondu.';
    const result = grade(output, 'Sur 120 patients, la plupart ont répondu.');
    expect(result).toMatchObject({ pass: false, score: 0.5 });
    expect(flagged(output, result)).toEqual(['80 %']);
    expect(result.reason).toContain('"80 %"');
  });

  it('flags a changed range bound, with the unit the range shares', () => {
    const output = 'Patients de 35 à 59 ans.';
    expect(flagged(output, grade(output, 'Patients de 35 à 49 ans.'))).toEqual(['59 ans']);
  });

  it('does not let a count borrow a figure that measured something else', () => {
    // "12 services" is not what "12 mois" says.
    expect(grade('Étude menée dans 12 services.', 'Étude de 12 mois dans 6 services.').pass).toBe(false);
  });

  it('flags a figure in words that the source gives otherwise', () => {
    const output = 'Prendre trois comprimés.';
    expect(flagged(output, grade(output, 'Prendre 2 comprimés.'))).toEqual(['trois comprimés']);
  });

  it('does not quote a long run of digits in its reason', () => {
    const result = grade('Rappeler le 0612345678.', 'Rappeler le patient.');
    expect(result.pass).toBe(false);
    expect(result.reason).not.toContain('0612345678');
  });
});

describe('numbers: what is not a figure', () => {
  it('skips citation markers, list numbering, DOIs and URLs', () => {
    const output =
      '1. Dose de 500 mg [1].\n2. Voir doi:10.1234/abc.567 et https://exemple.fr/page/42 [2, 3].';
    expect(grade(output, 'Dose de 500 mg.')).toMatchObject({ pass: true, score: 1 });
  });

  it('skips names with digits, "un" as an article and "les deux" as "both"', () => {
    const output = 'Un patient atteint de COVID-19 a reçu la dose dans les deux groupes.';
    expect(grade(output, 'La dose est donnée.')).toMatchObject({ pass: true, reason: 'no figure to check' });
  });

  it('reads "14h-15h" as a range of two times, each checked', () => {
    expect(grade('La réunion a duré de 14h à 15h.', 'Réunion 14h-15h, salle 2.').pass).toBe(true);
    const output = 'La réunion a duré de 14h à 16h.';
    expect(flagged(output, grade(output, 'Réunion 14h-15h, salle 2.'))).toEqual(['16h']);
  });

  it('checks years like any figure, unless ignored', () => {
    const source = 'Les recommandations de 2021 fixent la dose à 500 mg.';
    const output = 'Les recommandations de 2019 fixent la dose à 500 mg.';
    expect(flagged(output, grade(output, source))).toEqual(['2019']);
    expect(grade(output, source, { ignore: ['/\\b(19|20)\\d{2}\\b/'] }).pass).toBe(true);
    expect(grade('En 2021, la dose est de 500 mg.', source).pass).toBe(true);
  });

  it('skips literal ignore strings, whatever their case', () => {
    expect(grade('Score IGS II de 42 à J7.', 'Score IGS II de 42.', { ignore: ['j7'] }).pass).toBe(true);
  });
});

describe('numbers: the ambiguous "1.240"', () => {
  it('reads "1.240" as thousands in a text that writes decimals with a comma', () => {
    const [figure] = extractQuantities('Sur 1.240 patients, 6,1 % ont eu une complication.', 'claim');
    expect(figure?.values).toEqual([1240]);
    expect(
      grade('Sur 1.240 patients, 6,1 % ont eu une complication.', 'Sur 1 240 patients, 6,1 %.').pass,
    ).toBe(true);
  });

  it('reads "1,240" as thousands in a text that writes decimals with a point', () => {
    const [figure] = extractQuantities('1,240 patients; 6.1% had a complication.', 'claim');
    expect(figure?.values).toEqual([1240]);
  });

  it('reads "1,240" as 1,24 in French and fails it against 1 240', () => {
    expect(
      grade('Sur 1,240 patients, 6,1 % ont eu une complication.', 'Sur 1 240 patients, 6,1 %.').pass,
    ).toBe(false);
  });

  it('keeps both readings when the text shows no convention', () => {
    const [figure] = extractQuantities('Il y a 1.240 dossiers.', 'claim');
    expect(figure?.values).toEqual([1.24, 1240]);
    expect(grade('Il y a 1.240 dossiers.', 'Il y a 1 240 dossiers.').pass).toBe(true);
  });
});

describe('numbers: configuration', () => {
  it('accepts a relative tolerance', () => {
    expect(grade('Réponse chez 52 % des patients.', 'Réponse chez 51,8 % des patients.').pass).toBe(false);
    expect(
      grade('Réponse chez 52 % des patients.', 'Réponse chez 51,8 % des patients.', { tolerance: 0.01 }).pass,
    ).toBe(true);
  });

  it('reads the source from another var, or several', async () => {
    const grader = numbers.create('n', { sourceVar: ['abstract', 'notes'] }, context);
    const result = await grader.grade(
      input('500 mg pendant 7 jours.', { abstract: '500 mg', notes: '7 jours' }),
    );
    expect(result.pass).toBe(true);
  });

  it('is an error, not a fail, when the case has no source', () => {
    expect(() => numbers.create('n', {}, context).grade(input('500 mg', {}))).toThrow(GraderError);
  });

  it('rejects an invalid ignore pattern when the suite loads', () => {
    expect(() => numbers.create('n', { ignore: ['/(/'] }, context)).toThrow(GraderError);
  });
});

describe('numbers: periods, intakes and implied units', () => {
  it('reads a period written after what the dose is of, on both sides', () => {
    expect(grade('Paracétamol : 3 g/j au plus.', 'Ne pas dépasser 3 g de paracétamol par jour.').pass).toBe(
      true,
    );
    expect(grade('Ne pas dépasser 3 g de paracétamol par jour.', 'Paracétamol : 3 g/j au plus.').pass).toBe(
      true,
    );
    expect(
      grade('Kinésithérapie : 2 séances hebdomadaires.', 'Deux séances de kinésithérapie par semaine.').pass,
    ).toBe(true);
  });

  it('flags a period the output adds or changes after what the dose is of', () => {
    const output = 'Prendre 3 g de paracétamol par jour.';
    expect(flagged(output, grade(output, 'Prendre 3 g de paracétamol en une fois.'))).toEqual([
      '3 g de paracétamol par jour',
    ]);
    expect(
      grade('Deux séances de kinésithérapie par mois.', 'Deux séances de kinésithérapie par semaine.').pass,
    ).toBe(false);
  });

  it('reads "par prise" and "par comprimé" as what one intake holds', () => {
    expect(grade('Prendre 1 g par prise.', 'Prendre 1 g de paracétamol.').pass).toBe(true);
    expect(grade('500 mg par comprimé.', 'Comprimé de 500 mg.').pass).toBe(true);
    expect(grade('Prendre 2 g par prise.', 'Prendre 1 g de paracétamol.').pass).toBe(false);
  });

  it('lets bare bounds take a unit their source sentence writes, and no other', () => {
    const source = 'Réadmissions : 6,1 % (IC 95 % : 5,2-7,0). Âge moyen : 67 ans (IC 95 % : 64-70).';
    expect(grade('Réadmissions 6,1 % (IC 95 % entre 5,2 et 7 %).', source).pass).toBe(true);
    expect(grade('Âge moyen de 67 ans (IC 95 % de 64 à 70 ans).', source).pass).toBe(true);
    const output = 'Âge moyen de 67 ans (IC 95 % de 64 à 70 mois).';
    expect(flagged(output, grade(output, source))).toEqual(['64', '70 mois']);
    // Nothing in the sentence says milligrams: a bare 5 does not support "5 mg".
    expect(grade('Dose de 5 mg.', 'Groupe 5 : dose non précisée.').pass).toBe(false);
  });

  it('reads "soixante-quatre pour cent" as one figure, not "cent" besides', () => {
    const output = 'Observance de soixante-quatre pour cent.';
    expect(grade(output, 'Observance de 64 %.')).toMatchObject({ pass: true, score: 1 });
    expect(flagged(output, grade(output, 'Observance de 46 %.'))).toEqual(['soixante-quatre pour cent']);
  });
});
