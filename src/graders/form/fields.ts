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
    } else leaves.push({ segments, pointer: pointerOf(segments), expected });
  }
  return leaves;
}

/** joinPointer(segments), without its two replaces for the segments (nearly all) that hold no ~ or /. */
function pointerOf(segments: readonly string[]): string {
  let pointer = '';
  for (const segment of segments) {
    const escaped =
      segment.includes('~') || segment.includes('/')
        ? segment.replace(/~/g, '~0').replace(/\//g, '~1')
        : segment;
    pointer += `/${escaped}`;
  }
  return pointer;
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
  return lastName(segments) === key;
}

/** The last segment that is not a list index: the name of the field or of the list it is in. */
function lastName(segments: readonly string[]): string | undefined {
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] as string;
    if (!isIndex(segment)) return segment;
  }
  return undefined;
}

/** Digits only, as /^\d+$/ tests it. */
function isIndex(segment: string): boolean {
  if (segment === '') return false;
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

export interface FieldContext {
  schema: SchemaNode;
  overrides: ReadonlyArray<[string, CompareKind]>;
}

/**
 * The overrides as lookups, built once per grader: kindFor runs for every field of every
 * output, and reading the list each time normalised every pointer in it again.
 */
interface OverrideLookup {
  /** Normalised pointer → kind, the first written for that pointer. */
  byPointer: Map<string, CompareKind>;
  /** Bare name → kind, the first written for that name. */
  byName: Map<string, CompareKind>;
}

const lookups = new WeakMap<FieldContext['overrides'], OverrideLookup>();

function lookupOf(overrides: FieldContext['overrides']): OverrideLookup {
  let lookup = lookups.get(overrides);
  if (!lookup) {
    lookup = { byPointer: new Map(), byName: new Map() };
    for (const [key, kind] of overrides) {
      const map = key.startsWith('/') ? lookup.byPointer : lookup.byName;
      const name = key.startsWith('/') ? joinPointer(splitPointer(key)) : key;
      if (!map.has(name)) map.set(name, kind);
    }
    lookups.set(overrides, lookup);
  }
  return lookup;
}

export function kindFor(segments: readonly string[], expected: unknown, context: FieldContext): CompareKind {
  // An exact pointer beats a bare name, whatever the order they were written in.
  const { byPointer, byName } = lookupOf(context.overrides);
  const byPlace = byPointer.size > 0 ? byPointer.get(pointerOf(segments)) : undefined;
  const name = byPlace === undefined && byName.size > 0 ? lastName(segments) : undefined;
  const override = byPlace ?? (name === undefined ? undefined : byName.get(name));
  return override ?? kindFromSchema(schemaAt(context.schema, segments)) ?? kindFromValue(expected);
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
  // Each key normalised once, not at every node of the form.
  const wanted: WantedKey[] = keys.map((key) => ({
    key,
    pointer: key.startsWith('/') ? joinPointer(splitPointer(key)) : undefined,
  }));
  walk(root, [], wanted, found);
  return found;
}

interface WantedKey {
  key: string;
  /** The normalised pointer of a key written as one. */
  pointer: string | undefined;
}

function walk(node: unknown, segments: string[], wanted: readonly WantedKey[], found: FilledField[]): void {
  const key = segments.length > 0 ? keyAt(segments, wanted) : undefined;
  if (key !== undefined && !isEmpty(node)) {
    found.push({ key, segments, pointer: pointerOf(segments) });
    return;
  }
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) walk(item, [...segments, String(i)], wanted, found);
  } else if (isRecord(node))
    for (const [name, value] of Object.entries(node)) walk(value, [...segments, name], wanted, found);
}

/** The first wanted key that names this place (as matchesKey tells), if any. */
function keyAt(segments: readonly string[], wanted: readonly WantedKey[]): string | undefined {
  let pointer: string | undefined;
  let name: string | undefined | null = null;
  for (const { key, pointer: wantedPointer } of wanted) {
    if (wantedPointer !== undefined) {
      pointer ??= pointerOf(segments);
      if (pointer === wantedPointer) return key;
    } else {
      if (name === null) name = lastName(segments);
      if (name === key) return key;
    }
  }
  return undefined;
}
