import { UserError } from '../shared/errors.js';
import { compileSchema, describeAjvError } from '../shared/yaml-file.js';
import caseSchema from './case.schema.json' with { type: 'json' };
import type { Case } from './types.js';

/** A parsed record (a JSONL line or a CSV row) checked against the case schema, at its place. */
export function toCase(value: unknown, place: { file: string; line: number }): Case {
  const validate = compileSchema(caseSchema);
  if (!validate(value)) {
    const error = validate.errors?.[0];
    const params = (error?.params ?? {}) as Record<string, unknown>;
    const pointer =
      error?.keyword === 'additionalProperties'
        ? `${error.instancePath}/${String(params.additionalProperty)}`
        : error?.instancePath || '/';
    throw new UserError(`case ${error ? describeAjvError(error) : 'is invalid'}`, {
      place: { ...place, pointer },
      hint: 'A case is { "id", "vars", "expect", "reference" }',
    });
  }
  const raw = value as { id: string; vars?: object; expect?: object; reference?: string; tags?: string[] };
  return {
    id: raw.id,
    vars: (raw.vars ?? {}) as Record<string, unknown>,
    expect: (raw.expect ?? {}) as Record<string, unknown>,
    ...(raw.reference !== undefined ? { reference: raw.reference } : {}),
    ...(raw.tags !== undefined ? { tags: raw.tags } : {}),
    place,
  };
}
