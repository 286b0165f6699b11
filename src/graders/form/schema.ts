import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { describeAjvError, joinPointer, splitPointer } from '../../shared/yaml-file.js';
import { compileOutputSchema } from '../output-schema.js';
import { GraderError } from '../types.js';

export interface FormSchema {
  schema: Record<string, unknown>;
  validate: ValidateFunction;
}

/** The form's schema, read once when the grader is built: a path relative to the suite folder, or inline. */
export function loadFormSchema(source: unknown, dir: string, id: string): FormSchema {
  if (source === undefined || source === null || source === '') {
    throw new GraderError(`grader "${id}" (form) needs "schema": the path of the form's JSON Schema`);
  }
  let schema: unknown = source;
  let where = 'the inline schema';
  if (typeof source === 'string') {
    const path = resolve(dir, source);
    where = `schema ${source}`;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new GraderError(
        `grader "${id}" (form): cannot read schema ${source} (${path})${code ? `: ${code}` : ''}`,
      );
    }
    try {
      schema = JSON.parse(text);
    } catch (error) {
      throw new GraderError(
        `grader "${id}" (form): schema ${source} is not JSON: ${(error as Error).message}`,
      );
    }
  }
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new GraderError(`grader "${id}" (form): ${where} must be a JSON object`);
  }
  let validate: ValidateFunction;
  try {
    validate = compileOutputSchema(schema);
  } catch (error) {
    throw new GraderError(
      `grader "${id}" (form): ${where} is not a valid JSON Schema: ${(error as Error).message}`,
    );
  }
  return { schema: schema as Record<string, unknown>, validate };
}

/**
 * One line per schema error, each led by the JSON pointer of the field at fault: for a missing
 * or unknown key, the key's own pointer rather than its parent's. Messages name constraints,
 * never the values, so no personal data from the form reaches the reason.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[]): string[] {
  const lines = new Set<string>();
  for (const error of errors) {
    const params = error.params as Record<string, unknown>;
    const segments = splitPointer(error.instancePath);
    if (error.keyword === 'required') segments.push(String(params.missingProperty));
    if (error.keyword === 'additionalProperties') segments.push(String(params.additionalProperty));
    const pointer = segments.length === 0 ? '/' : joinPointer(segments);
    lines.add(`${pointer} ${describeAjvError(error)}`);
  }
  return [...lines];
}

type SchemaNode = Record<string, unknown>;

function asNode(value: unknown): SchemaNode | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as SchemaNode)
    : undefined;
}

/** Follows local `$ref`s (#/…) only: a form schema that points elsewhere is compared by value type. */
function deref(root: SchemaNode, node: SchemaNode | undefined, depth = 0): SchemaNode | undefined {
  if (!node || typeof node.$ref !== 'string' || depth > 20) return node;
  const ref = node.$ref;
  if (!ref.startsWith('#')) return undefined;
  let target: unknown = root;
  for (const segment of splitPointer(ref.slice(1))) target = asNode(target)?.[segment];
  return deref(root, asNode(target), depth + 1);
}

function child(root: SchemaNode, node: SchemaNode | undefined, segment: string): SchemaNode | undefined {
  const here = deref(root, node);
  if (!here) return undefined;
  const direct =
    asNode(asNode(here.properties)?.[segment]) ??
    (/^\d+$/.test(segment)
      ? (asNode((here.prefixItems as unknown[] | undefined)?.[Number(segment)]) ?? asNode(here.items))
      : undefined);
  if (direct) return deref(root, direct);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = here[key];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const found = child(root, asNode(branch), segment);
      if (found) return found;
    }
  }
  return undefined;
}

/** The schema of the field at a pointer's segments, when the schema describes it. */
export function schemaAt(root: SchemaNode, segments: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = deref(root, root);
  for (const segment of segments) {
    node = child(root, node, segment);
    if (!node) return undefined;
  }
  return node;
}
