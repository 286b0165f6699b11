import { renderTemplate } from '../suite/template.js';
import { type GradeInput, GraderError } from './types.js';

/**
 * The strings a grader compares with: from its config (each a template over the case, so
 * `{{expect.answer}}` works), or else from the case's `expect.<key>`.
 */
export function stringsFrom(
  configured: unknown,
  input: GradeInput,
  expectKey: string,
  graderId: string,
): string[] {
  const source = configured ?? input.case.expect[expectKey];
  // An empty list gives nothing to compare either (and would score 0/0).
  if (source === undefined || source === null || (Array.isArray(source) && source.length === 0)) {
    throw new GraderError(
      `grader "${graderId}" has nothing to compare: configure it, or give the case "expect.${expectKey}"`,
    );
  }
  const list = Array.isArray(source) ? source : [source];
  return list.map((item) => {
    if (typeof item !== 'string' && typeof item !== 'number') {
      throw new GraderError(
        `grader "${graderId}": expect.${expectKey} must be a string or a list of strings`,
      );
    }
    const text = String(item);
    return configured === undefined ? text : renderOverCase(text, input, `grader "${graderId}"`);
  });
}

/**
 * A template in a grader's config rendered over the case graded. The case is given field by field:
 * spreading it cost ~0.6 µs a grade, and a template reads no other field.
 */
export function renderOverCase(template: string, input: GradeInput, field: string): string {
  const { id, vars, expect } = input.case;
  return renderTemplate(template, { id, vars, expect, place: {} }, { field });
}

/**
 * The text an output must stay faithful to: `vars.source` unless the grader's config names
 * another var (`sourceVar`). Lists of strings are joined, so several documents can be the source.
 */
export function sourceText(input: GradeInput, graderId: string, sourceVar = 'source'): string {
  const value = input.case.vars[sourceVar];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join('\n\n');
  throw new GraderError(
    `grader "${graderId}" needs the source text in vars.${sourceVar}: give it in the case, or set "sourceVar"`,
  );
}

/** The `sourceVar` option of the graders that check an output against its source: one var, or several joined. */
export const SOURCE_VAR_SCHEMA = {
  oneOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
  ],
} as const;

/** The source text named by a `sourceVar` option (default `source`); several vars are joined. */
export function sourceTexts(
  input: GradeInput,
  graderId: string,
  sourceVar: string | string[] | undefined,
): string {
  const names = Array.isArray(sourceVar) ? sourceVar : [sourceVar ?? 'source'];
  return names.map((name) => sourceText(input, graderId, name)).join('\n\n');
}

/** A source the case provides, which citations in the output must resolve to. */
export interface ProvidedSource {
  id?: string;
  title?: string;
  authors?: string;
  year?: number | string;
  doi?: string;
  pmid?: string;
  url?: string;
  /** The text of the source, when the case gives it (for judges). */
  text?: string;
}

/** `vars.sources` unless configured otherwise: a list of ProvidedSource objects. */
export function providedSources(
  input: GradeInput,
  graderId: string,
  sourcesVar = 'sources',
): ProvidedSource[] {
  const value = input.case.vars[sourcesVar];
  if (Array.isArray(value) && value.every((item) => item !== null && typeof item === 'object')) {
    return value as ProvidedSource[];
  }
  throw new GraderError(
    `grader "${graderId}" needs the provided sources in vars.${sourcesVar} (a list of { id, title, doi, pmid, url }): give them in the case, or set "sourcesVar"`,
  );
}
