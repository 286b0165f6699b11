import jstat from 'jstat';

const { jStat } = jstat;

/**
 * The smallest change in pass rate a comparison of n cases can be expected to detect, at the
 * given significance and power: δ = (z₁₋α/₂ + z₁₋β) · √(2·p(1−p)/n), the normal approximation
 * for two proportions. Conservative for paired runs (pairing only helps), which is what a
 * report needs to say "too few cases to see a change of less than N points".
 */
export function minimalDetectableEffect(
  n: number,
  baseRate: number,
  alpha = 0.05,
  power = 0.8,
): number | undefined {
  if (n <= 0) return undefined;
  // A rate of 0 or 1 has no variance; use the variance of a rate one case away from it.
  const p = Math.min(Math.max(baseRate, 1 / (2 * n)), 1 - 1 / (2 * n));
  const z = jStat.normal.inv(1 - alpha / 2, 0, 1) + jStat.normal.inv(power, 0, 1);
  return Math.min(1, z * Math.sqrt((2 * p * (1 - p)) / n));
}
