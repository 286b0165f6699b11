import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { extractJson } from './extract-json.js';
import { compileOutputSchema } from './output-schema.js';
import { type GraderDefinition, GraderError } from './types.js';

export interface JsonSchemaConfig {
  /** An inline schema, or a path (./…) relative to the suite folder. */
  schema?: object | string;
}

function compile(schema: object, id: string): ValidateFunction {
  try {
    return compileOutputSchema(schema);
  } catch (error) {
    throw new GraderError(`grader "${id}": invalid JSON Schema: ${(error as Error).message}`);
  }
}

function readSchemaFile(path: string, id: string): object {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as object;
  } catch (error) {
    throw new GraderError(`grader "${id}": cannot read schema ${path}: ${(error as Error).message}`);
  }
}

export const jsonSchema: GraderDefinition<JsonSchemaConfig> = {
  description: 'The output is JSON (bare or in a fenced block) valid against a JSON Schema.',
  catches: ['break-json', 'drop-required-field'],
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { schema: { type: ['object', 'string'] } },
  },
  create(id, config, context) {
    const configured =
      typeof config.schema === 'string'
        ? compile(readSchemaFile(resolve(context.dir, config.schema), id), id)
        : config.schema
          ? compile(config.schema, id)
          : undefined;
    return {
      id,
      type: 'json-schema',
      grade(input) {
        let validate = configured;
        if (!validate) {
          const fromCase = input.case.expect.schema;
          if (!fromCase || typeof fromCase !== 'object') {
            throw new GraderError(
              `grader "${id}" has no schema: configure "schema" or give the case "expect.schema"`,
            );
          }
          validate = compile(fromCase, id);
        }
        const extraction = extractJson(input.output);
        if (!extraction.ok) return { pass: false, score: 0, reason: `not JSON: ${extraction.error}` };
        if (validate(extraction.value))
          return { pass: true, score: 1, reason: 'valid JSON against the schema' };
        const errors = (validate.errors ?? []).map(
          (e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`,
        );
        const shown = errors.slice(0, 5).join('; ');
        return {
          pass: false,
          score: 0,
          reason: `${errors.length} schema error(s): ${shown}${errors.length > 5 ? '; …' : ''}`,
        };
      },
    };
  },
};
