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

export interface UnitDef extends Unit {
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
export const DEFINITIONS: UnitDef[] = [
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
