import jstat from 'jstat';

const { jStat } = jstat;

/**
 * Exact McNemar test: under "no change", each discordant pair (a case that passed in one run and
 * failed in the other) is equally likely to go either way, so the smaller count is binomial with
 * p = 1/2. Two-sided p-value, capped at 1.
 */
export function mcnemarExact(newlyFailing: number, newlyPassing: number): number {
  const discordant = newlyFailing + newlyPassing;
  if (discordant === 0) return 1;
  const smaller = Math.min(newlyFailing, newlyPassing);
  return Math.min(1, 2 * jStat.binomial.cdf(smaller, discordant, 0.5));
}
