import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import ajvOptions from './ajv-options.json' with { type: 'json' };
import { UserError } from './errors.js';
import { PRECOMPILED } from './precompiled-validators.js';

/**
 * A YAML (or JSON) file parsed with positions kept, so that a schema error found later can be
 * reported at its line: the whole point of reading YAML with `yaml` rather than JSON.parse.
 */
export interface PositionedDocument {
  file: string;
  value: unknown;
  /** The 1-based line of the node a JSON pointer designates (or of its nearest existing parent). */
  lineOf(pointer: string): number | undefined;
}

export function readPositionedYaml(file: string, displayName = file): PositionedDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, {
      place: { file: displayName },
      hint: 'Check the path',
    });
  }
  return parsePositionedYaml(text, displayName);
}

export function parsePositionedYaml(text: string, file: string): PositionedDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = document.errors[0];
  if (firstError) {
    const offset = firstError.pos[0];
    const { line, col } = lineCounter.linePos(offset);
    const summary = firstError.message.split('\n')[0] ?? 'invalid YAML';
    throw new UserError(`invalid YAML: ${summary}`, {
      place: { file, line, column: col },
      hint: 'Fix the syntax (indentation, quotes, colons) at that line',
    });
  }
  const lineOf = (pointer: string): number | undefined => {
    let node: unknown = document.contents;
    let lastFound: unknown = node;
    for (const segment of splitPointer(pointer)) {
      if (isMap(node)) node = node.get(segment, true);
      else if (isSeq(node)) node = node.get(Number(segment), true);
      else node = undefined;
      if (node === undefined || node === null) break;
      lastFound = node;
    }
    const range = (lastFound as Node | undefined)?.range;
    if (!range) return undefined;
    // For a scalar, point at the value; for a collection, at its first line.
    const offset = isScalar(lastFound) || range[0] !== undefined ? range[0] : 0;
    return lineCounter.linePos(offset).line;
  };
  let value: unknown;
  let cycle: string | undefined;
  try {
    value = document.toJS({ maxAliasCount: 100 });
    cycle = findCycle(value);
  } catch (error) {
    // yaml throws, rather than reports, an alias it cannot or will not expand.
    const offset = unresolvedAlias(document)?.range?.[0];
    const position = offset === undefined ? undefined : lineCounter.linePos(offset);
    throw new UserError(`invalid YAML: ${(error as Error).message}`, {
      place: { file, ...(position ? { line: position.line, column: position.col } : {}) },
      hint: 'Define each anchor (&name) before its aliases (*name), and use aliases sparingly',
    });
  }
  if (cycle !== undefined) {
    throw new UserError('invalid YAML: an alias (*name) refers to a node that holds it', {
      place: { file, line: lineOf(cycle), pointer: cycle || '/' },
      hint: 'Copy the value instead: a suite is a tree, not a loop',
    });
  }
  return { file, value, lineOf };
}

/** The first alias whose anchor is not defined before it, if any. */
function unresolvedAlias(document: Document): Node | undefined {
  let found: Node | undefined;
  visit(document, {
    Alias(_key, node) {
      if (node.resolve(document) !== undefined) return undefined;
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/** The pointer of a value that holds itself (an alias inside its own anchor), if any. */
function findCycle(root: unknown): string | undefined {
  const ancestors = new Set<object>();
  const acyclic = new WeakSet<object>();
  const walk = (value: unknown, path: string[]): string | undefined => {
    if (value === null || typeof value !== 'object' || acyclic.has(value)) return undefined;
    if (ancestors.has(value)) return joinPointer(path);
    ancestors.add(value);
    const entries: Array<[unknown, unknown]> =
      value instanceof Map || value instanceof Set ? [...value.entries()] : Object.entries(value);
    for (const [key, inner] of entries) {
      const found = walk(inner, [...path, String(key)]);
      if (found !== undefined) return found;
    }
    ancestors.delete(value);
    acyclic.add(value);
    return undefined;
  };
  return walk(root, []);
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(segments: Array<string | number>): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

const ajv = new Ajv(ajvOptions);
const compiled = new WeakMap<object, ValidateFunction>();

/** The validator of a schema: precompiled in the CLI bundle under `key` or its $id, else compiled once. */
export function compileSchema(schema: object, key?: string): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    const id = key ?? (schema as { $id?: unknown }).$id;
    validate = (typeof id === 'string' ? PRECOMPILED[id] : undefined) ?? ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Turns one ajv error into words a person can act on. */
/** Patterns of the shipped schemas, said in words: a regular expression is no help to a reader. */
const PATTERN_WORDS: Record<string, string> = {
  '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?$':
    'must be a semantic version MAJOR.MINOR.PATCH, such as 1.2.0',
};

export function describeAjvError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(params.additionalProperty)}"`;
    case 'required':
      return `missing required key "${String(params.missingProperty)}"`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `must be of type ${String(params.type)}`;
    case 'pattern':
      return (
        PATTERN_WORDS[String(params.pattern)] ??
        `does not match the expected pattern ${String(params.pattern)}`
      );
    default:
      return error.message ?? `fails "${error.keyword}"`;
  }
}

/**
 * Validates a positioned document and throws one UserError for the most useful error: the
 * deepest one, since ajv also reports every parent an `anyOf` or `oneOf` rejected.
 */
export function validatePositioned(
  document: PositionedDocument,
  schema: object,
  options: { what: string; basePointer?: string; value?: unknown } = { what: 'file' },
): void {
  const validate = compileSchema(schema);
  const value = options.value === undefined ? document.value : options.value;
  if (validate(value)) return;
  const errors = validate.errors ?? [];
  const best = pickBestError(errors);
  if (!best) return;
  let pointer = `${options.basePointer ?? ''}${best.instancePath}`;
  if (best.keyword === 'additionalProperties') {
    pointer += joinPointer([String((best.params as Record<string, unknown>).additionalProperty)]);
  }
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  throw new UserError(`${describeAjvError(best)}${more}`, {
    place: { file: document.file, line: document.lineOf(pointer), pointer: pointer || '/' },
    hint: `See the ${options.what} reference in the README`,
  });
}

function pickBestError(errors: ErrorObject[]): ErrorObject | undefined {
  let best: ErrorObject | undefined;
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
    if (!best || error.instancePath.length > best.instancePath.length) best = error;
  }
  return best ?? errors[0];
}
