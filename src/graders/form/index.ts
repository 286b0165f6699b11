import { extractJson, type JsonExtraction } from '../extract-json.js';
import { type GraderDefinition, GraderError, type Span } from '../types.js';
import { COMPARE_KINDS, type CompareKind } from './compare-field.js';
import { expectedFields, type FieldContext, fieldMatches, filledForbidden, valueAt } from './fields.js';
import { jsonRange, valueRange } from './locate.js';
import { describeSchemaErrors, loadFormSchema } from './schema.js';

export interface FormConfig {
  /** Path of the form's JSON Schema, relative to the suite folder (or the schema itself). */
  schema: string | object;
  /** Comparison per field (a name, or a JSON pointer), over the one the schema implies. */
  compare?: Record<string, CompareKind>;
  /** Fields (names at any depth, or JSON pointers) that must be left absent or empty. */
  forbidden?: string[];
  /** Share of the expected fields that must be right to pass; default 1. */
  minFieldShare?: number;
}

/**
 * A pre-filled administrative form: JSON valid against the form's schema, each field of
 * `expect.fields` filled as expected, and no forbidden field filled in. Each field is compared
 * the way its schema describes it (dates as dates, numbers as numbers, enums and booleans by
 * value, text ignoring case, accents and spacing) unless `compare` says otherwise.
 *
 * Score: the share of checked fields that are right (expected fields, and forbidden fields left
 * empty), 0 when the JSON does not parse or breaks the schema; the reason still reports the
 * fields then. Reasons name fields and schema rules, never the values filled in: a form holds
 * personal data.
 */
export const form: GraderDefinition<FormConfig> = {
  description:
    "The output is a form in JSON valid against its schema, with the fields of expect.fields filled as expected (compared by the field's type) and no forbidden field filled in.",
  catches: ['break-json', 'drop-required-field'],
  configSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['schema'],
    properties: {
      schema: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'object' }] },
      compare: { type: 'object', additionalProperties: { enum: [...COMPARE_KINDS] } },
      forbidden: { type: 'array', items: { type: 'string', minLength: 1 } },
      minFieldShare: { type: 'number', minimum: 0, maximum: 1 },
    },
  },
  create(id, config, context) {
    const { schema, validate } = loadFormSchema(config.schema, context.dir, id);
    for (const [key, kind] of Object.entries(config.compare ?? {})) {
      if (!(COMPARE_KINDS as readonly string[]).includes(kind)) {
        throw new GraderError(
          `grader "${id}" (form): compare.${key} must be one of ${COMPARE_KINDS.join(', ')}`,
        );
      }
    }
    const fieldContext: FieldContext = { schema, overrides: Object.entries(config.compare ?? {}) };
    const forbidden = config.forbidden ?? [];
    const minFieldShare = config.minFieldShare ?? 1;
    return {
      id,
      type: 'form',
      grade(input) {
        const fields = readExpectedFields(input.case.expect.fields, id);
        const extraction = readForm(input.output);
        const range = jsonRange(input.output, extraction.ok, extraction.ok && extraction.from === 'whole');
        if (!extraction.ok) {
          return {
            pass: false,
            score: 0,
            reason: `not JSON: ${extraction.error}`,
            spans: range ? [{ ...range, label: 'invalid-json' }] : [],
          };
        }
        const value = extraction.value;
        const spans: Span[] = [];
        const parts: string[] = [];

        const schemaValid = validate(value) as boolean;
        if (!schemaValid) {
          const errors = describeSchemaErrors(validate.errors ?? []);
          parts.push(`${errors.length} schema error(s): ${errors.join('; ')}`);
          if (range) spans.push({ ...range, label: 'schema-invalid' });
        }

        const wrong: string[] = [];
        for (const field of fields) {
          const actual = valueAt(value, field.segments);
          if (fieldMatches(field.segments, field.expected, actual, fieldContext)) continue;
          wrong.push(actual === undefined ? `${field.pointer} missing` : field.pointer);
          const key = field.segments[field.segments.length - 1];
          const at =
            range && actual !== undefined && key !== undefined
              ? valueRange(input.output, range, key, actual)
              : undefined;
          if (at) spans.push({ ...at, label: 'wrong-field' });
        }
        const right = fields.length - wrong.length;
        if (fields.length > 0) {
          parts.push(
            wrong.length === 0
              ? `all ${fields.length} expected fields right`
              : `${right}/${fields.length} expected fields right; wrong: ${wrong.join(', ')}`,
          );
        }

        const filled = filledForbidden(value, forbidden);
        if (filled.length > 0) {
          parts.push(`forbidden field(s) filled in: ${filled.map((f) => f.pointer).join(', ')}`);
          for (const field of filled) {
            const key = field.segments[field.segments.length - 1] as string;
            const at = range
              ? valueRange(input.output, range, key, valueAt(value, field.segments))
              : undefined;
            if (at) spans.push({ ...at, label: 'forbidden-field' });
          }
        } else if (forbidden.length > 0) parts.push('no forbidden field filled in');

        const fieldShare = fields.length === 0 ? 1 : right / fields.length;
        const keptEmpty = forbidden.filter((key) => !filled.some((field) => field.key === key)).length;
        const checks = fields.length + forbidden.length;
        const pass = schemaValid && fieldShare >= minFieldShare && filled.length === 0;
        const score = !schemaValid ? 0 : checks === 0 ? 1 : (right + keptEmpty) / checks;
        if (schemaValid && parts.length === 0) parts.push('valid JSON against the form schema');
        else if (schemaValid) parts.unshift('valid against the schema');
        return { pass, score, reason: parts.join('; '), spans };
      },
    };
  },
};

/**
 * extractJson, but a list found inside a cut-off object (the form's `allergies: [...]` when the
 * closing brace is lost) is not taken for the form: that answer is broken JSON.
 */
function readForm(output: string): JsonExtraction {
  const extraction = extractJson(output);
  if (extraction.ok && extraction.from === 'region' && Array.isArray(extraction.value)) {
    const brace = output.indexOf('{');
    if (brace !== -1 && brace < output.indexOf('[')) {
      return { ok: false, error: 'no valid JSON found (the object is cut off or malformed)' };
    }
  }
  return extraction;
}

function readExpectedFields(fields: unknown, id: string) {
  if (fields === undefined || fields === null) return [];
  if (typeof fields !== 'object' || Array.isArray(fields)) {
    throw new GraderError(
      `grader "${id}" (form): expect.fields must be an object mapping each field (name or JSON pointer) to its expected value`,
    );
  }
  return expectedFields(fields as Record<string, unknown>);
}
