import { matchesOf } from '../pii/matches.js';
import { deepEqual } from './compare-field.js';

/** Where the form's JSON text is in the output, so a report can point at it. */
export interface TextRange {
  start: number;
  end: number;
}

const FENCE = /```(?:json|JSON)?[ \t]*\r?\n([\s\S]*?)```/g;

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function trimmedRange(output: string, start: number, end: number): TextRange | undefined {
  const text = output.slice(start, end);
  const from = start + (text.length - text.trimStart().length);
  const to = end - (text.length - text.trimEnd().length);
  return to > from ? { start: from, end: to } : undefined;
}

/**
 * The text the JSON was read from, found the way extractJson looks for it (whole output, then
 * fenced blocks, then the widest {…} or […]); when nothing parses, the text meant as JSON: the
 * first fenced block, else from the first brace to the end (a cut-off form has no closing brace).
 * `wholeParsed` says the whole output, trimmed, is known to parse.
 */
export function jsonRange(output: string, parsed: boolean, wholeParsed = false): TextRange | undefined {
  const whole = trimmedRange(output, 0, output.length);
  if (!whole) return undefined;
  // The caller may know the trimmed output parsed already: JSON.parse need not run twice.
  if (parsed && (wholeParsed || parses(output.slice(whole.start, whole.end)))) return whole;
  const fences = matchesOf(FENCE, output).map((match) => {
    const start = (match.index ?? 0) + match[0].length - 3 - (match[1] ?? '').length;
    return trimmedRange(output, start, start + (match[1] ?? '').length);
  });
  for (const fence of fences) {
    if (fence && (!parsed || parses(output.slice(fence.start, fence.end)))) return fence;
  }
  for (const [open, close] of [
    ['{', '}'],
    ['[', ']'],
  ] as const) {
    const start = output.indexOf(open);
    const end = output.lastIndexOf(close);
    if (parsed && start !== -1 && end > start && parses(output.slice(start, end + 1))) {
      return { start, end: end + 1 };
    }
  }
  if (parsed) return whole;
  const brace = output.search(/[{[]/);
  return brace === -1 ? whole : trimmedRange(output, brace, output.length);
}

/** The end of the JSON value that starts at `at`, or -1. */
function valueEnd(text: string, at: number): number {
  const first = text[at];
  if (first === '"') {
    for (let i = at + 1; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') return i + 1;
    }
    return -1;
  }
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const char = text[i];
      if (char === '"') {
        const end = valueEnd(text, i);
        if (end === -1) return -1;
        i = end - 1;
      } else if (char === '{' || char === '[') depth++;
      else if (char === '}' || char === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return -1;
  }
  const literal = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(at));
  return literal ? at + literal[0].length : -1;
}

function tokenEquals(text: string, start: number, end: number, value: unknown): boolean {
  try {
    return deepEqual(JSON.parse(text.slice(start, end)), value);
  } catch {
    return false;
  }
}

/**
 * The span of a field's value in the output: after its key, holding that value. Falls back to
 * the value's JSON text anywhere in the form; undefined when it cannot be told apart.
 */
export function valueRange(
  output: string,
  within: TextRange,
  key: string,
  value: unknown,
): TextRange | undefined {
  const text = output.slice(within.start, within.end);
  const keyText = JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const match of matchesOf(new RegExp(`${keyText}\\s*:\\s*`, 'g'), text)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = valueEnd(text, start);
    if (end !== -1 && tokenEquals(text, start, end, value)) {
      return { start: within.start + start, end: within.start + end };
    }
  }
  const literal = JSON.stringify(value);
  if (literal === undefined || literal.length < 2) return undefined;
  const at = text.indexOf(literal);
  return at === -1 ? undefined : { start: within.start + at, end: within.start + at + literal.length };
}
