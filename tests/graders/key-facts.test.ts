import { describe, expect, it } from 'vitest';
import { type KeyFactsConfig, keyFacts } from '../../src/graders/key-facts.js';
import { type GradeResult, GraderError } from '../../src/graders/types.js';

function grade(output: string, facts: unknown, config: KeyFactsConfig = {}): GradeResult {
  const expectations = facts === undefined ? {} : { facts };
  return keyFacts.create('key-facts', config, { dir: '.', place: {} }).grade({
    output,
    case: { id: 'c1', vars: {}, expect: expectations },
    suite: { id: 'summary.x', language: 'fr', dir: '.' },
  }) as GradeResult;
}

/** The text each span covers in the output, in order. */
function highlighted(output: string, result: GradeResult): string[] {
  return (result.spans ?? []).map((span) => output.slice(span.start, span.end));
}

describe('key-facts: the same fact written otherwise is found', () => {
  it.each([
    ['accents', 'Le risque de chute est élevé.', 'risque de chute est eleve'],
    ['accents in the fact only', 'Le risque de chute est eleve.', 'risque de chute est élevé'],
    ['case', 'VACCINATION ANTIGRIPPALE DES SOIGNANTS', 'vaccination antigrippale'],
    ['spacing', 'la  vaccination\n antigrippale', 'vaccination antigrippale'],
    ['thousands with a space', 'Au total, 1 240 patients.', '1240 patients'],
    ['thousands without a space', 'Au total, 1240 patients.', '1 240 patients'],
    ['thousands with a narrow no-break space', 'Au total, 1\u202f240 patients.', '1 240 patients'],
    ['thousands with a point', 'Au total, 1.240 patients.', '1 240 patients'],
    ['decimal point for comma', 'Incidence de 6.1 % chez les résidents.', '6,1 %'],
    ['decimal comma for point', 'Incidence de 6,1 % chez les résidents.', '6.1 %'],
    ['no space before %', 'Couverture de 52% des soignants.', '52 %'],
    ['typographic apostrophe', 'L’observance s’améliore.', "l'observance s'ameliore"],
    ['dashes', 'Femmes de 35–49 ans.', '35-49 ans'],
    ['ligature', 'Le cœur et les vaisseaux.', 'coeur'],
    ['ligature in the fact', 'Le coeur et les vaisseaux.', 'cœur'],
  ])('%s', (_name, output, fact) => {
    const result = grade(output, [fact]);
    expect(result.reason).toBe('all 1 facts found');
    expect(result).toMatchObject({ pass: true, score: 1 });
  });

  it('accepts any of a fact’s variants', () => {
    const output = 'Un tiers des patients a répondu.';
    expect(grade(output, [['33 %', 'un tiers']])).toMatchObject({ pass: true, score: 1 });
    expect(grade('33 % des patients ont répondu.', [['33 %', 'un tiers']]).pass).toBe(true);
    expect(grade('La moitié des patients a répondu.', [['33 %', 'un tiers']]).pass).toBe(false);
  });

  it('accepts a single fact given alone, and numbers', () => {
    expect(grade('Vaccination antigrippale.', 'vaccination').pass).toBe(true);
    expect(grade('Au total, 1 240 patients.', [1240]).pass).toBe(true);
  });
});

describe('key-facts: what is not the fact', () => {
  it.each([
    ['a word inside another', 'Aucun tiers payant.', 'un tiers'],
    ['a figure inside a larger one', 'Une hausse de 152 %.', '52 %'],
    ['a figure that goes on in decimals', 'Incidence de 6,15 %.', '6,1 %'],
    ['a figure that is the decimals of another', 'Incidence de 6,1 %.', '1 %'],
    ['a different figure', 'Au total, 1 420 patients.', '1 240 patients'],
    ['a different word', 'Le risque de chute est faible.', 'risque de chute est élevé'],
  ])('%s', (_name, output, fact) => {
    expect(grade(output, [fact])).toMatchObject({ pass: false, score: 0 });
  });
});

describe('key-facts: score, threshold and reason', () => {
  const output = 'La couverture vaccinale atteint 52 % chez les soignants.';
  const facts = ['52 %', 'soignants', 'grippe', 'EHPAD'];

  it('scores the share of facts found and names the missing ones', () => {
    const result = grade(output, facts);
    expect(result.pass).toBe(false);
    expect(result.score).toBe(0.5);
    expect(result.reason).toBe('found 2/4; missing: "grippe", "EHPAD"');
  });

  it('names every variant of a missing fact', () => {
    expect(grade(output, [['un tiers', '33 %']]).reason).toBe('found 0/1; missing: "un tiers" | "33 %"');
  });

  it('passes at minShare, and not below it', () => {
    expect(grade(output, facts, { minShare: 0.5 })).toMatchObject({ pass: true, score: 0.5 });
    expect(grade(output, facts, { minShare: 0.75 })).toMatchObject({ pass: false, score: 0.5 });
  });
});

describe('key-facts: spans', () => {
  it('locates the fact in the original output, after accents and apostrophes', () => {
    const output = 'Évaluée à l’entrée, la fréquence des chutes était de 6.1 % dans l’unité.';
    const result = grade(output, ['6,1 %', "l'unite"]);
    expect(result.pass).toBe(true);
    expect(highlighted(output, result)).toEqual(['6.1 %', 'l’unité']);
    expect(result.spans?.every((span) => span.label === 'fact')).toBe(true);
  });

  it('locates a fact after decomposed accents and collapsed spaces', () => {
    const output = 'E\u0301le\u0300ves   et   soignants : 1\u00a0240 re\u0301ponses.';
    const result = grade(output, ['1240 réponses']);
    expect(highlighted(output, result)).toEqual(['1\u00a0240 re\u0301ponses']);
  });

  it('locates a fact after a ligature', () => {
    const output = 'Le cœur, puis les 52 % restants.';
    expect(highlighted(output, grade(output, ['52 %']))).toEqual(['52 %']);
  });

  it('highlights every occurrence, and nothing for a missing fact', () => {
    const output = 'Grippe : vacciner. Grippe sévère : hospitaliser.';
    expect(highlighted(output, grade(output, ['grippe', 'covid']))).toEqual(['Grippe', 'Grippe']);
  });
});

describe('key-facts: a case that cannot be graded is an error', () => {
  it.each([
    ['no expect.facts', undefined],
    ['an empty list', []],
  ])('%s', (_name, facts) => {
    expect(() => grade('Texte.', facts)).toThrow(GraderError);
    expect(() => grade('Texte.', facts)).toThrow(
      'grader "key-facts" needs the facts to find: give the case "expect.facts" (a list)',
    );
  });

  it.each([
    ['an empty string', ['']],
    ['blank spaces', ['  ']],
    ['an object', [{ fact: 'x' }]],
    ['a list with a non-string', [['x', null]]],
    ['an empty list of variants', [[]]],
  ])('rejects %s', (_name, facts) => {
    expect(() => grade('Texte.', facts)).toThrow(
      'grader "key-facts": each item of expect.facts must be a non-empty string or a list of them',
    );
  });
});
