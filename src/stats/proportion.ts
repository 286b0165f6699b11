import jstat from 'jstat';

const { jStat } = jstat;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a binomial proportion: unlike the normal approximation it stays
 * inside [0, 1] and behaves at 0/n and n/n, which small health suites hit all the time.
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval {
  if (n === 0) return { low: 0, high: 1 };
  const z = jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Nearest-rank quantile of an ascending list; undefined for an empty list. */
export function quantileSorted(sorted: readonly number[], q: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
