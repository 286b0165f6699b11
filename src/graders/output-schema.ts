import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// Schemas of model outputs use formats (dates are compared as dates), unlike the project's own
// schemas in shared/yaml-file.ts, so they get their own instance, with every error reported.
const ajv = new Ajv({ allErrors: true, strict: false });
(addFormats as unknown as (ajv: Ajv) => void)(ajv);
const cache = new Map<string, ValidateFunction>();

/**
 * Compiles a schema an output is checked against, once per distinct schema: a suite's cases
 * share it. Throws ajv's own error for an invalid schema; callers say which grader it was.
 */
export function compileOutputSchema(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    cache.set(key, validate);
  }
  return validate;
}
