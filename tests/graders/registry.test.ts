import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  createGraders,
  GRADERS,
  graderTypes,
  intendedCatches,
  isGraderType,
} from '../../src/graders/registry.js';
import { UserError } from '../../src/shared/errors.js';
import { loadSuite } from '../../src/suite/load-suite.js';
import type { GraderSpec } from '../../src/suite/types.js';
import { copyFixtureSuite, editFile } from '../helpers/suite-copy.js';

function spec(type: string, config: Record<string, unknown>, index = 0): GraderSpec {
  return {
    type,
    id: type,
    config,
    place: { file: 'suite.yaml', line: 10 + index, pointer: `/graders/${index}` },
  };
}

function userErrorFrom(build: () => unknown): UserError {
  try {
    build();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError, nothing was thrown');
}

describe('the grader registry', () => {
  it('describes every grader and gives a config schema that ajv compiles', () => {
    const ajv = new Ajv({ strict: false });
    expect(graderTypes().length).toBeGreaterThan(0);
    for (const [type, definition] of Object.entries(GRADERS)) {
      expect(definition.description, type).toMatch(/\w{3,}/);
      expect(() => ajv.compile(definition.configSchema), type).not.toThrow();
    }
  });

  it('lists exactly the registered types', () => {
    expect(graderTypes()).toEqual(Object.keys(GRADERS));
    expect(isGraderType('contains')).toBe(true);
    expect(isGraderType('toString')).toBe(false);
    expect(isGraderType('nope')).toBe(false);
  });

  it('says what calibration holds a grader to, and nothing for unknown types', () => {
    expect(intendedCatches('json-schema')).toContain('break-json');
    expect(intendedCatches('regex')).toEqual([]);
    expect(intendedCatches('nope')).toEqual([]);
  });

  it('builds graders whose ids and types follow the specs', () => {
    const graders = createGraders(
      [
        { ...spec('contains', { value: 'x' }), id: 'has-x' },
        spec('regex', { pattern: 'a+' }, 1),
        spec('json-schema', { schema: { type: 'object' } }, 2),
      ],
      '.',
    );
    expect(graders.map((g) => [g.id, g.type])).toEqual([
      ['has-x', 'contains'],
      ['regex', 'regex'],
      ['json-schema', 'json-schema'],
    ]);
  });
});

describe('createGraders refuses bad configs with the place to fix', () => {
  it('names the known graders for an unknown type, pointing at /graders/N/type', () => {
    const error = userErrorFrom(() =>
      createGraders([spec('contains', { value: 'x' }), spec('contain', {}, 1)], '.'),
    );
    expect(error.message).toContain('unknown grader type "contain"');
    expect(error.place).toMatchObject({ file: 'suite.yaml', line: 11, pointer: '/graders/1/type' });
    for (const type of graderTypes()) expect(error.hint).toContain(type);
    expect(error.describe()).toContain('suite.yaml:11 (/graders/1/type)');
  });

  it('points at an unknown config key', () => {
    const error = userErrorFrom(() => createGraders([spec('regex', { pattern: 'a', flag: 'i' }, 3)], '.'));
    expect(error.message).toMatch(/unknown key "flag"/);
    expect(error.place.pointer).toBe('/graders/3/flag');
  });

  it('points at a config value of the wrong type', () => {
    const error = userErrorFrom(() => createGraders([spec('contains', { values: 'x' }, 2)], '.'));
    expect(error.message).toMatch(/grader "contains" \(contains\): must be of type array/);
    expect(error.place.pointer).toBe('/graders/2/values');
  });

  it('points at a bad item inside a list', () => {
    const error = userErrorFrom(() => createGraders([spec('contains', { values: ['ok', 3] })], '.'));
    expect(error.place.pointer).toBe('/graders/0/values/1');
  });

  it('refuses an enum value outside the allowed ones, listing them', () => {
    const error = userErrorFrom(() => createGraders([spec('contains', { value: 'x', mode: 'some' })], '.'));
    expect(error.message).toMatch(/must be one of "all", "any"/);
    expect(error.place.pointer).toBe('/graders/0/mode');
  });

  it('refuses value and values together', () => {
    const error = userErrorFrom(() => createGraders([spec('contains', { value: 'a', values: ['b'] })], '.'));
    expect(error.message).toContain('give either "value" or "values", not both');
    expect(error.place.pointer).toBe('/graders/0');
  });

  it('refuses an empty values list', () => {
    expect(() => createGraders([spec('contains', { values: [] })], '.')).toThrow(UserError);
  });

  it('turns a grader that cannot be built into a UserError at its place', () => {
    const error = userErrorFrom(() => createGraders([spec('regex', { pattern: '(' }, 4)], '.'));
    expect(error.place).toMatchObject({ file: 'suite.yaml', line: 14, pointer: '/graders/4' });
  });

  it('reports the line in suite.yaml for a suite loaded from disk', () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'suite.yaml'), (text) => text.replace('- type: regex', '- type: regexp'));
    const suite = loadSuite(dir);
    const error = userErrorFrom(() => createGraders(suite.graders, suite.dir));
    expect(error.place.pointer).toBe('/graders/1/type');
    expect(error.place.line).toBe(17);
  });
});
