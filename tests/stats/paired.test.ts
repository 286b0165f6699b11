import { describe, expect, it } from 'vitest';
import {
  bootstrapMean,
  clusterBootstrapMean,
  NORMAL_FROM_CLUSTERS,
  pairedBootstrapDelta,
  seededRandom,
} from '../../src/stats/bootstrap.js';
import { clusteredPassRate } from '../../src/stats/clustered.js';
import { minimalDetectableEffect } from '../../src/stats/detectable-effect.js';
import { holmAdjust } from '../../src/stats/holm.js';
import { mcnemarExact } from '../../src/stats/mcnemar.js';
import { wilsonInterval } from '../../src/stats/proportion.js';

/** Binomial tail written independently of the library: exact sums of C(n, i) / 2^n with BigInt. */
function exactTwoSided(b: number, c: number): number {
  const n = b + c;
  const k = Math.min(b, c);
  let coefficient = 1n;
  let tail = 0n;
  for (let i = 0; i <= k; i++) {
    if (i > 0) coefficient = (coefficient * BigInt(n - i + 1)) / BigInt(i);
    tail += coefficient;
  }
  return Math.min(1, (2 * Number(tail)) / 2 ** n);
}

describe('mcnemarExact', () => {
  it('matches the worked value for 10 discordant pairs one way and 2 the other', () => {
    // 2 × (C(12,0) + C(12,1) + C(12,2)) / 2^12 = 2 × 79 / 4096
    // jStat rounds its binomial CDF to about 1e-10, far below what a decision needs.
    expect(mcnemarExact(10, 2)).toBeCloseTo(158 / 4096, 9);
  });
  it.each([
    [0, 0],
    [1, 0],
    [5, 5],
    [7, 1],
    [20, 9],
    [0, 12],
    [33, 17],
  ])('agrees with an exact BigInt computation for b=%i, c=%i', (b, c) => {
    expect(mcnemarExact(b, c)).toBeCloseTo(exactTwoSided(b, c), 9);
  });
  it('is symmetric and 1 when nothing changed', () => {
    expect(mcnemarExact(3, 9)).toBe(mcnemarExact(9, 3));
    expect(mcnemarExact(0, 0)).toBe(1);
  });
});

describe('holmAdjust', () => {
  it("matches R's p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), 'holm')", () => {
    const adjusted = holmAdjust([0.01, 0.02, 0.03, 0.04, 0.05]);
    for (const [i, value] of [0.05, 0.08, 0.09, 0.09, 0.09].entries())
      expect(adjusted[i]).toBeCloseTo(value, 12);
  });
  it('keeps the input order and stays monotone', () => {
    const adjusted = holmAdjust([0.04, 0.005, 0.03, 0.01]);
    for (const [i, value] of [0.06, 0.02, 0.06, 0.03].entries()) expect(adjusted[i]).toBeCloseTo(value, 12);
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });
});

describe('bootstrap', () => {
  it('is reproducible for a seed', () => {
    const values = Array.from({ length: 40 }, (_, i) => (i * 7) % 11);
    expect(bootstrapMean(values, { seed: 3 })).toEqual(bootstrapMean(values, { seed: 3 }));
    const a = seededRandom(1);
    const b = seededRandom(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
  it('brackets the mean, and collapses for a constant sample', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i % 10) / 10);
    const result = bootstrapMean(values);
    expect(result?.mean).toBeCloseTo(0.45, 12);
    expect(result?.interval.low).toBeLessThan(0.45);
    expect(result?.interval.high).toBeGreaterThan(0.45);
    // The standard error of this sample is about 0.0203: the 95% interval is about ±0.04.
    expect((result?.interval.high ?? 0) - (result?.interval.low ?? 0)).toBeGreaterThan(0.06);
    expect((result?.interval.high ?? 0) - (result?.interval.low ?? 0)).toBeLessThan(0.1);
    const constant = bootstrapMean([0.7, 0.7, 0.7])?.interval;
    expect(constant?.low).toBeCloseTo(0.7, 12);
    expect(constant?.high).toBeCloseTo(0.7, 12);
  });
  it('widens when repeats of one case are clustered', () => {
    // 20 cases, each answered 5 times identically: really 20 observations, not 100.
    const clusters = Array.from({ length: 20 }, (_, i) => Array<number>(5).fill(i % 2));
    const clustered = clusterBootstrapMean(clusters);
    const naive = bootstrapMean(clusters.flat());
    const width = (r: typeof naive) => (r?.interval.high ?? 0) - (r?.interval.low ?? 0);
    expect(width(clustered)).toBeGreaterThan(1.8 * width(naive));
  });
  it('past NORMAL_FROM_CLUSTERS, gives the normal interval, within 0.002 of the bootstrap', () => {
    const random = seededRandom(7);
    const shapes: Record<string, () => number[]> = {
      'pass/fail at 50%': () => [random() < 0.5 ? 1 : 0],
      'pass/fail at 99%': () => [random() < 0.99 ? 1 : 0],
      'skewed scores': () => [random() ** 6],
      'correlated repeats': () => {
        const p = random() < 0.3 ? 0.2 : 0.9;
        return [0, 1, 2].map(() => (random() < p ? 1 : 0));
      },
      'uneven cluster sizes': () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => random()),
    };
    for (const [shape, draw] of Object.entries(shapes)) {
      const clusters = Array.from({ length: NORMAL_FROM_CLUSTERS }, draw);
      const normal = clusterBootstrapMean(clusters);
      const bootstrap = clusterBootstrapMean(clusters, { normalFromClusters: Number.POSITIVE_INFINITY });
      expect(normal?.mean, shape).toBeCloseTo(bootstrap?.mean ?? Number.NaN, 12);
      expect(normal?.interval.low, shape).not.toBe(bootstrap?.interval.low);
      expect(Math.abs((normal?.interval.low ?? 0) - (bootstrap?.interval.low ?? 0)), shape).toBeLessThan(
        0.002,
      );
      expect(Math.abs((normal?.interval.high ?? 0) - (bootstrap?.interval.high ?? 0)), shape).toBeLessThan(
        0.002,
      );
    }
    // Like a percentile bootstrap, it never leaves the range of the cluster means.
    const allPass = clusterBootstrapMean(Array.from({ length: NORMAL_FROM_CLUSTERS }, () => [1]));
    expect(allPass?.interval).toEqual({ low: 1, high: 1 });
    const oneFails = clusterBootstrapMean(
      Array.from({ length: NORMAL_FROM_CLUSTERS }, (_, i) => [i === 0 ? 0 : 1]),
    );
    expect(oneFails?.interval.high).toBe(1);
  });
  it('gives a paired delta', () => {
    const pairs = Array.from({ length: 50 }, (_, i) => [i % 2, 1] as const);
    const delta = pairedBootstrapDelta(pairs);
    expect(delta?.mean).toBeCloseTo(0.5, 12);
    expect(delta?.interval.low).toBeGreaterThan(0.3);
  });
});

describe('clusteredPassRate', () => {
  it('is the plain Wilson interval without repeats', () => {
    const cases = Array.from({ length: 20 }, (_, i) => ({ passes: i < 15 ? 1 : 0, judged: 1 }));
    expect(clusteredPassRate(cases)?.interval).toEqual(wilsonInterval(15, 20));
  });
  it('counts perfectly correlated repeats as one observation per case', () => {
    const cases = Array.from({ length: 20 }, (_, i) => ({ passes: i < 15 ? 3 : 0, judged: 3 }));
    const result = clusteredPassRate(cases);
    expect(result?.effectiveN).toBe(20);
    const width = (result?.interval.high ?? 0) - (result?.interval.low ?? 0);
    const naive = wilsonInterval(45, 60);
    expect(width).toBeGreaterThan(naive.high - naive.low);
  });
  it('counts independent-looking repeats close to every answer', () => {
    // Each case passes 2 of 4 repeats: all variation is within cases.
    const cases = Array.from({ length: 30 }, () => ({ passes: 2, judged: 4 }));
    expect(clusteredPassRate(cases)?.effectiveN).toBe(120);
  });
});

describe('minimalDetectableEffect', () => {
  it('matches the textbook two-proportion formula at p = 0.5, n = 100', () => {
    // (1.959964 + 0.841621) × √(0.5 / 100) = 0.19810
    expect(minimalDetectableEffect(100, 0.5)).toBeCloseTo(0.1981, 4);
  });
  it('shrinks with more cases, and is undefined without any', () => {
    expect(minimalDetectableEffect(1000, 0.8) ?? 1).toBeLessThan(minimalDetectableEffect(100, 0.8) ?? 0);
    expect(minimalDetectableEffect(0, 0.5)).toBeUndefined();
    expect(minimalDetectableEffect(30, 1)).toBeGreaterThan(0);
  });
});
