import { describe, expect, it } from 'vitest';
import { type ContainsConfig, contains } from '../../src/graders/contains.js';
import { type GradeInput, type GradeResult, GraderError } from '../../src/graders/types.js';

function input(output: string, expectations: Record<string, unknown> = {}): GradeInput {
  return {
    output,
    case: { id: 'c1', vars: {}, expect: expectations },
    suite: { id: 'summary.x', language: 'fr', dir: '.' },
  };
}

function grade(
  config: ContainsConfig,
  output: string,
  expectations: Record<string, unknown> = {},
): GradeResult {
  const result = contains
    .create('contains', config, { dir: '.', place: {} })
    .grade(input(output, expectations));
  if (result instanceof Promise) throw new Error('contains is synchronous');
  return result;
}

describe('contains, mode all (the default)', () => {
  it('passes when every value is present', () => {
    const result = grade({ values: ['52 %', 'vaccination'] }, 'La vaccination atteint 52 % de couverture.');
    expect(result).toMatchObject({ pass: true, score: 1 });
    expect(result.reason).toBe('found 2/2');
  });

  it('fails when one value is missing, scores the share found and names what is missing', () => {
    const result = grade({ values: ['52 %', 'grippe', 'soignants'] }, 'La couverture atteint 52 % [1].');
    expect(result.pass).toBe(false);
    expect(result.score).toBeCloseTo(1 / 3);
    expect(result.reason).toContain('missing 2/3');
    expect(result.reason).toContain('"grippe"');
    expect(result.reason).toContain('"soignants"');
    expect(result.reason).not.toContain('"52 %"');
  });

  it('fails with score 0 when nothing is found', () => {
    expect(grade({ value: 'insuline' }, 'Rien à voir.')).toMatchObject({ pass: false, score: 0 });
  });

  it('shortens a long missing value in the reason', () => {
    const long = 'x'.repeat(200);
    const result = grade({ value: long }, 'court');
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('…');
    expect(result.reason.length).toBeLessThan(120);
  });
});

describe('contains, mode any', () => {
  it('passes with a single value found, scoring 1', () => {
    const result = grade({ values: ['paracétamol', 'ibuprofène'], mode: 'any' }, 'Prendre du paracétamol.');
    expect(result).toMatchObject({ pass: true, score: 1 });
  });

  it('fails with score 0 when none is found, naming them all', () => {
    const result = grade({ values: ['paracétamol', 'ibuprofène'], mode: 'any' }, 'Prendre de l’aspirine.');
    expect(result).toMatchObject({ pass: false, score: 0 });
    expect(result.reason).toContain('"paracétamol"');
    expect(result.reason).toContain('"ibuprofène"');
  });
});

describe('contains, case sensitivity', () => {
  it('ignores case by default', () => {
    expect(grade({ value: 'UN TIERS' }, 'Un tiers des personnes chutent.').pass).toBe(true);
  });

  it('respects case with caseSensitive', () => {
    expect(grade({ value: 'UN TIERS', caseSensitive: true }, 'Un tiers des personnes.').pass).toBe(false);
    expect(grade({ value: 'Un tiers', caseSensitive: true }, 'Un tiers des personnes.').pass).toBe(true);
  });

  it('keeps French accents distinct: é is not e', () => {
    expect(grade({ value: 'élevé' }, 'Le risque est eleve.').pass).toBe(false);
    expect(grade({ value: 'eleve' }, 'Le risque est élevé.').pass).toBe(false);
    expect(grade({ value: 'élevé' }, 'Le risque est ÉLEVÉ.').pass).toBe(true);
  });
});

describe('contains, negate', () => {
  it('passes when no forbidden value appears', () => {
    const result = grade({ values: ['mortel', 'fatal'], negate: true }, 'Le pronostic est bon.');
    expect(result).toMatchObject({ pass: true, score: 1 });
    expect(result.spans).toEqual([]);
  });

  it('fails when a forbidden value appears, naming it and marking it forbidden', () => {
    const output = 'Ce traitement est parfois fatal.';
    const result = grade({ values: ['mortel', 'fatal'], negate: true }, output);
    expect(result.pass).toBe(false);
    expect(result.score).toBeCloseTo(0.5);
    expect(result.reason).toContain('"fatal"');
    expect(result.reason).not.toContain('"mortel"');
    expect(result.spans).toHaveLength(1);
    const [span] = result.spans ?? [];
    expect(span?.label).toBe('forbidden');
    expect(output.slice(span?.start, span?.end)).toBe('fatal');
  });
});

describe('contains, where values come from', () => {
  it('reads a single string from expect.contains', () => {
    expect(grade({}, 'La dose est de 500 mg.', { contains: '500 mg' }).pass).toBe(true);
    expect(grade({}, 'La dose est de 250 mg.', { contains: '500 mg' }).pass).toBe(false);
  });

  it('reads a list from expect.contains', () => {
    const result = grade({}, 'Un tiers des plus de 65 ans.', {
      contains: ['65 ans', 'un tiers', 'chaque année'],
    });
    expect(result.pass).toBe(false);
    expect(result.score).toBeCloseTo(2 / 3);
    expect(result.reason).toContain('"chaque année"');
  });

  it('reads numbers in expect.contains as text', () => {
    expect(grade({}, 'Il y a 65 patients.', { contains: [65] }).pass).toBe(true);
  });

  it('prefers the configured values over expect.contains', () => {
    const result = grade({ value: 'configuré' }, 'Texte configuré.', { contains: 'absent' });
    expect(result.pass).toBe(true);
  });

  it('renders configured values as templates over the case', () => {
    const config = { values: ['{{expect.dossier}}', 'dossier {{ expect.dossier }}'] };
    expect(grade(config, 'Voir le dossier D-0001.', { dossier: 'D-0001' }).pass).toBe(true);
    expect(grade(config, 'Voir le dossier D-0002.', { dossier: 'D-0001' }).pass).toBe(false);
  });

  it('refuses a configured template whose placeholder the case lacks', () => {
    expect(() => grade({ value: '{{expect.dossier}}' }, 'D-0001', {})).toThrow(/expect\.dossier/);
  });

  it('throws GraderError when neither config nor expect.contains gives values', () => {
    expect(() => grade({}, 'texte')).toThrow(GraderError);
    expect(() => grade({}, 'texte')).toThrow(/expect\.contains/);
    expect(() => grade({}, 'texte', { contains: null })).toThrow(GraderError);
  });

  it('throws GraderError when expect.contains is neither text nor a list of text', () => {
    expect(() => grade({}, 'texte', { contains: { a: 1 } })).toThrow(GraderError);
    expect(() => grade({}, 'texte', { contains: ['ok', true] })).toThrow(GraderError);
  });

  it('throws GraderError on an empty expect.contains list rather than scoring NaN', () => {
    expect(() => grade({}, 'texte', { contains: [] })).toThrow(GraderError);
  });
});

describe('contains, spans', () => {
  it('points at every occurrence, case-insensitively', () => {
    const output = 'Dossier D-0001 ; rappel : d-0001 est complet.';
    const result = grade({ value: 'D-0001' }, output);
    expect(result.spans).toHaveLength(2);
    for (const span of result.spans ?? []) {
      expect(span.label).toBe('found');
      expect(output.slice(span.start, span.end).toLowerCase()).toBe('d-0001');
    }
    expect(result.spans?.map((s) => s.start)).toEqual([8, 26]);
  });

  it('keeps offsets right after accented characters', () => {
    const output = 'Hygiène, sécurité, qualité : la qualité prime.';
    const result = grade({ values: ['QUALITÉ', 'sécurité'] }, output);
    expect(result.pass).toBe(true);
    for (const span of result.spans ?? []) {
      const text = output.slice(span.start, span.end).toLowerCase();
      expect(['qualité', 'sécurité']).toContain(text);
    }
    expect(result.spans).toHaveLength(3);
  });

  it('keeps offsets right after a letter whose lower case is longer (İ)', () => {
    const output = 'Patient né à İzmir, dossier D-0001.';
    const result = grade({ values: ['d-0001', 'izmir'] }, output);
    expect(result.spans?.map((s) => output.slice(s.start, s.end))).toEqual(['D-0001', 'İzmir']);
  });

  it('has no span for a value not found', () => {
    expect(grade({ values: ['absent'], mode: 'any' }, 'présent').spans).toEqual([]);
  });
});
