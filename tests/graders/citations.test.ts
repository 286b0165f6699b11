import { describe, expect, it } from 'vitest';
import { type CitationsConfig, citations } from '../../src/graders/citations/index.js';
import { type GradeInput, type GradeResult, GraderError } from '../../src/graders/types.js';
import { MUTATIONS } from '../../src/providers/mutations.js';

const context = { dir: '.', place: {} };

const SOURCES = [
  {
    id: 1,
    title: 'Vaccination antigrippale des soignants en EHPAD',
    authors: 'Le Goff M, Barthez-Nogaret C, et al.',
    year: 2022,
    doi: '10.0000/avec-synth.0101',
  },
  {
    id: '2',
    title: 'Couverture vaccinale des professionnels',
    authors: ['Dubreuil-Anse P', 'Éluard J'],
    year: '2020',
    pmid: '30000001',
  },
  {
    id: 3,
    title: 'Hygiène des mains',
    authors: "D'Almeida R, Martin S",
    year: 2019,
    url: 'https://www.exemple-sante.fr/hygiene-mains/',
  },
];

const LINES = [
  '[1] Le Goff M, Barthez-Nogaret C, et al. Promotion de la vaccination antigrippale. Rev Synth Geriatr. 2022. doi:10.0000/avec-synth.0101',
  '[2] Dubreuil-Anse P, Éluard J. Couverture vaccinale des professionnels. Cah Synth Prev. 2020. PMID: 30000001',
  "[3] D'Almeida R, Martin S. Hygiène des mains. Bull Hyg. 2019. https://www.exemple-sante.fr/hygiene-mains/",
].join('\n');

function input(output: string, vars: Record<string, unknown> = { sources: SOURCES }): GradeInput {
  return {
    output,
    case: { id: 'c1', vars, expect: {} },
    suite: { id: 'summary.x', language: 'fr', dir: '.' },
  };
}

function grade(output: string, config: CitationsConfig = {}, vars?: Record<string, unknown>): GradeResult {
  return citations.create('citations', config, context).grade(input(output, vars)) as GradeResult;
}

function invented(output: string, result: GradeResult): string[] {
  return (result.spans ?? [])
    .filter((span) => span.label === 'invented-citation')
    .map((span) => output.slice(span.start, span.end));
}

describe('citations: references that resolve pass', () => {
  it.each([
    ['a number', "L'essai a inclus 1 870 résidents [1]."],
    ['a list', 'La couverture augmente [1, 2] et [1;3].'],
    ['a range with a hyphen', 'Trois études concordent [1-3].'],
    ['a range with an en dash', 'Trois études concordent [1–3].'],
    ['a range and a number', 'Les études [1–2, 3] concordent.'],
    ['a bare DOI', 'Voir 10.0000/avec-synth.0101.'],
    ['a doi: DOI in upper case', 'Voir DOI : 10.0000/AVEC-SYNTH.0101.'],
    ['a DOI as a doi.org link', 'Voir https://doi.org/10.0000/avec-synth.0101'],
    ['a DOI as a dx.doi.org link', 'Voir (http://dx.doi.org/10.0000/avec-synth.0101).'],
    ['a PMID with a colon', 'Source : PMID: 30000001.'],
    ['a PMID without colon', 'Source : PMID 30000001'],
    ['a PubMed link for a provided PMID', 'Voir https://pubmed.ncbi.nlm.nih.gov/30000001/'],
    ['a URL without www and slash', 'Voir https://exemple-sante.fr/hygiene-mains.'],
    ['a URL without scheme', 'Voir www.exemple-sante.fr/hygiene-mains'],
    ['a parenthetical et al.', 'La couverture augmente (Le Goff et al., 2022).'],
    ['a parenthetical second author', 'La couverture augmente (Barthez-Nogaret et al., 2022).'],
    ['a narrative pair', 'Dubreuil-Anse et Éluard (2020) le confirment.'],
    ['a narrative without accents', 'Eluard (2020) le confirme.'],
    ['a narrative with an apostrophe particle', "Selon d'Almeida et Martin (2019), l'observance progresse."],
    ['several in one parenthesis', "L'observance progresse (Martin, 2019 ; Le Goff et al., 2022)."],
    ['et collaborateurs', 'Le Goff et collaborateurs (2022) concluent ainsi.'],
  ])('%s', (_name, output) => {
    const result = grade(output);
    expect(result.reason).toMatch(/^all \d+ citations resolve/);
    expect(result).toMatchObject({ pass: true, score: 1 });
    expect(invented(output, result)).toEqual([]);
  });

  it('passes with no citation at all when none is required, saying so', () => {
    expect(grade('Une synthèse sans aucune référence.')).toMatchObject({
      pass: true,
      score: 1,
      reason: 'no citation',
    });
  });

  it('does not read a confidence interval or a bracketed word as a citation', () => {
    const output = 'Le risque relatif est de 0,8 (IC 95 % [12-45]), un effet modeste [sic] [1].';
    expect(grade(output)).toMatchObject({ pass: true, score: 1 });
    expect(grade('Durée : 12 jours (écart interquartile [8-20]) [2].')).toMatchObject({ pass: true });
    expect(grade('Durée : 12 jours (intervalle : [8-20]) [2].')).toMatchObject({ pass: true });
  });

  it('does not read an acronym before a year as an author', () => {
    expect(grade('Le plan de l’OMS (2019) est cité [1].')).toMatchObject({ pass: true });
    expect(grade('La HAS (2019) le recommande [1].')).toMatchObject({ pass: true });
    expect(grade('La HAS et al. (2019) le recommande [1].').pass).toBe(false);
  });
});

describe('citations: invented references fail with their span', () => {
  it.each([
    ['a number out of range', 'Les résultats concordent [4].', ['4']],
    ['one number of a list', 'Les résultats concordent [1, 9].', ['9']],
    ['a range past the end', 'Quatre études concordent [2–5].', ['2–5']],
    ['a zero', 'Voir [0].', ['0']],
    ['a number right after a percentage', 'La couverture est passée de 31 % à 58 % [4].', ['4']],
    ['a DOI one character off', 'Voir doi:10.0000/avec-synth.0102.', ['doi:10.0000/avec-synth.0102']],
    ['a doi.org link not provided', 'Voir https://doi.org/10.0000/autre.', ['https://doi.org/10.0000/autre']],
    ['a PMID not provided', 'Source : PMID: 30000002.', ['PMID: 30000002']],
    [
      'a URL of another site',
      'Voir https://www.autre-site.fr/hygiene-mains/.',
      ['https://www.autre-site.fr/hygiene-mains/'],
    ],
    ['a URL of another page', 'Voir https://exemple-sante.fr/vaccins', ['https://exemple-sante.fr/vaccins']],
    ['an author-year with the wrong year', 'Le Goff et al. (2021) le montrent.', ['Le Goff et al. (2021)']],
    ['an author nobody provided', 'Cela est établi (Girardot et al., 2022).', ['Girardot et al., 2022']],
    ['a narrative after a lead word', 'Selon Girardot (2020), tout va bien.', ['Girardot (2020)']],
  ])('%s', (_name, output, markers) => {
    const result = grade(output);
    expect(result.pass).toBe(false);
    expect(result.score).toBeLessThan(1);
    expect(invented(output, result)).toEqual(markers);
    expect(result.reason).toMatch(/match no provided source/);
  });

  it('scores the share that resolves and names the invented markers and why', () => {
    const output = 'Un résultat [1]. Un autre [2]. Un dernier [1, 7].';
    const result = grade(output);
    expect(result.score).toBeCloseTo(3 / 4);
    expect(result.reason).toContain('1 of 4 citations match no provided source');
    expect(result.reason).toContain('[1, 7] (no source 7 among sources 1–3)');
  });

  it('catches the invent-citation mutation in both its forms', () => {
    const numbered = MUTATIONS['invent-citation']({
      reference: 'Un essai [1].',
      expect: {},
      vars: {},
      seed: 1,
    });
    const appended = MUTATIONS['invent-citation']({ reference: 'Un essai.', expect: {}, vars: {}, seed: 1 });
    expect(citations.catches).toContain('invent-citation');
    for (const output of [numbered, appended]) {
      expect(output).toBeDefined();
      expect(grade(output as string).pass).toBe(false);
    }
  });

  it('fails every citation when the case provides an empty list', () => {
    expect(grade('Voir [1].', {}, { sources: [] })).toMatchObject({ pass: false, score: 0 });
  });
});

describe('citations: required', () => {
  it('fails an answer that cites nothing', () => {
    const result = grade('Une synthèse sans aucune référence.', { required: true });
    expect(result).toMatchObject({ pass: false, score: 0 });
    expect(result.reason).toContain('at least one is required');
  });

  it('passes an answer that cites a provided source', () => {
    expect(grade('Une synthèse [2].', { required: true })).toMatchObject({ pass: true, score: 1 });
  });
});

describe('citations: coverage of claim sentences', () => {
  const output = [
    "L'essai a inclus 1 870 résidents dans 24 EHPAD [1].",
    'La couverture vaccinale des soignants est passée de 31 % à 58 %.',
    'Les auteurs concluent à un bénéfice pour les résidents des établissements [2].',
    'Ces résultats restent donc plutôt encourageants.',
    'En bref.',
  ].join(' ');

  it('counts sentences with a figure or seven words and more, not short ones', () => {
    const result = grade(output, { minCoverage: 0.5 });
    expect(result.pass).toBe(true);
    expect(result.reason).toContain('2/3 claim sentences cite a source');
  });

  it('fails below minCoverage, scales the score and marks the uncited claim', () => {
    const result = grade(output, { minCoverage: 0.9 });
    expect(result.pass).toBe(false);
    expect(result.score).toBeCloseTo(2 / 3 / 0.9);
    expect(result.reason).toContain('below the 90 % required');
    const uncited = (result.spans ?? []).filter((span) => span.label === 'uncited-claim');
    expect(uncited.map((span) => output.slice(span.start, span.end))).toEqual([
      'La couverture vaccinale des soignants est passée de 31 % à 58 %.',
    ]);
  });

  it('counts a marker standing after the full stop for the sentence before it', () => {
    const result = grade('La couverture est passée de 31 % à 58 %. [1]', { minCoverage: 1 });
    expect(result).toMatchObject({ pass: true, score: 1 });
  });

  it('counts a citation split by an abbreviation for its whole sentence', () => {
    const result = grade('Le Goff et al. (2022) rapportent une baisse de 9,4 à 6,1 pour 100.', {
      minCoverage: 1,
    });
    expect(result).toMatchObject({ pass: true, score: 1 });
  });

  it('takes seven words for a claim and six for none', () => {
    expect(
      grade('Les résultats restent plutôt encourageants chez les résidents.', { minCoverage: 1 }).pass,
    ).toBe(false);
    expect(grade('Ces résultats restent donc plutôt encourageants.', { minCoverage: 1 }).pass).toBe(true);
  });

  it('passes an answer with no claim sentence', () => {
    expect(grade('En bref.', { minCoverage: 1 })).toMatchObject({ pass: true, score: 1 });
  });
});

describe('citations: sources given as lines', () => {
  const vars = { sources_text: LINES };
  const config = { sourcesVar: 'sources_text' };

  it.each([
    ['numbers', 'Résultats [1–3].'],
    ['DOI', 'Voir https://doi.org/10.0000/avec-synth.0101.'],
    ['PMID', 'PMID 30000001'],
    ['URL', 'Voir http://exemple-sante.fr/hygiene-mains'],
    ['authors before the first full stop', 'Barthez-Nogaret et al. (2022) le montrent.'],
    ['the year of the line', '(Éluard, 2020)'],
  ])('resolves %s', (_name, output) => {
    expect(grade(output, config, vars)).toMatchObject({ pass: true, score: 1 });
  });

  it.each([
    ['a number past the last line', 'Résultats [4].'],
    ['a DOI not on any line', 'Voir 10.0000/avec-synth.0103'],
    ['a title word taken for an author', '(Promotion, 2022)'],
    ['a journal year taken for another', '(Le Goff et al., 2020)'],
  ])('fails %s', (_name, output) => {
    expect(grade(output, config, vars).pass).toBe(false);
  });

  it('joins a wrapped line to the entry above and skips blank lines', () => {
    const wrapped =
      '[1] Le Goff M, et al. Titre long.\n    Rev Synth. 2022.\n\n   doi:10.0000/avec.77\n[2] Autre A. Titre. 2020.';
    const result = grade('Voir doi:10.0000/avec.77 et (Le Goff et al., 2022) [2].', config, {
      sources_text: wrapped,
    });
    expect(result).toMatchObject({ pass: true, score: 1 });
  });

  it('does not take a year inside a DOI for the year of the source', () => {
    const line = '[1] Moreau T. Titre. 2016. doi:10.0000/avec.2018.1';
    expect(grade('(Moreau, 2018)', config, { sources_text: line }).pass).toBe(false);
    expect(grade('(Moreau, 2016)', config, { sources_text: line }).pass).toBe(true);
  });

  it('matches on the author alone when the source gives no year', () => {
    const line = '[1] Moreau T. Titre sans date.';
    expect(grade('(Moreau, 2018)', config, { sources_text: line }).pass).toBe(true);
    expect(grade('(Girardot, 2018)', config, { sources_text: line }).pass).toBe(false);
  });
});

describe('citations: missing or malformed sources are errors, not fails', () => {
  it.each([
    ['missing', {}, /vars\.sources.*it is missing/],
    ['a number', { sources: 3 }, /got number/],
    ['a list of strings', { sources: ['[1] Martin'] }, /item 1 is not an object/],
    ['a bad id', { sources: [{ id: { n: 1 } }] }, /"id" must be a non-empty string or number/],
    ['a bad year', { sources: [{ id: 1, year: 'récent' }] }, /"year" must be a year/],
    ['bad authors', { sources: [{ id: 1, authors: [1, 2] }] }, /"authors" must be a string or a list/],
    ['a duplicate id', { sources: [{ id: 1 }, { id: '1' }] }, /source id "1" is given twice/],
    ['text without entries', { sources: 'Martin A. Titre. 2020.' }, /line 1 does not start with "\[n\] "/],
  ])('%s', (_name, vars, message) => {
    const grader = citations.create('cites', {}, context);
    expect(() => grader.grade(input('Voir [1].', vars))).toThrow(GraderError);
    expect(() => grader.grade(input('Voir [1].', vars))).toThrow(message);
  });

  it('names the configured var', () => {
    const grader = citations.create('cites', { sourcesVar: 'refs' }, context);
    expect(() => grader.grade(input('Voir [1].', { sources: SOURCES }))).toThrow(/vars\.refs/);
  });

  it('numbers list sources by position when they give no id', () => {
    const vars = { sources: [{ title: 'A' }, { title: 'B' }] };
    expect(grade('Voir [2].', {}, vars).pass).toBe(true);
    expect(grade('Voir [3].', {}, vars).pass).toBe(false);
  });
});
