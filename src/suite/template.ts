import { type Place, UserError } from '../shared/errors.js';
import type { Case } from './types.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)\s*\}\}/g;

/** The names a template refers to: `source`, `expect.facts`, `vars.source`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

function lookup(testCase: Pick<Case, 'vars' | 'expect'>, name: string): { found: boolean; value: unknown } {
  const [head, ...rest] = name.split('.');
  let value: unknown;
  let path: string[];
  if (head === 'expect') {
    value = testCase.expect;
    path = rest;
  } else if (head === 'vars') {
    value = testCase.vars;
    path = rest;
  } else {
    value = testCase.vars;
    path = name.split('.');
  }
  for (const key of path) {
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
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const { found, value } = lookup(testCase, name);
    if (!found) {
      throw new UserError(`case "${testCase.id}" does not define "${name}", used by ${where.field}`, {
        place: testCase.place,
        hint: `Add "${name}" to the case's vars, or remove {{${name}}} from the template`,
      });
    }
    return asText(value);
  });
}
