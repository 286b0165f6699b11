import { type Interval, wilsonInterval } from './proportion.js';

/** One case: how many of its repeats passed, out of how many were judged. */
export interface CaseTally {
  passes: number;
  judged: number;
}

/**
 * A pass rate whose interval accounts for repeats of one case being correlated: the
 * cluster-robust (sandwich) variance gives an effective sample size, between the number of cases
 * and the number of answers, and the Wilson interval is taken at that size.
 */
export function clusteredPassRate(
  cases: readonly CaseTally[],
  confidence = 0.95,
): { rate: number; interval: Interval; effectiveN: number } | undefined {
  const judgedCases = cases.filter((c) => c.judged > 0);
  const total = judgedCases.reduce((sum, c) => sum + c.judged, 0);
  if (total === 0) return undefined;
  const passes = judgedCases.reduce((sum, c) => sum + c.passes, 0);
  const rate = passes / total;
  const everyCaseOnce = judgedCases.every((c) => c.judged === 1);
  if (everyCaseOnce || rate === 0 || rate === 1) {
    // Nothing to correct: no repeats, or no variance within or between cases to estimate.
    const n = everyCaseOnce ? total : judgedCases.length;
    return { rate, interval: wilsonInterval(Math.round(rate * n), n, confidence), effectiveN: n };
  }
  const k = judgedCases.length;
  // Sandwich variance with the usual small-sample factor k/(k−1).
  const sumSquares = judgedCases.reduce((sum, c) => sum + (c.passes - rate * c.judged) ** 2, 0);
  const variance = (k / Math.max(1, k - 1)) * (sumSquares / (total * total));
  const effectiveN = Math.min(total, Math.max(k, variance > 0 ? (rate * (1 - rate)) / variance : total));
  return { rate, interval: wilsonInterval(rate * effectiveN, effectiveN, confidence), effectiveN };
}
