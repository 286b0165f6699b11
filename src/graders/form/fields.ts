import { joinPointer, splitPointer } from '../../shared/yaml-file.js';
import { type CompareKind, compareScalar, isEmpty, kindFromSchema, kindFromValue } from './compare-field.js';
import { schemaAt } from './schema.js';

type SchemaNode = Record<string, unknown>;

/** One expected field: where it is in the form, and what it should hold. */
export interface ExpectedField {
  segments: string[];
  pointer: string;
  expected: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * expect.fields as a list of leaves. A key is a field name, or a JSON pointer when it starts
 * with "/"; a nested object stands for the fields of a sub-object, so `{ patient: { ville: … } }`
 * and `{ "/patient/ville": … }` say the same. Lists are leaves, compared item by item.
 */
export function expectedFields(fields: Record<string, unknown>, prefix: string[] = []): ExpectedField[] {
  const leaves: ExpectedField[] = [];
  for (const [key, expected] of Object.entries(fields)) {
    const segments = [...prefix, ...(key.startsWith('/') ? splitPointer(key) : [key])];
    if (isRecord(expected) && Object.keys(expected).length > 0) {
      leaves.push(...expectedFields(expected, segments));
    } else leaves.push({ segments, pointer: joinPointer(segments), expected });
  }
  return leaves;
}

export function valueAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (isRecord(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** Config keys (compare, forbidden): a JSON pointer names one place, a bare name that key at any depth. */
export function matchesKey(key: string, segments: readonly string[]): boolean {
  if (key.startsWith('/')) return joinPointer([...segments]) === joinPointer(splitPointer(key));
  const last = [...segments].reverse().find((segment) => !/^\d+$/.test(segment));
  return last === key;
}

export interface FieldContext {
  schema: SchemaNode;
  overrides: ReadonlyArray<[string, CompareKind]>;
}

export function kindFor(segments: readonly string[], expected: unknown, context: FieldContext): CompareKind {
  // An exact pointer beats a bare name, whatever the order they were written in.
  const override =
    context.overrides.find(([key]) => key.startsWith('/') && matchesKey(key, segments)) ??
    context.overrides.find(([key]) => !key.startsWith('/') && matchesKey(key, segments));
  return override?.[1] ?? kindFromSchema(schemaAt(context.schema, segments)) ?? kindFromValue(expected);
}

/**
 * Whether a field holds what is expected. Null expects nothing filled in; a list expects the
 * same items in any order; an object expects at least its keys, each compared by its own rule.
 */
export function fieldMatches(
  segments: readonly string[],
  expected: unknown,
  actual: unknown,
  context: FieldContext,
): boolean {
  if (expected === null || (isRecord(expected) && Object.keys(expected).length === 0)) return isEmpty(actual);
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    const unused = actual.map((_, i) => i);
    return expected.every((item) => {
      const at = unused.findIndex((i) =>
        isRecord(item) || Array.isArray(item)
          ? fieldMatches([...segments, String(i)], item, actual[i], context)
          : compareScalar(kindFor([...segments, String(i)], item, context), item, actual[i]),
      );
      if (at === -1) return false;
      unused.splice(at, 1);
      return true;
    });
  }
  if (isRecord(expected)) {
    return (
      isRecord(actual) &&
      Object.entries(expected).every(([key, value]) =>
        fieldMatches([...segments, key], value, actual[key], context),
      )
    );
  }
  if (actual === undefined || actual === null) return false;
  return compareScalar(kindFor(segments, expected, context), expected, actual);
}

/** A forbidden key found filled in, and where. */
export interface FilledField {
  key: string;
  segments: string[];
  pointer: string;
}

/** Every place in the form where a forbidden key holds something. */
export function filledForbidden(root: unknown, keys: readonly string[]): FilledField[] {
  const found: FilledField[] = [];
  const walk = (node: unknown, segments: string[]) => {
    const key = segments.length > 0 ? keys.find((k) => matchesKey(k, segments)) : undefined;
    if (key !== undefined && !isEmpty(node)) {
      found.push({ key, segments, pointer: joinPointer(segments) });
      return;
    }
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, [...segments, String(i)]);
    } else if (isRecord(node))
      for (const [name, value] of Object.entries(node)) walk(value, [...segments, name]);
  };
  walk(root, []);
  return found;
}
