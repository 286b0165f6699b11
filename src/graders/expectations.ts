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
  if (source === undefined || source === null) {
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
    return configured === undefined
      ? text
      : renderTemplate(text, { ...input.case, place: {} }, { field: `grader "${graderId}"` });
  });
}
