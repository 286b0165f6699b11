import { describe, expect, it } from 'vitest';
import { type SectionsConfig, sections } from '../../src/graders/sections.js';
import { type GradeInput, type GradeResult, GraderError } from '../../src/graders/types.js';

const context = { dir: '.', place: {} };
const TITLES = ['Contexte', 'Points abordés', 'Décisions', 'Suivi'];

function input(output: string, expectations: Record<string, unknown> = {}): GradeInput {
  return {
    output,
    case: { id: 'c1', vars: {}, expect: expectations },
    suite: { id: 'report.x', language: 'fr', dir: '.' },
  };
}

function grade(
  output: string,
  config: SectionsConfig = { sections: TITLES },
  expectations: Record<string, unknown> = {},
): GradeResult {
  return sections.create('sections', config, context).grade(input(output, expectations)) as GradeResult;
}

function labelled(output: string, result: GradeResult, label: string): string[] {
  return (result.spans ?? []).filter((span) => span.label === label).map((s) => output.slice(s.start, s.end));
}

const REPORT = [
  '# Compte rendu de réunion',
  '',
  '## Contexte',
  "Réunion de l'équipe de gériatrie du 5 novembre.",
  '',
  '## Points abordés',
  '3 postes de nuit ne sont pas pourvus.',
  '',
  '## Décisions',
  'Appel aux volontaires avant le 16 novembre.',
  '',
  '## Suivi',
  'Prochaine réunion le 3 décembre.',
].join('\n');

describe('sections: well-formed reports pass', () => {
  it('passes a report with every section, in order, with content, and marks the headings', () => {
    const result = grade(REPORT);
    expect(result).toMatchObject({ pass: true, score: 1 });
    expect(result.reason).toBe('all 4 sections present and non-empty, in order');
    expect(labelled(REPORT, result, 'section')).toEqual([
      '## Contexte',
      '## Points abordés',
      '## Décisions',
      '## Suivi',
    ]);
  });

  it('matches titles ignoring case, accents, spaces, a trailing colon, closing hashes and bold', () => {
    const output = [
      '## CONTEXTE :',
      'Texte.',
      '##   points   abordes',
      'Texte.',
      '## **Décisions** ##',
      'Texte.',
      '   ## Suivi:',
      'Texte.',
    ].join('\r\n');
    expect(grade(output)).toMatchObject({ pass: true, score: 1 });
  });

  it('reads the titles from expect.sections, as a list or as heading lines', () => {
    expect(grade(REPORT, {}, { sections: TITLES })).toMatchObject({ pass: true });
    const lines = '## Contexte\n## Points abordés\n## Décisions\n## Suivi';
    expect(grade(REPORT, {}, { sections: lines })).toMatchObject({ pass: true });
    expect(grade(REPORT, {}, { sections: [...TITLES, 'Annexes'] }).pass).toBe(false);
  });

  it('allows other headings by default, and sub-headings with text count as content', () => {
    const output = REPORT.replace('## Suivi\n', '## Divers\nRien.\n\n## Suivi\n### Échéances\n');
    expect(grade(output)).toMatchObject({ pass: true, score: 1 });
  });

  it('accepts any order when ordered is false', () => {
    const swapped = '## Suivi\nA.\n## Contexte\nB.\n## Décisions\nC.\n## Points abordés\nD.';
    expect(grade(swapped, { sections: TITLES, ordered: false })).toMatchObject({ pass: true, score: 1 });
    expect(grade(swapped).pass).toBe(false);
  });

  it('looks at the configured level', () => {
    const output = '### Contexte\nA.\n### Suivi\nB.';
    expect(grade(output, { sections: ['Contexte', 'Suivi'], level: 3 })).toMatchObject({ pass: true });
    expect(grade(output, { sections: ['Contexte', 'Suivi'] })).toMatchObject({ pass: false, score: 0 });
  });
});

describe('sections: missing, empty, misplaced and extra sections fail', () => {
  it('fails a missing section and scores the share present', () => {
    const output = REPORT.replace('## Décisions\nAppel aux volontaires avant le 16 novembre.\n\n', '');
    const result = grade(output);
    expect(result).toMatchObject({ pass: false, score: 3 / 4 });
    expect(result.reason).toBe('3/4 sections as required; missing: "Décisions"');
  });

  it('fails a section with no content before the next heading', () => {
    const output = REPORT.replace('Appel aux volontaires avant le 16 novembre.\n', '   \n');
    const result = grade(output);
    expect(result).toMatchObject({ pass: false, score: 3 / 4 });
    expect(result.reason).toContain('empty: "Décisions"');
  });

  it('fails a last section with nothing after it', () => {
    const output = `${REPORT.replace('Prochaine réunion le 3 décembre.', '')}\n\n`;
    expect(grade(output).reason).toContain('empty: "Suivi"');
  });

  it('does not count a sub-heading alone as content', () => {
    const output = REPORT.replace('Appel aux volontaires avant le 16 novembre.', '### Détail');
    expect(grade(output).reason).toContain('empty: "Décisions"');
  });

  it('marks only the section moved out of order', () => {
    const output = '## Contexte\nA.\n## Suivi\nB.\n## Points abordés\nC.\n## Décisions\nD.';
    const result = grade(output);
    expect(result).toMatchObject({ pass: false, score: 3 / 4 });
    expect(result.reason).toContain('out of order: "Suivi"');
  });

  it('refuses an extra heading when allowExtra is false, with its span, without lowering the score', () => {
    const output = REPORT.replace('## Suivi', '## Divers\nRien.\n\n## Suivi');
    const result = grade(output, { sections: TITLES, allowExtra: false });
    expect(result).toMatchObject({ pass: false, score: 1 });
    expect(result.reason).toContain('unexpected heading: "Divers"');
    expect(labelled(output, result, 'extra-section')).toEqual(['## Divers']);
    // Headings of another level are not sections, so not extra either.
    expect(grade(REPORT, { sections: TITLES, allowExtra: false }).pass).toBe(true);
  });

  it.each([
    ['bold alone on its line', '**Contexte**\nA.\n**Points abordés**\nB.\n**Décisions**\nC.\n**Suivi**\nD.'],
    ['setext underline', 'Contexte\n--------\nA.\nPoints abordés\n--------\nB.'],
    ['no space after the hashes', '##Contexte\nA.\n##Points abordés\nB.\n##Décisions\nC.\n##Suivi\nD.'],
    ['four spaces of indent (code)', '    ## Contexte\n    A.'],
    ['headings inside a fenced code block', '```\n## Contexte\nA.\n## Points abordés\nB.\n```'],
  ])('does not take %s for a heading', (_name, output) => {
    const result = grade(output);
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('missing: "Contexte"');
  });

  it('does not take a title for another that merely contains it', () => {
    const output = REPORT.replace('## Suivi', '## Suivi des actions');
    expect(grade(output).reason).toContain('missing: "Suivi"');
  });
});

describe('sections: a grader with nothing to check is an error', () => {
  it.each([
    ['no titles at all', {}, {}],
    ['expect.sections of the wrong type', {}, { sections: 3 }],
    ['a list holding a non-string', {}, { sections: ['Contexte', 2] }],
    ['only blank titles', {}, { sections: ['  ', '##'] }],
  ])('%s', (_name, config, expectations) => {
    const grader = sections.create('report-sections', config, context);
    expect(() => grader.grade(input(REPORT, expectations))).toThrow(GraderError);
    expect(() => grader.grade(input(REPORT, expectations))).toThrow(/grader "report-sections"/);
  });

  it('says in its description that only ATX headings count', () => {
    expect(sections.description).toMatch(/ATX/);
    expect(sections.description).toMatch(/bold/);
  });
});
