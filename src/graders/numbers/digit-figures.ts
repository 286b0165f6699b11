import { HOURS, type Unit, type UnitMatch, unitAt } from './normalize-units.js';
import { type Convention, readings } from './parse-number.js';
import { execAt, lengthAt } from './sticky.js';

/** A figure found in folded text, before it is kept and mapped back to the original. */
export interface Draft {
  start: number;
  end: number;
  values: number[];
  literal?: string;
  unit: Unit | null;
  /** The unit lets "un"/"une" read as 1 ("une semaine"). */
  article: boolean;
  /** Kept only with a unit: "un" as an article, "neuf" as "new", "les deux" as "both". */
  needs?: 'article' | 'unit';
  /** The unit with a period written after what it is a quantity of ("3 g de paracétamol par jour"). */
  rate?: { unit: Unit; end: number };
  /** A figure a unit embeds (the 24 of "2 g/24 h"): it supports, but is no claim. */
  supportOnly?: boolean;
}

const NUMBER = /(?<![\p{L}\p{N}_])(?<!\d[.,])(?:\d{1,3}(?: \d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)*)/gu;
const SLASHED = /\d+(?:\/\d+)+/uy;
const CLOCK = / ?h ?(\d{2})(?!\d)/uy;
const MULTIPLIER = / ?(millions?|milliards?|thousands?)(?![\p{L}\p{N}])/uy;
const OF = / de | d'| of /uy;
const ORDINAL = /(?:er|re|ere|e|eme|nde?|st|rd|th)(?![\p{L}\p{N}])/uy;
// "12 cas pour 100 000 habitants": a rate may come one or two words after its figure.
const RATE_GAP = /(?: [\p{L}'-]+){1,2}(?= (?:pour|per) )/uy;
const HALF = / et demie?(?![\p{L}\p{N}])/uy;
// Module constants, not literals in the loop: tsx (which runs the sources in tests) compiles a literal with
// \p{…} into a `new RegExp` at each use.
const A_LETTER = /\p{L}/u;
const UNIT_BEFORE = /\d\p{L}{1,3}$/u;
export const ORDINAL_UNIT: Unit = { label: 'e', dim: 'ordinal', factor: 1 };
const MULTIPLIERS: Record<string, number> = { million: 1e6, milliard: 1e9, thousand: 1e3 };
const SPACE = 0x20;
const H = 0x68;

/** A_LETTER.test(f[at] ?? ''), with no call into the RegExp engine for ASCII, all a letter is there. */
function letterAt(f: string, at: number): boolean {
  const code = f.charCodeAt(at);
  // Past the text, NaN: no letter.
  if (!(code >= 0x80)) return ((code | 0x20) - 0x61) >>> 0 < 26;
  return A_LETTER.test(f[at] as string);
}

/** /\d/ on one unit. */
function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Whether a digit is at `at`, or after a space there. */
function digitAfterSpace(f: string, at: number): boolean {
  return isDigit(f.charCodeAt(at)) || (f.charCodeAt(at) === SPACE && isDigit(f.charCodeAt(at + 1)));
}

/** The figures written with digits in folded text, in order. */
export function digitFigures(f: string, conventionOf: () => Convention, supports: boolean): Draft[] {
  const drafts: Draft[] = [];
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(f); match; match = NUMBER.exec(f)) {
    const start = match.index;
    let end = start + match[0].length;
    // "COVID-19", "IL-6": a name, not a figure; but "14h-15h" and "5mg-10mg" are ranges.
    if (
      f[start - 1] === '-' &&
      letterAt(f, start - 2) &&
      // A digit and up to three letters take at most 8 units: what comes before them cannot matter.
      !UNIT_BEFORE.test(f.slice(Math.max(0, start - 9), start - 1))
    )
      continue;
    if (f[end] === '/' && isDigit(f.charCodeAt(end + 1))) {
      SLASHED.lastIndex = start;
      const slashed = SLASHED.exec(f)?.[0] ?? match[0];
      drafts.push({
        start,
        end: start + slashed.length,
        values: [],
        literal: slashed,
        unit: null,
        article: false,
      });
      NUMBER.lastIndex = start + slashed.length;
      continue;
    }
    let values = readings(match[0], conventionOf);
    if (values.length === 0) {
      drafts.push({ start, end, values, literal: match[0], unit: null, article: false });
      continue;
    }
    // The sticky patterns below are tried only where what they start with is, after a space or not.
    const wordStart = f.charCodeAt(end) === SPACE ? end + 1 : end;
    const clock =
      f.charCodeAt(wordStart) === H && digitAfterSpace(f, wordStart + 1) ? execAt(CLOCK, f, end) : null;
    const minutes = Number(clock?.[1]);
    if (clock && minutes < 60 && values.every((value) => Number.isInteger(value) && value <= 24)) {
      end += clock[0].length;
      drafts.push({ start, end, values: values.map((v) => v + minutes / 60), unit: HOURS, article: false });
      NUMBER.lastIndex = end;
      continue;
    }
    const multiplier =
      f.startsWith('milli', wordStart) || f.startsWith('thousand', wordStart)
        ? execAt(MULTIPLIER, f, end)
        : null;
    if (multiplier) {
      const factor = MULTIPLIERS[(multiplier[1] ?? '').replace(/s$/, '')] ?? 1;
      values = values.map((value) => value * factor);
      end += multiplier[0].length;
    }
    let unit = unitAt(f, end) ?? (multiplier ? unitAfterOf(f, end) : undefined);
    if (!unit && letterAt(f, end)) {
      const ordinal = lengthAt(ORDINAL, f, end);
      // Digits glued to letters that are neither a unit nor an ordinal: a code ("3D", "5FU").
      if (ordinal === -1) continue;
      unit = { unit: ORDINAL_UNIT, end: end + ordinal, article: false, embedded: [] };
    }
    unit ??= rateAfterNoun(f, end);
    const draft = finishDraft(f, start, end, values, unit);
    drafts.push(draft);
    if (supports && unit) {
      for (const embedded of unit.embedded) {
        drafts.push({
          start,
          end: draft.end,
          values: [embedded.value],
          unit: embedded.unit,
          article: false,
          supportOnly: true,
        });
      }
    }
    NUMBER.lastIndex = draft.end;
  }
  return drafts;
}

function unitAfterOf(f: string, at: number): UnitMatch | undefined {
  const of = lengthAt(OF, f, at);
  return of !== -1 ? unitAt(f, at + of - 1) : undefined;
}

function rateAfterNoun(f: string, at: number): UnitMatch | undefined {
  const mayRate = f.charCodeAt(at) === SPACE && (f.includes(' pour ', at) || f.includes(' per ', at));
  const gap = mayRate ? lengthAt(RATE_GAP, f, at) : -1;
  return gap !== -1 ? unitAt(f, at + gap, true) : undefined;
}

export function finishDraft(
  f: string,
  start: number,
  end: number,
  values: number[],
  unit?: UnitMatch,
): Draft {
  if (!unit) return { start, end, values, unit: null, article: false };
  const half = f.startsWith(' et demi', unit.end) ? lengthAt(HALF, f, unit.end) : -1;
  return {
    start,
    end: unit.end + (half !== -1 ? half : 0),
    values: half !== -1 ? values.map((value) => value + 0.5) : values,
    unit: unit.unit,
    article: unit.article,
  };
}
