import { GraderError } from '../types.js';

export interface Range {
  start: number;
  end: number;
}

/**
 * Digits that are no figure of the text's content: citation markers ("[1]", "[2-4]"), list
 * numbering at the start of a line, web addresses, DOIs, e-mail addresses and registry ids.
 * Years are not masked: a date is a fact a summary can get wrong. Most texts hold none: looking
 * first for a literal that each match needs skips running patterns that try every position.
 */
const CITATION = /\[\s*\d+(?:\s*[-–—,;]\s*\d+)*\s*\]/gu;
const LIST_NUMBER = /[ \t>*#-]*\d{1,2}[.)](?=\s)/uy;
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const DOI = /\bdoi\s*:?\s*10\.\S+|\b10\.\d{4,9}\/\S+/giu;
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;
const REGISTRY_ID = /\b(?:pmid|pmcid|nct|isrctn)\s*:?\s*\d+/giu;

// What a match of the case-insensitive patterns holds, tested with the same flags, so that a test
// passes wherever they would match: no lower-cased copy of the text, one pass for both when the
// text holds neither, and "fonction" (its "nct") no longer runs REGISTRY_ID, slow with \b under /iu.
const MAY_HOLD_WWW = /www\./iu;
const MAY_HOLD_REGISTRY_ID = /(?:pmc?id|nct|isrctn)\s*:?\s*\d/iu;
const MAY_HOLD_EITHER = new RegExp(`${MAY_HOLD_WWW.source}|${MAY_HOLD_REGISTRY_ID.source}`, 'iu');

export function builtinMasks(text: string): Range[] {
  const ranges: Range[] = [];
  if (text.includes('[')) ranges.push(...rangesOf(text, CITATION));
  ranges.push(...atLineStarts(text, LIST_NUMBER));
  const either = MAY_HOLD_EITHER.test(text);
  if (text.includes('://') || (either && MAY_HOLD_WWW.test(text))) ranges.push(...rangesOf(text, URL));
  if (text.includes('10.')) ranges.push(...rangesOf(text, DOI));
  if (text.includes('@')) ranges.push(...rangesOf(text, EMAIL));
  if (either && MAY_HOLD_REGISTRY_ID.test(text)) ranges.push(...rangesOf(text, REGISTRY_ID));
  return ranges;
}

/**
 * What /^…/gm finds, for a sticky pattern that never spans a line: tried at the start of each
 * line only, rather than at every position to test `^` there.
 */
function atLineStarts(text: string, sticky: RegExp): Range[] {
  const ranges: Range[] = [];
  // `^` matches after each line terminator; most texts break lines with "\n" alone.
  const onlyNewlines = !text.includes('\r') && !text.includes('\u2028') && !text.includes('\u2029');
  LINE_END.lastIndex = 0;
  for (let start = 0; start !== -1; ) {
    sticky.lastIndex = start;
    const match = sticky.exec(text);
    if (match && match[0] !== '') ranges.push({ start, end: start + match[0].length });
    if (onlyNewlines) {
      const newline = text.indexOf('\n', start);
      start = newline === -1 ? -1 : newline + 1;
    } else start = LINE_END.exec(text) ? LINE_END.lastIndex : -1;
  }
  return ranges;
}

const LINE_END = /[\n\r\u2028\u2029]/g;

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
