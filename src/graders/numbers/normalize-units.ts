import { prefixes } from './pattern-prefixes.js';

/**
 * Units as a French or English health text spells them, reduced to a dimension and a factor so
 * that "0,5 g" and "500 mg", or "7 jours" and "1 semaine", compare equal while "5 mg" and
 * "5 g" do not. Patterns run on folded text (see foldText): lower case, no accents, one space.
 */

export interface Unit {
  /** Short canonical spelling, for reasons: "mg", "mg/kg/j". */
  label: string;
  /** What is measured; only quantities of the same dimension compare. */
  dim: string;
  /** How many of the dimension's base unit one of this unit is. */
  factor: number;
}

interface UnitDef extends Unit {
  pattern: string;
  /** "un comprimé", "une semaine": the article counts as the number 1 before these units only. */
  article?: boolean;
  /** May follow "/" or "par" ("mg/kg", "par jour"). */
  denominator?: boolean;
  /** Written as a rate of a round number ("pour 100 000"): may come after a noun ("12 cas pour 1 000"). */
  rate?: boolean;
}

const MICRO = '(?:µ|μ|u)';

// Months and years are kept apart from days and weeks: "1 mois" is not exactly 30 days, and a
// summary that turns "4 semaines" into "1 mois" has changed the figure.
const DEFINITIONS: UnitDef[] = [
  // mass, base mg
  { label: 'ng', dim: 'mass', factor: 1e-6, pattern: 'ng|nanogrammes?|nanograms?', denominator: true },
  {
    label: 'µg',
    dim: 'mass',
    factor: 1e-3,
    pattern: `${MICRO}g|mcg|microgrammes?|micrograms?`,
    denominator: true,
  },
  { label: 'mg', dim: 'mass', factor: 1, pattern: 'mg|milligrammes?|milligrams?', denominator: true },
  { label: 'g', dim: 'mass', factor: 1e3, pattern: 'g|gr|grammes?|grams?', denominator: true },
  {
    label: 'kg',
    dim: 'mass',
    factor: 1e6,
    pattern: 'kg|kilogrammes?|kilograms?|kilos?',
    denominator: true,
  },
  // volume, base mL
  {
    label: 'µL',
    dim: 'volume',
    factor: 1e-3,
    pattern: `${MICRO}l|microlitres?|microliters?`,
    denominator: true,
  },
  {
    label: 'mL',
    dim: 'volume',
    factor: 1,
    pattern: 'ml|millilitres?|milliliters?|cm3|cm³',
    denominator: true,
  },
  { label: 'cL', dim: 'volume', factor: 10, pattern: 'cl|centilitres?|centiliters?', denominator: true },
  { label: 'dL', dim: 'volume', factor: 100, pattern: 'dl|decilitres?|deciliters?', denominator: true },
  { label: 'L', dim: 'volume', factor: 1000, pattern: 'l|litres?|liters?', denominator: true },
  // amount of substance, base mmol
  { label: 'nmol', dim: 'amount', factor: 1e-6, pattern: 'nmol|nanomoles?' },
  { label: 'µmol', dim: 'amount', factor: 1e-3, pattern: `${MICRO}mol|micromoles?` },
  { label: 'mmol', dim: 'amount', factor: 1, pattern: 'mmol|millimoles?' },
  { label: 'mol', dim: 'amount', factor: 1e3, pattern: 'mol|moles?' },
  { label: 'mEq', dim: 'equivalent', factor: 1, pattern: 'meq|milliequivalents?' },
  {
    label: 'UI',
    dim: 'iu',
    factor: 1,
    pattern: 'ui|u|iu|unites? internationales?|international units?|unites?|units?',
  },
  // pressure
  { label: 'mmHg', dim: 'pressure', factor: 1, pattern: 'mm ?hg|millimetres? de mercure' },
  { label: 'cmH2O', dim: 'water-pressure', factor: 1, pattern: 'cm ?h2o' },
  // length and area
  { label: 'mm', dim: 'length', factor: 1, pattern: 'mm|millimetres?|millimeters?' },
  { label: 'cm', dim: 'length', factor: 10, pattern: 'cm|centimetres?|centimeters?' },
  { label: 'm', dim: 'length', factor: 1000, pattern: 'm|metres?|meters?' },
  { label: 'km', dim: 'length', factor: 1e6, pattern: 'km|kilometres?|kilometers?' },
  {
    label: 'm²',
    dim: 'area',
    factor: 1,
    pattern: 'm²|m2|metres? carres?|square met(?:er|re)s?',
    denominator: true,
  },
  // time, base minute
  { label: 's', dim: 'time', factor: 1 / 60, pattern: 'sec|secondes?|seconds?', denominator: true },
  { label: 'min', dim: 'time', factor: 1, pattern: 'min|mn|minutes?', denominator: true, article: true },
  {
    label: 'h',
    dim: 'time',
    factor: 60,
    pattern: 'h|hr|hrs|heures?|hours?',
    denominator: true,
    article: true,
  },
  {
    label: 'j',
    dim: 'time',
    factor: 1440,
    pattern: 'j|jours?|journees?|days?',
    denominator: true,
    article: true,
  },
  {
    label: 'sem',
    dim: 'time',
    factor: 10080,
    pattern: 'sem\\.?|semaines?|weeks?|wk',
    denominator: true,
    article: true,
  },
  { label: 'mois', dim: 'month', factor: 1, pattern: 'mois|months?', denominator: true, article: true },
  {
    label: 'an',
    dim: 'month',
    factor: 12,
    pattern: 'ans?|annees?|years?|yrs?',
    denominator: true,
    article: true,
  },
  // proportions: "6,1 pour 100" is 6,1 %
  {
    label: '%',
    dim: 'proportion',
    factor: 1e-2,
    pattern: '%|pour ?cent|pourcents?|p\\. ?100|pour 100|percent|per ?cent|per 100',
    rate: true,
  },
  {
    label: '‰',
    dim: 'proportion',
    factor: 1e-3,
    pattern: '‰|pour ?mille|pour 1 ?000|per ?mille|per 1,?000|per thousand',
    rate: true,
  },
  { label: '/10 000', dim: 'proportion', factor: 1e-4, pattern: 'pour 10 ?000|per 10,?000', rate: true },
  { label: '/100 000', dim: 'proportion', factor: 1e-5, pattern: 'pour 100 ?000|per 100,?000', rate: true },
  {
    label: '/1 000 000',
    dim: 'proportion',
    factor: 1e-6,
    pattern: 'pour 1 ?000 ?000|pour un million|per million|per 1,?000,?000',
    rate: true,
  },
  {
    label: 'points',
    dim: 'points',
    factor: 1,
    pattern: 'points? de pourcentage|percentage points?|points?|pts?',
  },
  // other measures
  {
    label: '°C',
    dim: 'temperature',
    factor: 1,
    pattern: '°c|°|degres?(?: celsius)?|degrees?(?: celsius)?',
  },
  { label: 'kcal', dim: 'energy', factor: 1000, pattern: 'kcal|kilocalories?' },
  { label: 'cal', dim: 'energy', factor: 1, pattern: 'cal|calories?' },
  { label: '€', dim: 'eur', factor: 1, pattern: '€|euros?|eur' },
  { label: '$', dim: 'usd', factor: 1, pattern: '\\$|dollars?|usd' },
  { label: 'bpm', dim: 'beat/time', factor: 1, pattern: 'bpm' },
  // counted things: a dose of 2 tablets is not a dose of 2 sachets
  // "trois fois par semaine", "trois séances par semaine" and "3 prises par jour" say the same.
  {
    label: 'fois',
    dim: 'times',
    factor: 1,
    pattern: 'fois|times|prises?|seances?|sessions?',
    article: true,
    denominator: true,
  },
  {
    label: 'comprimé',
    dim: 'tablet',
    factor: 1,
    pattern: 'comprimes?|cps?|cpr|cachets?|tablets?|tabs?',
    article: true,
    denominator: true,
  },
  { label: 'gélule', dim: 'capsule', factor: 1, pattern: 'gelules?|capsules?|caps', article: true },
  { label: 'sachet', dim: 'sachet', factor: 1, pattern: 'sachets?', article: true },
  { label: 'goutte', dim: 'drop', factor: 1, pattern: 'gouttes?|drops?' },
  { label: 'bouffée', dim: 'puff', factor: 1, pattern: 'bouffees?|puffs?|pulverisations?|inhalations?' },
  { label: 'ampoule', dim: 'ampoule', factor: 1, pattern: 'ampoules?|vials?' },
  { label: 'injection', dim: 'injection', factor: 1, pattern: 'injections?' },
  { label: 'dose', dim: 'dose', factor: 1, pattern: 'doses?', denominator: true },
  { label: 'battement', dim: 'beat', factor: 1, pattern: 'battements?|beats?' },
];

interface CompiledDef {
  def: UnitDef;
  regex: RegExp;
}

// The lookahead keeps "g" from matching the start of "gélules" and "l" the start of "l'".
const compiled: CompiledDef[] = DEFINITIONS.map((def) => ({
  def,
  regex: new RegExp(`(?:${def.pattern})(?![\\p{L}\\p{N}'])`, 'uy'),
}));

/** A unit to try where a text starts with one of its first characters, and then one of `seconds` if set. */
interface Candidate {
  entry: CompiledDef;
  seconds?: Set<number>;
}

/**
 * The units that may start with each character, by what may come second: most positions looked
 * at start no unit, and running every unit's pattern there cost much of the numbers grader's
 * time. A unit whose first characters are not plain to see from its pattern is tried everywhere.
 */
const STARTING_WITH = new Map<number, Candidate[]>();
const STARTING_ANYHOW: Candidate[] = [];
{
  const heads = compiled.map((entry) => {
    const found = prefixes(entry.def.pattern, 2);
    return found?.has('') ? undefined : found;
  });
  const codes = new Set<number>();
  for (const found of heads) for (const head of found ?? []) codes.add(head.charCodeAt(0));
  for (const code of codes) {
    const candidates: Candidate[] = [];
    compiled.forEach((entry, i) => {
      const candidate = candidateFor(entry, heads[i], code);
      if (candidate) candidates.push(candidate);
    });
    STARTING_WITH.set(code, candidates);
  }
  compiled.forEach((entry, i) => {
    if (!heads[i]) STARTING_ANYHOW.push({ entry });
  });
}

/** How to try a unit whose matches start with `heads` where a text starts with `code`, if at all. */
function candidateFor(
  entry: CompiledDef,
  heads: Set<string> | undefined,
  code: number,
): Candidate | undefined {
  if (!heads) return { entry };
  const starting = [...heads].filter((head) => head.charCodeAt(0) === code);
  if (starting.length === 0) return undefined;
  // A match of one character may be followed by anything its lookahead lets through.
  if (starting.some((head) => head.length === 1)) return { entry };
  return { entry, seconds: new Set(starting.map((head) => head.charCodeAt(1))) };
}

function longestDef(
  text: string,
  at: number,
  accept: (def: UnitDef) => boolean,
): { def: UnitDef; end: number } | undefined {
  let best: { def: UnitDef; end: number } | undefined;
  const second = text.charCodeAt(at + 1);
  for (const { entry, seconds } of STARTING_WITH.get(text.charCodeAt(at)) ?? STARTING_ANYHOW) {
    if (seconds && !seconds.has(second)) continue;
    const { def, regex } = entry;
    if (!accept(def)) continue;
    regex.lastIndex = at;
    const match = regex.exec(text);
    if (match && (!best || at + match[0].length > best.end)) best = { def, end: at + match[0].length };
  }
  return best;
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
const DAILY: Array<[RegExp, string]> = [
  [/ (?:quotidien(?:ne)?s?|daily|par jour|per day)(?![\p{L}\p{N}])/uy, 'j'],
  [/ (?:hebdomadaires?|weekly)(?![\p{L}\p{N}])/uy, 'sem'],
  [/ (?:mensuel(?:le)?s?|monthly)(?![\p{L}\p{N}])/uy, 'mois'],
];

function byLabel(label: string): UnitDef {
  const def = DEFINITIONS.find((candidate) => candidate.label === label);
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
export function unitAt(
  text: string,
  at: number,
  options: { rateOnly?: boolean } = {},
): UnitMatch | undefined {
  const start = text[at] === ' ' ? at + 1 : at;
  const head = longestDef(text, start, (def) => (options.rateOnly ? def.rate === true : true));
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

function denominatorAt(text: string, at: number): { unit: Unit; count: number; end: number } | undefined {
  // Every way of writing one starts with a space or a slash: most places end there.
  const first = text.charCodeAt(at);
  if (first !== 0x20 && first !== 0x2f) return undefined;
  for (const [pattern, label] of DAILY) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match) return { unit: plain(byLabel(label)), count: 1, end: at + match[0].length };
  }
  PER.lastIndex = at;
  const per = PER.exec(text);
  if (per) {
    const count = per[1] === undefined ? 1 : Number(per[1].replace(',', '.'));
    const found = longestDef(text, at + per[0].length, (def) => def.denominator === true);
    if (found && count > 0) return { unit: plain(found.def), count, end: found.end };
  }
  PER_ARTICLE.lastIndex = at;
  const article = PER_ARTICLE.exec(text);
  if (article) {
    const found = longestDef(
      text,
      at + article[0].length,
      (def) => def.dim === 'time' || def.dim === 'month',
    );
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
