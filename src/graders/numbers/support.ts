import type { Quantity } from './extract.js';

export interface SupportOptions {
  /** Relative difference allowed between an output figure and the source's (0: exact). */
  tolerance: number;
  /** A figure with a unit needs the same quantity in the source, unit included. */
  requireUnitMatch: boolean;
}

/**
 * Whether the source states the output's figure. A figure without a unit ("24 EHPAD") is
 * supported by the same value anywhere in the source; a figure with one ("500 mg") needs a
 * source figure of the same dimension and the same amount once converted ("0,5 g"), or the
 * same value bare in a sentence that writes that unit ("6,1 % (IC 95 % : 5,2-7,0)" supports
 * "5,2 %").
 */
export function isSupported(figure: Quantity, source: readonly Quantity[], options: SupportOptions): boolean {
  if (figure.literal !== undefined) return source.some((candidate) => candidate.literal === figure.literal);
  // Indexed: an iterator here cost an allocation per figure checked.
  for (let i = 0; i < source.length; i++) if (supports(source[i] as Quantity, figure, options)) return true;
  return false;
}

function supports(candidate: Quantity, figure: Quantity, options: SupportOptions): boolean {
  if (candidate.literal !== undefined) return false;
  // "12 services" is not supported by "12 mois": the output counts something else.
  if (figure.counted && candidate.unit !== null && options.requireUnitMatch) return false;
  const unit = figure.unit;
  const sameDimension = unit !== null && candidate.unit !== null && candidate.unit.dim === unit.dim;
  if (sameDimension && candidate.unit) {
    const converted = candidate.unit.factor;
    if (anyEqual(figure.values, candidate.values, unit.factor, converted, options.tolerance)) return true;
  }
  if (unit !== null && options.requireUnitMatch) {
    // "67 ans (IC 95 % : 64-70)": the bounds leave implied a unit their sentence writes.
    const implied = candidate.impliedUnits?.some((other) => other.label === unit.label) ?? false;
    if (!implied) return false;
  }
  return anyEqual(figure.values, candidate.values, 1, 1, options.tolerance);
}

/** Whether one of the values equals one of the others, within `tolerance`: a comparison by value alone. */
export function valuesMatch(ours: readonly number[], theirs: readonly number[], tolerance: number): boolean {
  return anyEqual(ours, theirs, 1, 1, tolerance);
}

function anyEqual(
  ours: readonly number[],
  theirs: readonly number[],
  ourFactor: number,
  theirFactor: number,
  tolerance: number,
): boolean {
  // Indexed loops rather than nested some() or for…of: this runs for each pair of figures, where
  // closures and iterators cost.
  for (let i = 0; i < ours.length; i++) {
    const a = (ours[i] as number) * ourFactor;
    for (let j = 0; j < theirs.length; j++)
      if (close(a, (theirs[j] as number) * theirFactor, tolerance)) return true;
  }
  return false;
}

function close(a: number, b: number, tolerance: number): boolean {
  if (a === b) return true;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  // Conversions multiply by factors such as 1e-3: allow for the float error that leaves.
  return Math.abs(a - b) <= Math.max(tolerance * Math.abs(b), 1e-9 * scale);
}
