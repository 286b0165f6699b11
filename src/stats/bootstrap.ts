import type { Interval } from './proportion.js';

/** mulberry32: small, fast and good enough for resampling; seeded so reports are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BootstrapOptions {
  resamples?: number;
  confidence?: number;
  seed?: number;
}

function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const lowValue = sorted[low] as number;
  return lowValue + ((sorted[high] as number) - lowValue) * (position - low);
}

/**
 * Percentile bootstrap of a mean over clusters: each resample draws whole clusters (a case with
 * all its repeats), so repeats of one case are never counted as independent evidence.
 */
export function clusterBootstrapMean(
  clusters: readonly (readonly number[])[],
  options: BootstrapOptions = {},
): { mean: number; interval: Interval } | undefined {
  const nonEmpty = clusters.filter((c) => c.length > 0);
  if (nonEmpty.length === 0) return undefined;
  const k = nonEmpty.length;
  // Typed arrays and the generator inlined: a 100,000-case run draws 200 million clusters here.
  const sums = Float64Array.from(nonEmpty, (c) => c.reduce((a, b) => a + b, 0));
  const sizes = Float64Array.from(nonEmpty, (c) => c.length);
  const total = sums.reduce((a, b) => a + b, 0);
  const count = sizes.reduce((a, b) => a + b, 0);
  const resamples = options.resamples ?? 2000;
  const means = new Float64Array(resamples);
  // The same sequence as seededRandom(seed), so intervals stay as they were.
  let state = (options.seed ?? 20_261_129) >>> 0;
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    let n = 0;
    for (let i = 0; i < k; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const pick = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * k);
      sum += sums[pick] as number;
      n += sizes[pick] as number;
    }
    means[r] = sum / n;
  }
  means.sort();
  const alpha = 1 - (options.confidence ?? 0.95);
  return {
    mean: total / count,
    interval: { low: percentile(means, alpha / 2), high: percentile(means, 1 - alpha / 2) },
  };
}

/** Mean of independent values with a percentile bootstrap interval. */
export function bootstrapMean(values: readonly number[], options: BootstrapOptions = {}) {
  return clusterBootstrapMean(
    values.map((v) => [v]),
    options,
  );
}

/** Paired bootstrap of the mean difference b − a over the same units. */
export function pairedBootstrapDelta(
  pairs: ReadonlyArray<readonly [number, number]>,
  options: BootstrapOptions = {},
) {
  return bootstrapMean(
    pairs.map(([a, b]) => b - a),
    options,
  );
}
