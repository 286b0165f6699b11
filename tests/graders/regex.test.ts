import { describe, expect, it } from 'vitest';
import { type RegexConfig, regex } from '../../src/graders/regex.js';
import { createGraders } from '../../src/graders/registry.js';
import { type GradeInput, type GradeResult, GraderError } from '../../src/graders/types.js';
import { UserError } from '../../src/shared/errors.js';

function input(output: string, expectations: Record<string, unknown> = {}): GradeInput {
  return {
    output,
    case: { id: 'c1', vars: {}, expect: expectations },
    suite: { id: 'summary.x', language: 'fr', dir: '.' },
  };
}

function grade(config: RegexConfig, output: string, expectations: Record<string, unknown> = {}): GradeResult {
  const result = regex.create('regex', config, { dir: '.', place: {} }).grade(input(output, expectations));
  if (result instanceof Promise) throw new Error('regex is synchronous');
  return result;
}

const CITATION = '\\[\\d+\\]';

describe('regex, matching', () => {
  it('passes when the pattern matches', () => {
    const result = grade({ pattern: CITATION }, 'La couverture atteint 52 % [1].');
    expect(result).toMatchObject({ pass: true, score: 1, reason: 'pattern found' });
  });

  it('fails when the pattern does not match', () => {
    const result = grade({ pattern: CITATION }, 'La couverture atteint 52 %.');
    expect(result).toMatchObject({ pass: false, score: 0, reason: 'pattern not found' });
    expect(result.spans).toEqual([]);
  });

  it('is case-sensitive unless given the i flag', () => {
    expect(grade({ pattern: 'HAS' }, 'selon la has').pass).toBe(false);
    expect(grade({ pattern: 'HAS', flags: 'i' }, 'selon la has').pass).toBe(true);
  });

  it('matches accented letters with the u flag and a Unicode class', () => {
    expect(grade({ pattern: '^\\p{L}+$', flags: 'u' }, 'élevé').pass).toBe(true);
    expect(grade({ pattern: '^\\p{L}+$', flags: 'u' }, 'élevé 2').pass).toBe(false);
  });

  it('accepts a g flag in the config without changing the verdict', () => {
    expect(grade({ pattern: 'a', flags: 'g' }, 'banane').pass).toBe(true);
    expect(grade({ pattern: 'a', flags: 'gi' }, 'BANANE').spans).toHaveLength(2);
  });
});

describe('regex, negate', () => {
  it('passes when a forbidden pattern is absent', () => {
    const result = grade({ pattern: '\\b\\d{13}\\b', negate: true }, 'Aucun numéro ici.');
    expect(result).toMatchObject({ pass: true, score: 1, reason: 'forbidden pattern absent' });
  });

  it('fails when a forbidden pattern is present, counting and marking matches', () => {
    const output = 'NIR 1850578006084 et 2850578006084.';
    const result = grade({ pattern: '\\b\\d{13}\\b', negate: true }, output);
    expect(result).toMatchObject({ pass: false, score: 0 });
    expect(result.reason).toContain('2 time(s)');
    expect(result.spans?.map((s) => s.label)).toEqual(['forbidden', 'forbidden']);
  });
});

describe('regex, where the pattern comes from', () => {
  it('reads the pattern from expect.regex', () => {
    expect(grade({}, 'dossier D-0042', { regex: 'D-\\d{4}' }).pass).toBe(true);
    expect(grade({}, 'dossier D-42', { regex: 'D-\\d{4}' }).pass).toBe(false);
  });

  it('renders a configured pattern as a template over the case', () => {
    expect(grade({ pattern: 'dossier {{expect.dossier}}' }, 'le dossier D-7', { dossier: 'D-7' }).pass).toBe(
      true,
    );
    expect(grade({ pattern: 'dossier {{expect.dossier}}' }, 'le dossier D-8', { dossier: 'D-7' }).pass).toBe(
      false,
    );
  });

  it('throws GraderError with no pattern configured nor expected', () => {
    expect(() => grade({}, 'texte')).toThrow(GraderError);
    expect(() => grade({}, 'texte')).toThrow(/expect\.regex/);
  });

  it('throws GraderError for an invalid pattern given by a case', () => {
    expect(() => grade({}, 'texte', { regex: '(' })).toThrow(GraderError);
    expect(() => grade({}, 'texte', { regex: '(' })).toThrow(/invalid regular expression/);
  });
});

describe('regex, spans', () => {
  it('gives one span per match, each slicing to the matched text', () => {
    const output = 'Voir [1], puis [12] et enfin [3].';
    const result = grade({ pattern: CITATION }, output);
    expect(result.spans).toHaveLength(3);
    expect(result.spans?.map((s) => output.slice(s.start, s.end))).toEqual(['[1]', '[12]', '[3]']);
    expect(result.spans?.every((s) => s.label === 'match')).toBe(true);
  });

  it('caps the number of spans at 50', () => {
    const result = grade({ pattern: 'a' }, 'a'.repeat(500));
    expect(result.pass).toBe(true);
    expect(result.spans).toHaveLength(50);
  });

  it('skips empty matches but still spans the non-empty ones after them', () => {
    const output = 'b aa b aaa';
    const result = grade({ pattern: 'a*' }, output);
    expect(result.pass).toBe(true);
    expect(result.spans?.map((s) => output.slice(s.start, s.end))).toEqual(['aa', 'aaa']);
  });
});

describe('regex, empty matches', () => {
  it('/^$/ passes on an empty output, with no span', () => {
    const result = grade({ pattern: '^$' }, '');
    expect(result).toMatchObject({ pass: true, score: 1 });
    expect(result.spans).toEqual([]);
  });

  it('/^$/ fails on a non-empty output', () => {
    expect(grade({ pattern: '^$' }, 'texte').pass).toBe(false);
  });

  it('/^$/ with negate fails on an empty output', () => {
    expect(grade({ pattern: '^$', negate: true }, '').pass).toBe(false);
  });
});

describe('regex config checked when the suite loads', () => {
  const place = { file: 'suite.yaml', line: 12, pointer: '/graders/1' };

  it('refuses an invalid pattern with a UserError at the grader', () => {
    const build = () => createGraders([{ type: 'regex', id: 'r', config: { pattern: '([a-z' }, place }], '.');
    expect(build).toThrow(UserError);
    try {
      build();
    } catch (error) {
      expect((error as UserError).message).toMatch(/invalid regular expression/);
      expect((error as UserError).place).toMatchObject({ file: 'suite.yaml', line: 12 });
    }
  });

  it('refuses unknown flags and an empty pattern', () => {
    expect(() =>
      createGraders([{ type: 'regex', id: 'r', config: { pattern: 'a', flags: 'x' }, place }], '.'),
    ).toThrow(UserError);
    expect(() => createGraders([{ type: 'regex', id: 'r', config: { pattern: '' }, place }], '.')).toThrow(
      UserError,
    );
  });

  it('refuses repeated flags when the suite loads, not case by case', () => {
    expect(() =>
      createGraders([{ type: 'regex', id: 'r', config: { pattern: 'a', flags: 'ii' }, place }], '.'),
    ).toThrow(UserError);
  });

  it('accepts a repeated g flag, since g is the grader’s own business', () => {
    const [grader] = createGraders(
      [{ type: 'regex', id: 'r', config: { pattern: 'a', flags: 'gg' }, place }],
      '.',
    );
    expect(grader?.grade(input('banane'))).toMatchObject({ pass: true });
  });
});
