import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type DrugsConfig, drugs } from '../../src/graders/drugs/index.js';
import { builtinLexicon, findDrugs } from '../../src/graders/drugs/lexicon.js';
import { foldText } from '../../src/graders/text/normalize.js';
import { type GradeInput, type GradeResult, GraderError } from '../../src/graders/types.js';

const context = { dir: '.', place: {} };

function input(output: string, vars: Record<string, unknown>): GradeInput {
  return {
    output,
    case: { id: 'c1', vars, expect: {} },
    suite: { id: 'summary.x', language: 'fr', dir: '.' },
  };
}

function grade(output: string, source: string, config: DrugsConfig = {}): GradeResult {
  return drugs.create('drugs', config, context).grade(input(output, { source })) as GradeResult;
}

function flagged(output: string, result: GradeResult): string[] {
  return (result.spans ?? []).map((span) => output.slice(span.start, span.end));
}

describe('drugs: names the source supports', () => {
  it('passes an INN the source names', () => {
    const result = grade('Amoxicilline pendant 6 jours.', 'Traitement par amoxicilline, 6 jours.');
    expect(result).toMatchObject({ pass: true, score: 1, spans: [] });
    expect(result.reason).toBe('all 1 drug mentions found in the source');
  });

  it('passes a brand when the source names its INN, and the reverse', () => {
    expect(grade('Doliprane 1 g si besoin.', 'Paracétamol 1 g si besoin.').pass).toBe(true);
    expect(grade('Paracétamol 1 g si besoin.', 'Doliprane 1 g si besoin.').pass).toBe(true);
    expect(grade('Dafalgan 1 g si besoin.', 'Doliprane 1 g si besoin.').pass).toBe(true);
  });

  it('passes an INN of a combination the source names by brand, not the combination for one INN', () => {
    expect(grade('Amoxicilline 1 g.', 'Augmentin 1 g.').pass).toBe(true);
    const output = 'Augmentin 1 g.';
    const result = grade(output, 'Amoxicilline 1 g.');
    expect(result.pass).toBe(false);
    expect(flagged(output, result)).toEqual(['Augmentin']);
    expect(result.reason).toContain('"Augmentin" (amoxicilline + acide clavulanique)');
  });

  it('ignores case and accents, and reads English spellings', () => {
    expect(grade('Paracetamol 1 g.', 'Paracétamol 1 g.').pass).toBe(true);
    expect(grade('PARACÉTAMOL 1 G.', 'paracetamol 1 g.').pass).toBe(true);
    expect(grade('Amoxicillin 1 g three times a day.', 'Amoxicilline 1 g trois fois par jour.').pass).toBe(
      true,
    );
    expect(grade('Aspirine à faible dose.', 'Acide acétylsalicylique 75 mg.').pass).toBe(true);
  });

  it('finds a general name inside a specific one of the source', () => {
    expect(grade('L’insuline est adaptée le soir.', 'Insuline glargine 10 UI le soir.').pass).toBe(true);
    expect(grade('Lantus 10 UI le soir.', 'Insuline glargine 10 UI le soir.').pass).toBe(true);
  });

  it('passes an output that names no drug', () => {
    expect(grade('Consulter son médecin.', 'Paracétamol 1 g.')).toMatchObject({
      pass: true,
      score: 1,
      reason: 'no drug named',
    });
  });
});

describe('drugs: names the source does not support', () => {
  it('flags a drug swapped for another, with its span and the source’s names', () => {
    const output = 'Une angine bactérienne se traite par azithromycine pendant 6 jours.';
    const result = grade(output, 'Une angine bactérienne se traite par amoxicilline pendant 6 jours.');
    expect(result).toMatchObject({ pass: false, score: 0 });
    expect(flagged(output, result)).toEqual(['azithromycine']);
    expect(result.spans?.[0]?.label).toBe('unsupported-drug');
    expect(result.reason).toBe(
      '1 of 1 drug mentions not in the source: "azithromycine"; the source names "amoxicilline"',
    );
  });

  it('spans the original output after accents and apostrophes, and scores the supported share', () => {
    const output = 'Évitez l’ibuprofène ; préférez le Doliprane.';
    const result = grade(output, 'Le paracétamol est le traitement de première intention.');
    expect(flagged(output, result)).toEqual(['ibuprofène']);
    expect(result.score).toBe(0.5);
  });

  it('says so when the source names no drug', () => {
    expect(grade('Prendre du Doliprane.', 'Se reposer et boire.').reason).toContain(
      'the source names no drug',
    );
  });
});

describe('drugs: configuration', () => {
  it('reads names given in `extra`, as a drug or as a brand of INNs', () => {
    const config = { extra: ['Zorbex=zorbexine', 'Nouvelcaïne'] };
    expect(grade('Zorbex le matin.', 'Zorbexine le matin.', config).pass).toBe(true);
    expect(grade('Zorbexine le matin.', 'Zorbex le matin.', config).pass).toBe(true);
    expect(flagged('Zorbex le matin.', grade('Zorbex le matin.', 'Repos.', config))).toEqual(['Zorbex']);
    expect(flagged('Zorbexine le matin.', grade('Zorbexine le matin.', 'Repos.', config))).toEqual([
      'Zorbexine',
    ]);
    expect(grade('Nouvelcaine locale.', 'Repos.', config).pass).toBe(false);
    // The built-in names still count.
    expect(grade('Doliprane.', 'Repos.', config).pass).toBe(false);
    // Without the config, the name is no drug.
    expect(grade('Zorbex le matin.', 'Repos.').pass).toBe(true);
  });

  it('never flags what `allow` names, by name or by INN', () => {
    expect(grade('Paracétamol si besoin.', 'Repos.', { allow: ['paracétamol'] }).pass).toBe(true);
    expect(grade('Paracétamol si besoin.', 'Repos.', { allow: ['Doliprane'] }).pass).toBe(true);
    expect(grade('Doliprane si besoin.', 'Repos.', { allow: ['Paracetamol'] }).pass).toBe(true);
    expect(grade('Ibuprofène si besoin.', 'Repos.', { allow: ['Doliprane'] }).pass).toBe(false);
    // Augmentin holds acide clavulanique too, which nobody allowed.
    expect(grade('Augmentin 1 g.', 'Repos.', { allow: ['amoxicilline'] }).pass).toBe(false);
  });

  it('reads the source from another var, or several', () => {
    const grader = drugs.create('drugs', { sourceVar: ['abstract', 'notes'] }, context);
    const result = grader.grade(
      input('Doliprane et Advil.', { abstract: 'paracétamol', notes: 'ibuprofène' }),
    );
    expect(result).toMatchObject({ pass: true });
  });

  it('is an error, not a fail, when the case has no source', () => {
    expect(() => drugs.create('drugs', {}, context).grade(input('Doliprane.', {}))).toThrow(GraderError);
  });
});

describe('drugs: words that are not drugs', () => {
  it('finds no drug in everyday health advice', () => {
    const text =
      'Une alimentation riche en fer, en calcium et en vitamine D, peu de sel et de sucre, de l’eau, ' +
      'du potassium, du magnésium, du zinc et de l’iode ; pas d’alcool ni de tabac ; en or, argent ou ' +
      'bronze, la médaille récompense la marche. L’oxygène, le glucose et la caféine ; le vaccin, ' +
      'l’antibiotique, la morphinique, les anti-inflammatoires et les statines.';
    expect(findDrugs(foldText(text), builtinLexicon())).toEqual([]);
    expect(grade(text, 'Repos.')).toMatchObject({ pass: true, reason: 'no drug named' });
  });

  it('matches whole words only', () => {
    expect(findDrugs(foldText('paracetamolemie et prednisonelike'), builtinLexicon())).toEqual([]);
  });
});

describe('drugs: the list inn-fr.json', () => {
  const data = JSON.parse(
    readFileSync(new URL('../../src/graders/drugs/inn-fr.json', import.meta.url), 'utf8'),
  ) as {
    inn: string[];
    brands: Record<string, string | string[]>;
    aliases: Record<string, string | string[]>;
  };

  it('has exactly the tables the loader reads', () => {
    expect(Object.keys(data).sort()).toEqual(['aliases', 'brands', 'inn']);
    expect(data.inn.length).toBeGreaterThan(300);
  });

  it('lists the INNs once each, in French alphabetical order, in lower case', () => {
    const sorted = [...data.inn].sort((a, b) => a.localeCompare(b, 'fr'));
    expect(data.inn).toEqual(sorted);
    expect(new Set(data.inn.map(foldText)).size).toBe(data.inn.length);
    // "amphotéricine B" keeps its capital letter, as the INN does.
    expect(data.inn.filter((inn) => inn !== inn.toLowerCase())).toEqual(['amphotéricine B']);
  });

  it('maps every brand and alias to listed INNs, and spells no name twice', () => {
    const inns = new Set(data.inn);
    const entries = [...Object.entries(data.brands), ...Object.entries(data.aliases)];
    for (const [name, target] of entries) {
      const targets = Array.isArray(target) ? target : [target];
      expect(targets.length, name).toBeGreaterThan(0);
      for (const inn of targets) expect(inns.has(inn), `${name} → ${inn}`).toBe(true);
    }
    const names = [...data.inn, ...entries.map(([name]) => name)].map(foldText);
    const repeated = names.filter((name, i) => names.indexOf(name) !== i);
    expect(repeated).toEqual([]);
  });

  it('holds no common French word', () => {
    const lexicon = builtinLexicon();
    const common = [
      'fer',
      'or',
      'sel',
      'zinc',
      'calcium',
      'sodium',
      'potassium',
      'magnesium',
      'iode',
      'vitamine',
    ];
    expect(common.filter((word) => lexicon.names.has(word))).toEqual([]);
    // Short names are where common words hide: each is a brand checked by hand.
    expect([...lexicon.names.keys()].filter((name) => name.length < 4)).toEqual([]);
  });
});
