import { prefixes } from './pattern-prefixes.js';
import { execAt, lengthAt } from './sticky.js';
import { DEFINITIONS, type Unit, type UnitDef } from './unit-definitions.js';

export type { Unit } from './unit-definitions.js';

/**
 * Reading units in folded text (see unit-definitions.ts): the unit at a place, with what divides it.
 */

interface CompiledDef {
  def: UnitDef;
  regex: RegExp;
}

// The lookahead keeps "g" from matching the start of "gélules" and "l" the start of "l'".
const compiled: CompiledDef[] = DEFINITIONS.map((def) => ({
  def,
  regex: new RegExp(`(?:${def.pattern})(?![\\p{L}\\p{N}'])`, 'uy'),
}));

/**
 * The units to try at a place, by its first characters: most places looked at start no unit, and
 * running every unit's pattern there cost much of the numbers grader's time. A node holds the
 * units whose matches may start with the characters that lead to it, for a text that goes on with
 * none of its `next`. A unit whose first characters are not plain to see from its pattern is in
 * every node. Lists keep the order of DEFINITIONS, which settles ties between matches of one length.
 */
interface CandidateNode {
  next: Map<number, CandidateNode>;
  here: CompiledDef[];
}

/** How many first characters of the text tell which units to try. */
const HEAD_LENGTH = 3;

const CANDIDATES = candidateNode(
  compiled.map((entry) => {
    const found = prefixes(entry.def.pattern, HEAD_LENGTH);
    return found?.has('') ? undefined : found;
  }),
  '',
);

function candidateNode(heads: Array<Set<string> | undefined>, start: string): CandidateNode {
  const here = compiled.filter((_, i) => {
    const own = heads[i];
    return !own || [...own].some((head) => head.length <= start.length && start.startsWith(head));
  });
  const following = new Set<string>();
  for (const own of heads) {
    for (const head of own ?? []) {
      if (head.length > start.length && head.startsWith(start)) following.add(head.charAt(start.length));
    }
  }
  const next = new Map(
    [...following].map((char) => [char.charCodeAt(0), candidateNode(heads, start + char)]),
  );
  return { next, here };
}

function candidatesAt(text: string, at: number): CompiledDef[] {
  let node = CANDIDATES;
  for (let depth = 0; depth < HEAD_LENGTH; depth++) {
    const deeper = node.next.get(text.charCodeAt(at + depth));
    if (!deeper) break;
    node = deeper;
  }
  return node.here;
}

function longestDef(
  text: string,
  at: number,
  accept: (def: UnitDef) => boolean,
): { def: UnitDef; end: number } | undefined {
  let best: UnitDef | undefined;
  let bestEnd = -1;
  for (const { def, regex } of candidatesAt(text, at)) {
    if (!accept(def)) continue;
    const length = lengthAt(regex, text, at);
    if (length !== -1 && at + length > bestEnd) {
      best = def;
      bestEnd = at + length;
    }
  }
  return best && { def: best, end: bestEnd };
}

/** A number written inside a unit ("/24 h"), which a source can be said to state too. */
export interface EmbeddedNumber {
  value: number;
  unit: Unit | null;
}

export interface UnitMatch {
  unit: Unit;
  /** Index in the folded text just after the unit. */
  end: number;
  /** Whether "un"/"une" before it reads as the number 1. */
  article: boolean;
  embedded: EmbeddedNumber[];
}

const PER = /(?: ?\/ ?| (?:par|per) )(?:(\d+(?:[.,]\d+)?) ?)?/uy;
// "twice a day", not "500 mg à 8 h" (folded "à" is "a"): no number after the article.
const PER_ARTICLE = / an? /uy;
// Each with the words its matches start with, after their space: most places start none.
const DAILY: Array<[RegExp, string, string[]]> = [
  [
    / (?:quotidien(?:ne)?s?|daily|par jour|per day)(?![\p{L}\p{N}])/uy,
    'j',
    ['quotidien', 'daily', 'par jour', 'per day'],
  ],
  [/ (?:hebdomadaires?|weekly)(?![\p{L}\p{N}])/uy, 'sem', ['hebdomadaire', 'weekly']],
  [/ (?:mensuel(?:le)?s?|monthly)(?![\p{L}\p{N}])/uy, 'mois', ['mensuel', 'monthly']],
];

function startsWithAny(text: string, at: number, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (text.startsWith(words[i] as string, at)) return true;
  return false;
}

const BY_LABEL = new Map(DEFINITIONS.map((def) => [def.label, def]));

function byLabel(label: string): UnitDef {
  const def = BY_LABEL.get(label);
  if (!def) throw new Error(`unknown unit ${label}`);
  return def;
}

function compound(numerator: Unit, denominator: Unit, count: number): Unit {
  return {
    label: `${numerator.label}/${count === 1 ? '' : `${count} `}${denominator.label}`,
    dim: `${numerator.dim}/${denominator.dim}`,
    factor: numerator.factor / (count * denominator.factor),
  };
}

/**
 * The unit written at `at` in folded text (after an optional space), with its denominators
 * ("mg/kg/j", "fois par jour", "g/24 h"), or undefined when no unit starts there.
 */
export function unitAt(text: string, at: number, rateOnly = false): UnitMatch | undefined {
  const start = text.charCodeAt(at) === SPACE ? at + 1 : at;
  const head = longestDef(text, start, rateOnly ? isRate : isAny);
  if (!head) return undefined;
  const unit = plain(head.def);
  if (head.def.rate || head.def.dim === 'beat/time') {
    return { unit, end: head.end, article: head.def.article === true, embedded: [] };
  }
  const { unit: divided, end, embedded } = withDenominators(text, head.end, unit);
  return { unit: divided, end, embedded, article: head.def.article === true };
}

/** Extends a unit with what divides it ("/kg", "par jour", "a day"): two at most, as in "mg/kg/j". */
export function withDenominators(
  text: string,
  at: number,
  numerator: Unit,
): { unit: Unit; end: number; embedded: EmbeddedNumber[] } {
  let unit = numerator;
  let end = at;
  const embedded: EmbeddedNumber[] = [];
  for (let round = 0; round < 2; round++) {
    const next = denominatorAt(text, end);
    if (!next) break;
    end = next.end;
    // "1 g par prise", "500 mg par comprimé", "100 µg/dose" say what one intake holds: "1 g".
    if (next.count === 1 && PER_INTAKE.has(next.unit.dim)) continue;
    unit = compound(unit, next.unit, next.count);
    if (next.count !== 1) embedded.push({ value: next.count, unit: next.unit });
  }
  return { unit, end, embedded };
}

const PER_INTAKE = new Set(['times', 'dose', 'tablet']);

const isAny = (): boolean => true;
const isRate = (def: UnitDef): boolean => def.rate === true;
const isDenominator = (def: UnitDef): boolean => def.denominator === true;
const isPeriod = (def: UnitDef): boolean => def.dim === 'time' || def.dim === 'month';

const SPACE = 0x20;
const SLASH = 0x2f;
const P = 0x70;
const A = 0x61;

function denominatorAt(text: string, at: number): { unit: Unit; count: number; end: number } | undefined {
  // Every way of writing one starts with a space or a slash, and the next character tells which
  // patterns may match: most places end there.
  const first = text.charCodeAt(at);
  if (first !== SPACE && first !== SLASH) return undefined;
  const second = text.charCodeAt(at + 1);
  if (first === SPACE) {
    for (const [pattern, label, words] of DAILY) {
      if (!startsWithAny(text, at + 1, words)) continue;
      const length = lengthAt(pattern, text, at);
      if (length !== -1) return { unit: plain(byLabel(label)), count: 1, end: at + length };
    }
  }
  const per = first === SLASH || second === SLASH || second === P ? execAt(PER, text, at) : null;
  if (per) {
    const count = per[1] === undefined ? 1 : Number(per[1].replace(',', '.'));
    const found = longestDef(text, at + per[0].length, isDenominator);
    if (found && count > 0) return { unit: plain(found.def), count, end: found.end };
  }
  if (second !== A) return undefined;
  const article = lengthAt(PER_ARTICLE, text, at);
  if (article !== -1) {
    const found = longestDef(text, at + article, isPeriod);
    if (found) return { unit: plain(found.def), count: 1, end: found.end };
  }
  return undefined;
}

function plain(def: UnitDef): Unit {
  return { label: def.label, dim: def.dim, factor: def.factor };
}

/** The unit "fois" (times), which "twice" and "deux fois" share. */
export const TIMES: Unit = plain(byLabel('fois'));
/** Hours, for clock-like durations "8 h 30". */
export const HOURS: Unit = plain(byLabel('h'));
