import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toDate } from '../../src/graders/form/compare-field.js';
import { type FormConfig, form } from '../../src/graders/form/index.js';
import { createGraders } from '../../src/graders/registry.js';
import { type GradeInput, type GradeResult, GraderError } from '../../src/graders/types.js';
import { MUTATIONS } from '../../src/providers/mutations.js';
import { UserError } from '../../src/shared/errors.js';
import { tempDir } from '../helpers/cli.js';

const FORMS = fileURLToPath(new URL('../fixtures/forms', import.meta.url));
const SCHEMA = 'transport.schema.json';

const FILLED = {
  dossier: 'D-0042',
  nom: 'Aurélie Fictive',
  date_rdv: '2026-03-05',
  heure_depart: '2026-03-05T08:30:00+01:00',
  poids_kg: 72.5,
  accompagnants: 1,
  mode: 'allongé',
  oxygene: true,
  adresse: { ville: 'Saint-Étienne', code_postal: '42000' },
  allergies: ['pénicilline', 'latex'],
  nir: null,
  remarques: 'Prévoir un brancard.',
};

function input(output: string, expectations: Record<string, unknown> = {}): GradeInput {
  return {
    output,
    case: { id: 'c1', vars: {}, expect: expectations },
    suite: { id: 'form.transport', language: 'fr', dir: FORMS },
  };
}

function grade(
  output: string,
  fields?: Record<string, unknown>,
  config: Partial<FormConfig> = {},
): GradeResult {
  const grader = form.create('form', { schema: SCHEMA, ...config }, { dir: FORMS, place: {} });
  const result = grader.grade(input(output, fields === undefined ? {} : { fields }));
  if (result instanceof Promise) throw new Error('form is synchronous');
  return result;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const withField = (key: string, value: unknown) => json({ ...FILLED, [key]: value });

describe('form: reading the JSON', () => {
  it('passes on bare JSON valid against the schema, all expected fields right', () => {
    const result = grade(json(FILLED), { dossier: 'D-0042', mode: 'allongé' });
    expect(result).toMatchObject({ pass: true, score: 1 });
    expect(result.reason).toContain('all 2 expected fields right');
  });

  it('reads the form from a ```json fenced block inside prose', () => {
    const output = `Voici le formulaire prérempli :\n\n\`\`\`json\n${json(FILLED)}\n\`\`\`\n\nÀ vérifier avant envoi.`;
    expect(grade(output, { dossier: 'D-0042' })).toMatchObject({ pass: true, score: 1 });
  });

  it('fails broken JSON with score 0 and a span over the JSON text', () => {
    const broken = json(FILLED).replace(/\}\s*$/, '');
    const output = `Formulaire :\n${broken}`;
    const result = grade(output, { dossier: 'D-0042' });
    expect(result).toMatchObject({ pass: false, score: 0 });
    expect(result.reason).toMatch(/^not JSON/);
    expect(result.spans).toEqual([
      { start: output.indexOf('{'), end: output.trimEnd().length, label: 'invalid-json' },
    ]);
  });

  it('fails an empty answer without throwing', () => {
    expect(grade('', { dossier: 'D-0042' })).toMatchObject({ pass: false, score: 0, spans: [] });
  });
});

describe('form: schema errors', () => {
  it('reports every schema error with its JSON pointer, and scores 0', () => {
    const { nom: _nom, ...rest } = FILLED;
    const output = json({ ...rest, dossier: 'D42', accompagnants: 1.5, adresse: { code_postal: '4200' } });
    const result = grade(output);
    expect(result).toMatchObject({ pass: false, score: 0 });
    expect(result.reason).toMatch(/^5 schema error\(s\)/);
    expect(result.reason).toContain('/nom missing required key "nom"');
    expect(result.reason).toContain('/dossier does not match');
    expect(result.reason).toContain('/accompagnants must be of type integer');
    expect(result.reason).toContain('/adresse/ville missing required key');
    expect(result.reason).toContain('/adresse/code_postal does not match');
    expect(result.spans).toEqual([{ start: 0, end: output.length, label: 'schema-invalid' }]);
  });

  it('points at an unknown key by its own pointer', () => {
    const result = grade(withField('telephone', '01 99 00 12 34'));
    expect(result.reason).toContain('/telephone unknown key "telephone"');
    expect(result.reason).not.toContain('01 99 00');
  });

  it('still reports the fields when the schema fails', () => {
    const result = grade(withField('mode', 'ambulance'), { mode: 'allongé', dossier: 'D-0042' });
    expect(result.score).toBe(0);
    expect(result.reason).toContain('1/2 expected fields right; wrong: /mode');
  });

  it('catches the mutant defects it claims: break-json and drop-required-field', () => {
    const reference = json(FILLED);
    const context = { reference, expect: {}, vars: {}, seed: 1 };
    for (const name of form.catches ?? []) {
      const mutated = MUTATIONS[name](context);
      expect(mutated, name).toBeDefined();
      expect(grade(mutated as string, { dossier: 'D-0042' }).pass, name).toBe(false);
    }
    expect(grade(reference, { dossier: 'D-0042' }).pass).toBe(true);
  });
});

describe('form: comparing fields by their schema type', () => {
  const cases: Array<[string, string, unknown, unknown, unknown]> = [
    // [label, field, expected, right answer, wrong answer]
    ['date as dd/mm/yyyy', 'date_rdv', '05/03/2026', '2026-03-05', '2026-05-03'],
    ['date in French words', 'date_rdv', '5 mars 2026', '2026-03-05', '2026-03-06'],
    ['ISO date against words', 'date_rdv', '2026-03-01', '2026-03-01', '2025-03-01'],
    [
      'date-time, same minute',
      'heure_depart',
      '05/03/2026 à 8h30',
      '2026-03-05T08:30:00+01:00',
      '2026-03-05T09:30:00+01:00',
    ],
    ['number with a decimal comma', 'poids_kg', '72,5', 72.5, 75.2],
    ['integer', 'accompagnants', 2, 2, 3],
    ['enum ignoring case and spaces', 'mode', ' Allongé ', 'allongé', 'assis'],
    ['boolean written oui', 'oxygene', 'oui', true, false],
    ['boolean written non', 'oxygene', 'non', false, true],
    [
      'text ignoring case, accents, spacing',
      'nom',
      'aurelie   FICTIVE',
      'Aurélie Fictive',
      'Aurélien Fictive',
    ],
    ['list in any order', 'allergies', ['Latex', 'penicilline'], ['pénicilline', 'latex'], ['latex']],
  ];
  for (const [label, field, expected, right, wrong] of cases) {
    it(`${label}: right passes, wrong fails with the field named`, () => {
      expect(grade(withField(field, right), { [field]: expected }), 'right').toMatchObject({
        pass: true,
        score: 1,
      });
      const result = grade(withField(field, wrong), { [field]: expected });
      expect(result, 'wrong').toMatchObject({ pass: false, score: 0 });
      expect(result.reason).toContain(`wrong: /${field}`);
    });
  }

  it('nested fields, by nesting or by JSON pointer', () => {
    expect(grade(json(FILLED), { adresse: { ville: 'saint-etienne' } }).pass).toBe(true);
    expect(grade(json(FILLED), { '/adresse/code_postal': '42000' }).pass).toBe(true);
    const result = grade(json(FILLED), { adresse: { ville: 'Lyon', code_postal: '42000' } });
    expect(result).toMatchObject({ pass: false, score: 0.5 });
    expect(result.reason).toContain('wrong: /adresse/ville');
  });

  it('says a missing field is missing', () => {
    const { remarques: _r, ...rest } = FILLED;
    expect(grade(json(rest), { remarques: 'Prévoir un brancard.' }).reason).toContain('/remarques missing');
  });

  it('an expected null wants the field absent, null or blank', () => {
    const { nir: _nir, ...rest } = FILLED;
    expect(grade(json(rest), { nir: null }).pass).toBe(true);
    expect(grade(withField('nir', null), { nir: null }).pass).toBe(true);
    expect(grade(withField('nir', ' '), { nir: null }).pass).toBe(true);
    expect(grade(withField('nir', '2 80 50 75 123 456 78'), { nir: null })).toMatchObject({
      pass: false,
      score: 0,
    });
  });

  it('does not take a number written as text for the wrong number, nor junk for a date', () => {
    expect(
      grade(withField('remarques', '72,5'), { remarques: 72.5 }, { compare: { remarques: 'number' } }).pass,
    ).toBe(true);
    expect(
      grade(withField('remarques', 'environ 72'), { remarques: 72 }, { compare: { remarques: 'number' } })
        .pass,
    ).toBe(false);
    expect(toDate('31/02/2026')).toBeUndefined();
    expect(toDate('bientôt')).toBeUndefined();
    expect(toDate('March 5, 2026')).toEqual({ day: '2026-03-05' });
  });
});

describe('form: config', () => {
  it('compare overrides the kind the schema implies: exact is strict', () => {
    const output = withField('nom', 'aurélie fictive');
    expect(grade(output, { nom: 'Aurélie Fictive' }).pass).toBe(true);
    expect(grade(output, { nom: 'Aurélie Fictive' }, { compare: { nom: 'exact' } }).pass).toBe(false);
    expect(grade(output, { nom: 'Aurélie Fictive' }, { compare: { '/nom': 'exact' } }).pass).toBe(false);
  });

  it('compare as a date on a field the schema calls text', () => {
    const output = withField('remarques', '2026-03-05');
    expect(grade(output, { remarques: '5 mars 2026' }).pass).toBe(false);
    expect(grade(output, { remarques: '5 mars 2026' }, { compare: { remarques: 'date' } }).pass).toBe(true);
  });

  it('fails a filled forbidden field, pointing at its value, without quoting it', () => {
    const nir = '2 80 50 75 123 456 78';
    const output = withField('nir', nir);
    const result = grade(output, { dossier: 'D-0042' }, { forbidden: ['nir'] });
    expect(result).toMatchObject({ pass: false, score: 0.5 });
    expect(result.reason).toContain('forbidden field(s) filled in: /nir');
    expect(result.reason).not.toContain(nir);
    const span = result.spans?.find((s) => s.label === 'forbidden-field');
    expect(span && output.slice(span.start, span.end)).toBe(JSON.stringify(nir));
  });

  it('a forbidden field left null or absent passes; a pointer names one place only', () => {
    expect(grade(json(FILLED), undefined, { forbidden: ['nir', '/adresse/code_postal'] })).toMatchObject({
      pass: false,
      score: 0.5,
    });
    expect(grade(json(FILLED), undefined, { forbidden: ['nir', '/code_postal'] })).toMatchObject({
      pass: true,
      score: 1,
    });
  });

  it('a bare forbidden name is found at any depth', () => {
    const output = json({ ...FILLED, adresse: { ville: 'Lyon', nir: 'x' } });
    // The schema allows extra keys in the address, so only the forbidden check fails.
    const result = grade(output, undefined, { forbidden: ['nir'] });
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('/adresse/nir');
  });

  it('minFieldShare lets a share of the fields be wrong', () => {
    const output = withField('mode', 'assis');
    const fields = { dossier: 'D-0042', nom: 'Aurélie Fictive', date_rdv: '2026-03-05', mode: 'allongé' };
    expect(grade(output, fields)).toMatchObject({ pass: false, score: 0.75 });
    expect(grade(output, fields, { minFieldShare: 0.75 })).toMatchObject({ pass: true, score: 0.75 });
  });

  it('points at the wrong values in the output', () => {
    const output = withField('mode', 'assis');
    const result = grade(output, { mode: 'allongé' });
    const span = result.spans?.find((s) => s.label === 'wrong-field');
    expect(span && output.slice(span.start, span.end)).toBe('"assis"');
  });

  it('without expect.fields, checks the JSON, the schema and the forbidden fields only', () => {
    expect(grade(json(FILLED))).toMatchObject({ pass: true, score: 1 });
    expect(grade(withField('dossier', 'X'))).toMatchObject({ pass: false, score: 0 });
  });

  it('refuses expect.fields that is not an object', () => {
    expect(() => grade(json(FILLED), ['dossier'] as unknown as Record<string, unknown>)).toThrow(GraderError);
  });
});

describe('form: the schema file', () => {
  it('throws a GraderError naming a missing schema file', () => {
    expect(() => form.create('f', { schema: 'absent.schema.json' }, { dir: FORMS, place: {} })).toThrow(
      /cannot read schema absent\.schema\.json/,
    );
  });

  it('throws a GraderError naming a schema that is not JSON, or not a valid schema', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.json'), '{ "type": ');
    expect(() => form.create('f', { schema: 'broken.json' }, { dir, place: {} })).toThrow(
      /schema broken\.json is not JSON/,
    );
    expect(() => form.create('f', { schema: 'invalid.schema.json' }, { dir: FORMS, place: {} })).toThrow(
      /schema invalid\.schema\.json is not a valid JSON Schema/,
    );
  });

  it('the registry turns it into a UserError at the grader place, and requires schema', () => {
    const place = { file: 'suite.yaml', line: 12, pointer: '/graders/0' };
    let error: unknown;
    try {
      createGraders([{ type: 'form', id: 'form', config: { schema: 'absent.json' }, place }], FORMS);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).place).toMatchObject(place);
    expect(() => createGraders([{ type: 'form', id: 'form', config: {}, place }], FORMS)).toThrow(UserError);
    expect(() =>
      createGraders(
        [{ type: 'form', id: 'form', config: { schema: SCHEMA, compare: { nom: 'fuzzy' } }, place }],
        FORMS,
      ),
    ).toThrow(/must be one of/);
    const [grader] = createGraders([{ type: 'form', id: 'form', config: { schema: SCHEMA }, place }], FORMS);
    expect(grader?.type).toBe('form');
  });
});
