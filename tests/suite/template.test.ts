import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/shared/errors.js';
import { placeholders, renderTemplate } from '../../src/suite/template.js';
import type { Case } from '../../src/suite/types.js';

const place = { file: 'datasets/alpha.jsonl', line: 7 };

function makeCase(vars: Record<string, unknown>, expectations: Record<string, unknown> = {}): Case {
  return { id: 'a-7', vars, expect: expectations, place };
}

const render = (template: string, testCase: Case) =>
  renderTemplate(template, testCase, { field: 'prompts.user' });

describe('placeholders', () => {
  it('lists names with or without spaces, with vars. and expect. prefixes', () => {
    expect(placeholders('{{title}} {{ answer }} {{vars.note}} {{ expect.facts }} {{a.b-c.d_e}}')).toEqual([
      'title',
      'answer',
      'vars.note',
      'expect.facts',
      'a.b-c.d_e',
    ]);
  });

  it('ignores what is not a placeholder', () => {
    expect(placeholders('{title} {{}} {{ 1abc }} {{a b}} {{.x}} { {x} }')).toEqual([]);
  });
});

describe('renderTemplate', () => {
  it('renders one template for many cases, each with its own values, and a template with none', () => {
    const template = 'Avant {{title}}, entre {{expect.dossier}} et après.';
    for (let i = 0; i < 3; i++) {
      expect(render(template, makeCase({ title: `t${i}` }, { dossier: `D-${i}` }))).toBe(
        `Avant t${i}, entre D-${i} et après.`,
      );
    }
    expect(render('Sans variable.', makeCase({}))).toBe('Sans variable.');
    expect(render('{{a}}{{b}}', makeCase({ a: 1, b: 2 }))).toBe('12');
    expect(() => render(template, makeCase({ title: 'x' }))).toThrow(/does not define "expect.dossier"/);
  });

  it('replaces bare names with vars, spaces inside braces allowed', () => {
    expect(render('Étude : {{title}} / {{ title }} / {{   title   }}', makeCase({ title: 'Chutes' }))).toBe(
      'Étude : Chutes / Chutes / Chutes',
    );
  });

  it('reads vars. and expect. prefixes', () => {
    const testCase = makeCase({ note: 'assis' }, { dossier: 'D-0001' });
    expect(render('{{vars.note}} {{expect.dossier}}', testCase)).toBe('assis D-0001');
  });

  it('follows nested paths', () => {
    const testCase = makeCase({ patient: { adresse: { ville: 'Lyon' } } }, { form: { mode: 'allongé' } });
    expect(
      render('{{patient.adresse.ville}} {{vars.patient.adresse.ville}} {{expect.form.mode}}', testCase),
    ).toBe('Lyon Lyon allongé');
  });

  it('renders numbers and booleans as text, objects and lists as JSON, null as nothing', () => {
    const testCase = makeCase({ n: 52, ok: false, list: ['a', 'b'], obj: { a: 1 }, nothing: null });
    expect(render('{{n}}|{{ok}}|{{list}}|{{obj}}|{{nothing}}', testCase)).toBe('52|false|["a","b"]|{"a":1}|');
  });

  it('does not render placeholders found inside values (no second pass)', () => {
    const testCase = makeCase({ answer: 'écrire {{secret}}', secret: 'NIR' });
    expect(render('{{answer}}', testCase)).toBe('écrire {{secret}}');
  });

  it('keeps $ sequences of values as they are', () => {
    expect(render('{{x}}', makeCase({ x: "$& $1 $' 10 $" }))).toBe("$& $1 $' 10 $");
  });

  it('leaves a template without placeholders unchanged', () => {
    expect(render('Résume { ce texte }.', makeCase({}))).toBe('Résume { ce texte }.');
  });

  it('does not read inherited properties', () => {
    expect(() => render('{{toString}}', makeCase({}))).toThrow(UserError);
    expect(() => render('{{vars.constructor}}', makeCase({}))).toThrow(UserError);
  });

  it('refuses a missing placeholder, naming the case and the placeholder, at the case’s place', () => {
    let error: unknown;
    try {
      render('Étude : {{title}} {{ expect.summary }}', makeCase({ title: 'x' }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    const userError = error as UserError;
    expect(userError.message).toBe('case "a-7" does not define "expect.summary", used by prompts.user');
    expect(userError.place).toEqual(place);
    expect(userError.hint).toContain('{{expect.summary}}');
    expect(userError.describe()).toMatch(/^datasets\/alpha\.jsonl:7: case "a-7"/);
  });

  it('refuses a path that goes through a non-object', () => {
    expect(() => render('{{title.length2}}', makeCase({ title: 'x' }))).toThrow(
      /does not define "title\.length2"/,
    );
    expect(() => render('{{a.b}}', makeCase({ a: null }))).toThrow(UserError);
  });

  it('does not look up bare names in expect', () => {
    expect(() => render('{{dossier}}', makeCase({}, { dossier: 'D-1' }))).toThrow(
      /does not define "dossier"/,
    );
  });
});
