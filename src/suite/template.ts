import { type Place, UserError } from '../shared/errors.js';
import type { Case } from './types.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)\s*\}\}/g;

/** The names a template refers to: `source`, `expect.facts`, `vars.source`. */
export function placeholders(template: string): string[] {
  return compile(template).flatMap((part) => (typeof part === 'string' ? [] : [part.name]));
}

/** A placeholder's name, split once: where to start (vars or expect) and the keys to follow. */
interface Placeholder {
  name: string;
  inExpect: boolean;
  path: string[];
}

/** A template as literal text and placeholders, in order: parsed once, rendered for every case. */
type CompiledTemplate = Array<string | Placeholder>;

/** Templates are few (a suite's prompts, a grader's config): the bound only guards misuse. */
const COMPILED = new Map<string, CompiledTemplate>();
const MAX_COMPILED = 512;

function compile(template: string): CompiledTemplate {
  const known = COMPILED.get(template);
  if (known) return known;
  const parts: CompiledTemplate = [];
  let cursor = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] as string;
    const [head, ...rest] = name.split('.');
    if ((match.index ?? 0) > cursor) parts.push(template.slice(cursor, match.index));
    parts.push(
      head === 'expect'
        ? { name, inExpect: true, path: rest }
        : { name, inExpect: false, path: head === 'vars' ? rest : name.split('.') },
    );
    cursor = (match.index ?? 0) + match[0].length;
  }
  if (cursor < template.length) parts.push(template.slice(cursor));
  if (COMPILED.size >= MAX_COMPILED) COMPILED.clear();
  COMPILED.set(template, parts);
  return parts;
}

function lookup(
  testCase: Pick<Case, 'vars' | 'expect'>,
  placeholder: Placeholder,
): { found: boolean; value: unknown } {
  let value: unknown = placeholder.inExpect ? testCase.expect : testCase.vars;
  for (const key of placeholder.path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) {
      return { found: false, value: undefined };
    }
    value = (value as Record<string, unknown>)[key];
  }
  return { found: true, value };
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A placeholder a case does not define is a user error, never an empty string sent to a model. */
export function renderTemplate(
  template: string,
  testCase: Pick<Case, 'id' | 'vars' | 'expect' | 'place'>,
  where: { field: string; place?: Place },
): string {
  let text = '';
  for (const part of compile(template)) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const { found, value } = lookup(testCase, part);
    if (!found) {
      throw new UserError(`case "${testCase.id}" does not define "${part.name}", used by ${where.field}`, {
        place: testCase.place,
        hint: `Add "${part.name}" to the case's vars, or remove {{${part.name}}} from the template`,
      });
    }
    text += asText(value);
  }
  return text;
}
