import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type JsonSchemaConfig, jsonSchema } from '../../src/graders/json-schema.js';
import { createGraders } from '../../src/graders/registry.js';
import { type GradeInput, type GradeResult, GraderError } from '../../src/graders/types.js';
import { UserError } from '../../src/shared/errors.js';
import { tempDir } from '../helpers/cli.js';

const FORM = {
  type: 'object',
  required: ['dossier', 'mode'],
  properties: {
    dossier: { type: 'string', pattern: '^D-\\d{4}$' },
    mode: { enum: ['assis', 'allonge'] },
  },
};

function input(output: string, expectations: Record<string, unknown> = {}): GradeInput {
  return {
    output,
    case: { id: 'c1', vars: {}, expect: expectations },
    suite: { id: 'form.x', language: 'fr', dir: '.' },
  };
}

function grade(
  config: JsonSchemaConfig,
  output: string,
  expectations: Record<string, unknown> = {},
  dir = '.',
): GradeResult {
  const grader = jsonSchema.create('json-schema', config, { dir, place: {} });
  const result = grader.grade(input(output, expectations));
  if (result instanceof Promise) throw new Error('json-schema is synchronous');
  return result;
}

const VALID = '{"dossier": "D-0001", "mode": "assis"}';

describe('json-schema, valid answers', () => {
  it('passes on bare JSON valid against the schema', () => {
    expect(grade({ schema: FORM }, VALID)).toMatchObject({ pass: true, score: 1 });
  });

  it('passes on JSON in a ```json fence', () => {
    const output = `Voici le formulaire :\n\n\`\`\`json\n${VALID}\n\`\`\`\n\nBonne journée.`;
    expect(grade({ schema: FORM }, output)).toMatchObject({ pass: true, score: 1 });
  });

  it('passes on JSON inside prose', () => {
    expect(grade({ schema: FORM }, `Le formulaire rempli est ${VALID}, comme demandé.`).pass).toBe(true);
  });
});

describe('json-schema, invalid answers', () => {
  it('fails on text that is not JSON, saying so', () => {
    const result = grade({ schema: FORM }, 'Le dossier est D-0001, transport assis.');
    expect(result).toMatchObject({ pass: false, score: 0 });
    expect(result.reason).toMatch(/^not JSON/);
  });

  it('fails on an empty output, saying it is empty', () => {
    expect(grade({ schema: FORM }, '   ').reason).toBe('not JSON: the output is empty');
  });

  it('fails on broken JSON', () => {
    expect(grade({ schema: FORM }, '{"dossier": "D-0001", "mode": ').reason).toMatch(/^not JSON/);
  });

  it('names the JSON pointer of a wrong value', () => {
    const result = grade({ schema: FORM }, '{"dossier": "D-0001", "mode": "debout"}');
    expect(result).toMatchObject({ pass: false, score: 0 });
    expect(result.reason).toContain('1 schema error(s)');
    expect(result.reason).toContain('/mode');
  });

  it('names the missing required property, at the root pointer', () => {
    const result = grade({ schema: FORM }, '{"dossier": "D-0001"}');
    expect(result.pass).toBe(false);
    expect(result.reason).toMatch(/\/ must have required property 'mode'/);
  });

  it('reports every error, at most five shown', () => {
    const schema = {
      type: 'object',
      properties: Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => [k, { type: 'number' }])),
    };
    const output = JSON.stringify({ a: 'x', b: 'x', c: 'x', d: 'x', e: 'x', f: 'x', g: 'x' });
    const result = grade({ schema }, output);
    expect(result.reason).toContain('7 schema error(s)');
    expect(result.reason).toContain('/a');
    expect(result.reason).not.toContain('/g');
    expect(result.reason).toMatch(/…$/);
  });

  it('checks formats (ajv-formats is loaded)', () => {
    const schema = { type: 'object', properties: { date: { type: 'string', format: 'date' } } };
    expect(grade({ schema }, '{"date": "2024-02-30x"}').pass).toBe(false);
    expect(grade({ schema }, '{"date": "2024-02-28"}').pass).toBe(true);
  });
});

describe('json-schema, where the schema comes from', () => {
  it('reads a ./file path relative to the suite folder', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'schemas'));
    writeFileSync(join(dir, 'schemas', 'form.json'), JSON.stringify(FORM));
    expect(grade({ schema: './schemas/form.json' }, VALID, {}, dir).pass).toBe(true);
    expect(grade({ schema: './schemas/form.json' }, '{"dossier": "X"}', {}, dir).pass).toBe(false);
  });

  it('refuses a schema file that does not exist or is not JSON, when the suite loads', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    const place = { file: 'suite.yaml', pointer: '/graders/0' };
    for (const schema of ['./missing.json', './broken.json']) {
      expect(() =>
        createGraders([{ type: 'json-schema', id: 'js', config: { schema }, place }], dir),
      ).toThrow(UserError);
    }
    expect(() => jsonSchema.create('js', { schema: './missing.json' }, { dir, place })).toThrow(
      /cannot read schema/,
    );
  });

  it('refuses an invalid inline schema when the suite loads', () => {
    const place = { file: 'suite.yaml', pointer: '/graders/0' };
    const config = { schema: { type: 'objet' } };
    expect(() => createGraders([{ type: 'json-schema', id: 'js', config, place }], '.')).toThrow(
      /invalid JSON Schema/,
    );
  });

  it('reads the schema from expect.schema when none is configured', () => {
    expect(grade({}, VALID, { schema: FORM }).pass).toBe(true);
    expect(grade({}, '{"dossier": "D-0001", "mode": "debout"}', { schema: FORM }).pass).toBe(false);
  });

  it('throws GraderError when there is no schema at all', () => {
    expect(() => grade({}, VALID)).toThrow(GraderError);
    expect(() => grade({}, VALID)).toThrow(/expect\.schema/);
    expect(() => grade({}, VALID, { schema: 'not a schema' })).toThrow(GraderError);
  });

  it('throws GraderError for an invalid schema given by a case', () => {
    expect(() => grade({}, VALID, { schema: { type: 12 } })).toThrow(GraderError);
  });
});
