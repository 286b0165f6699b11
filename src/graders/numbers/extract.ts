import { foldWithRuns, originalRangeOfRuns, splitSentences } from '../text/normalize.js';
import { type Draft, digitFigures, finishDraft, ORDINAL_UNIT } from './digit-figures.js';
import { builtinMasks, type Range } from './masks.js';
import { TIMES, type Unit, unitAt, withDenominators } from './normalize-units.js';
import { findWordNumbers, findWordOrdinals } from './number-words.js';
import { type Convention, detectConvention } from './parse-number.js';
import { lengthAt } from './sticky.js';

/** A figure written in a text: a value (or its possible readings) with its unit, and where it is. */
export interface Quantity {
  /** Offsets in the original text (UTF-16, as String.slice). */
  start: number;
  end: number;
  text: string;
  /** What the figure may mean: one value, two when "1.240" could be read either way. */
  values: number[];
  /** A fraction or a date ("1/3", "12/03/2021"), compared as written. */
  literal?: string;
  unit: Unit | null;
  /** No unit, but a noun after it ("12 services"): it counts that, not months or milligrams. */
  counted?: boolean;
  /**
   * A source figure with no unit nor noun ("IC 95 % : 5,2-7,0"): the units its sentence writes,
   * one of which it may leave implied.
   */
  impliedUnits?: Unit[];
}

/**
 * `claim`: the figures a text asserts. `support`: the same, plus figures a source states without
 * a digit of its own ("première intention", the 24 of "2 g/24 h"), which may support an output.
 */
export type Role = 'claim' | 'support';

const BOTH = /(?:^|[^\p{L}])(?:les|des|aux|ces|ses|leurs|nos|vos) $/u;
// Between the two figures of a range or a short list that share the second one's unit.
const SHARED_UNIT = /^ ?(?:-|a|au|et|ou|to|and|or) ?$/u;
const NEXT_WORD = / ?[\p{L}]+/uy;
// "3 g de paracétamol par jour", "deux séances de kinésithérapie par semaine": what the figure
// is a quantity of may come between its unit and the period.
const OF_WHAT = / (?:de|du|des|of) [\p{L}-]+| d'[\p{L}-]+/uy;
const ONE_MORE_WORD = / [\p{L}-]+/uy;
// Words after a figure that name nothing it counts.
const NOT_NOUNS = new Set(
  (
    'a au aux avec chez contre d dans de des du en entre et l la le les ou par pour puis sans soit sur vs versus ' +
    'est sont etait etaient sera seront ont avait environ seulement maximum minimum maxi mini ' +
    'and at for in of on or per than the to vs with is are was were be has have about only'
  ).split(' '),
);
const SPACE = 0x20;
const D = 0x64;
const O = 0x6f;

/**
 * The figures of a text, in order, but for citation markers, list numbering and addresses;
 * `masks` are more original ranges whose figures are skipped.
 */
export function extractQuantities(text: string, role: Role, masks: Range[] = []): Quantity[] {
  const found = extract(text, masks, role === 'claim', role === 'support');
  return role === 'claim' ? found.claim : found.support;
}

/** What extractQuantities gives for each role. */
export interface Roles {
  claim: Quantity[];
  support: Quantity[];
}

/**
 * What extractQuantities gives for both roles, from one reading of the text: a text whose
 * figures are both checked and checked against (a translation's source and output) is read once.
 * The two lists hold distinct objects, so that marking one list's figures leaves the other's.
 */
export function extractRoles(text: string, masks: Range[] = []): Roles {
  return extract(text, masks, true, true);
}

/**
 * The drafts of both roles are the same but for embedded figures (support only), which start
 * and end with the figure they are embedded in and carry a unit: they change neither which word
 * figures overlap a digit figure nor which neighbours share a unit, so one list serves both.
 */
function extract(text: string, masks: Range[], claims: boolean, supports: boolean): Roles {
  const skipped = masks.length === 0 ? builtinMasks(text) : builtinMasks(text).concat(masks);
  const folded = foldWithRuns(text);
  const f = folded.text;
  let convention: Convention | undefined;
  const digits = digitFigures(f, () => (convention ??= detectConvention(f)), supports);
  const all = merged(digits, wordFigures(f, digits));
  shareUnits(f, all);
  for (const draft of all) {
    const rate = gappedRate(f, draft);
    if (rate) draft.rate = rate;
  }
  const kept = all.filter(
    (draft) =>
      draft.needs === undefined || (draft.unit !== null && (draft.needs === 'unit' || draft.article)),
  );
  if (supports) for (const ordinal of wordOrdinals(f)) kept.push(ordinal);
  const claim: Quantity[] = [];
  const support: Quantity[] = [];
  // Objects spelled out rather than spread: spreading drafts of several shapes was a slow path.
  const quantityOf = (draft: Draft, unit: Unit | null, foldedEnd: number): Quantity | undefined => {
    const { start, end } = originalRangeOfRuns(folded, draft.start, foldedEnd);
    for (const mask of skipped) if (mask.start < end && start < mask.end) return undefined;
    const { values, literal } = draft;
    const quantity: Quantity =
      literal === undefined
        ? { start, end, text: text.slice(start, end), values, unit }
        : { start, end, text: text.slice(start, end), values, literal, unit };
    if (unit === null && literal === undefined && countsANoun(f, foldedEnd)) quantity.counted = true;
    return quantity;
  };
  for (const draft of kept) {
    const claimed = claims && !draft.supportOnly;
    if (!draft.rate) {
      const quantity = quantityOf(draft, draft.unit, draft.end);
      if (!quantity) continue;
      if (claimed) claim.push(quantity);
      if (supports) support.push(claimed ? copyOf(quantity) : quantity);
      continue;
    }
    // A claim is read with its period; a source supports with either reading.
    if (claimed) {
      const quantity = quantityOf(draft, draft.rate.unit, draft.rate.end);
      if (quantity) claim.push(quantity);
    }
    if (supports) {
      const bare = quantityOf(draft, draft.unit, draft.end);
      if (bare) support.push(bare);
      const rated = quantityOf(draft, draft.rate.unit, draft.end);
      if (rated) support.push(rated);
    }
  }
  if (supports) implyUnits(text, support);
  return { claim, support };
}

/** A fresh quantity equal to one that has no impliedUnits yet. */
function copyOf(quantity: Quantity): Quantity {
  const { start, end, text, values, literal, unit } = quantity;
  const copy: Quantity =
    literal === undefined ? { start, end, text, values, unit } : { start, end, text, values, literal, unit };
  if (quantity.counted) copy.counted = true;
  return copy;
}

/** Two lists in order of start, as one, the first list's first on a tie (what a stable sort gives). */
function merged(first: Draft[], second: Draft[]): Draft[] {
  const all: Draft[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < second.length) {
    const a = first[i];
    const b = second[j];
    if (a && (!b || a.start <= b.start)) {
      all.push(a);
      i++;
    } else if (b) {
      all.push(b);
      j++;
    }
  }
  return all;
}

function implyUnits(text: string, quantities: Quantity[]): void {
  // Most texts have no bare figure, or no unit: they need no splitting into sentences.
  if (!quantities.some(takesImpliedUnits) || !quantities.some((q) => q.unit !== null)) return;
  const sentences = splitSentences(text);
  // Each figure to the one sentence that may hold it, the last to start before it.
  const inside = sentences.map((): Quantity[] => []);
  for (const q of quantities) {
    let low = 0;
    let high = sentences.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sentences[middle] as { start: number }).start <= q.start) low = middle + 1;
      else high = middle;
    }
    const sentence = sentences[low - 1];
    if (sentence && q.end <= sentence.end) inside[low - 1]?.push(q);
  }
  for (const figures of inside) {
    const units: Unit[] = [];
    for (const q of figures) if (q.unit) units.push(q.unit);
    if (units.length === 0) continue;
    for (const q of figures) if (takesImpliedUnits(q)) q.impliedUnits = units;
  }
}

function takesImpliedUnits(q: Quantity): boolean {
  return q.unit === null && q.literal === undefined && !q.counted;
}

function countsANoun(f: string, at: number): boolean {
  const length = lengthAt(NEXT_WORD, f, at);
  if (length === -1) return false;
  const wordStart = f.charCodeAt(at) === SPACE ? at + 1 : at;
  return !NOT_NOUNS.has(f.slice(wordStart, at + length));
}

function wordFigures(f: string, taken: Draft[]): Draft[] {
  const drafts: Draft[] = [];
  const overlaps = (word: { start: number; end: number }) => (draft: Draft) =>
    draft.start < word.end && word.start < draft.end;
  for (const word of findWordNumbers(f)) {
    // "pour cent" and "pour mille" already belong to a figure's unit: "56 pour cent" as much as
    // "soixante-quatre pour cent", whose "cent" is a word run of its own.
    if (taken.some(overlaps(word)) || drafts.some(overlaps(word))) continue;
    if (word.times) {
      const withPeriod = withDenominators(f, word.end, TIMES);
      // "once" is a figure in "once a day", not in "once the treatment starts".
      if (word.value === 1 && withPeriod.end === word.end) continue;
      drafts.push({
        start: word.start,
        end: withPeriod.end,
        values: [word.value],
        unit: withPeriod.unit,
        article: true,
      });
      continue;
    }
    const draft = finishDraft(f, word.start, word.end, [word.value], unitAt(f, word.end));
    if (word.articleOnly) draft.needs = 'article';
    else if (
      word.needsUnit ||
      (word.value === 2 && BOTH.test(f.slice(Math.max(0, word.start - 8), word.start)))
    ) {
      draft.needs = 'unit';
    }
    drafts.push(draft);
  }
  return drafts;
}

/** "entre 35 et 49 ans", "1 ou 2 comprimés": the first figure takes the second one's unit. */
function shareUnits(f: string, drafts: Draft[]): void {
  for (let i = drafts.length - 2; i >= 0; i--) {
    const first = drafts[i] as Draft;
    const second = drafts[i + 1] as Draft;
    if (first.unit || first.literal !== undefined || !second.unit) continue;
    // SHARED_UNIT takes 5 characters at most (" and "): a longer gap needs no slice nor test.
    const gap = second.start - first.end;
    if (gap > 5 || !SHARED_UNIT.test(f.slice(first.end, second.start))) continue;
    first.unit = second.unit;
    first.article = second.article;
  }
}

function gappedRate(f: string, draft: Draft): { unit: Unit; end: number } | undefined {
  const unit = draft.unit;
  // Proportions take no period ("2 % des patients par an" is 2 %), nor does a unit that has one.
  if (!unit || unit.dim === 'proportion' || unit.dim.includes('/')) return undefined;
  const next = f.charCodeAt(draft.end + 1);
  const of =
    f.charCodeAt(draft.end) === SPACE && (next === D || next === O) ? lengthAt(OF_WHAT, f, draft.end) : -1;
  if (of === -1) return undefined;
  let at = draft.end + of;
  for (let words = 0; words < 2; words++) {
    const rate = withDenominators(f, at, unit);
    if (rate.end > at) return { unit: rate.unit, end: rate.end };
    const word = lengthAt(ONE_MORE_WORD, f, at);
    if (word === -1) return undefined;
    at += word;
  }
  return undefined;
}

function wordOrdinals(f: string): Draft[] {
  return findWordOrdinals(f).map((ordinal) => ({
    start: ordinal.start,
    end: ordinal.end,
    values: [ordinal.value],
    unit: ORDINAL_UNIT,
    article: false,
    supportOnly: true,
  }));
}
