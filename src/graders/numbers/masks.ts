import { GraderError } from '../types.js';

export interface Range {
  start: number;
  end: number;
}

/**
 * Digits that are no figure of the text's content: citation markers ("[1]", "[2-4]"), list
 * numbering at the start of a line, web addresses, DOIs, e-mail addresses and registry ids.
 * Years are not masked: a date is a fact a summary can get wrong.
 */
const NOT_FIGURES: RegExp[] = [
  /\[\s*\d+(?:\s*[-–—,;]\s*\d+)*\s*\]/gu,
  /^[ \t>*#-]*\d{1,2}[.)](?=\s)/gmu,
  /\b(?:https?:\/\/|www\.)\S+/giu,
  /\bdoi\s*:?\s*10\.\S+|\b10\.\d{4,9}\/\S+/giu,
  /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu,
  /\b(?:pmid|pmcid|nct|isrctn)\s*:?\s*\d+/giu,
];

export function builtinMasks(text: string): Range[] {
  return NOT_FIGURES.flatMap((pattern) => rangesOf(text, pattern));
}

/**
 * The `ignore` option: "/…/flags" is a regular expression, anything else a literal string,
 * both matched without regard to case.
 */
export function compileIgnore(entries: readonly string[], graderId: string): RegExp[] {
  return entries.map((entry) => {
    const regex = /^\/(.+)\/([a-z]*)$/su.exec(entry);
    if (!regex) return new RegExp(entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
    const flags = new Set(`${regex[2] ?? ''}gu`.replace(/[^dgimsuy]/g, ''));
    try {
      return new RegExp(regex[1] ?? '', [...flags].join(''));
    } catch (error) {
      throw new GraderError(
        `grader "${graderId}": invalid "ignore" pattern ${entry}: ${(error as Error).message}`,
      );
    }
  });
}

export function rangesOf(text: string, pattern: RegExp): Range[] {
  const ranges: Range[] = [];
  for (const match of text.matchAll(pattern)) {
    if (match[0] === '') continue;
    const start = match.index ?? 0;
    ranges.push({ start, end: start + match[0].length });
  }
  return ranges;
}
