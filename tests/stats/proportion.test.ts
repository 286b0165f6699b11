import { describe, expect, it } from 'vitest';
import { quantileSorted, wilsonInterval } from '../../src/stats/proportion.js';

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", table I,
  // method 3 (score interval without continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i gives [%f, %f]', (successes, n, low, high) => {
    const interval = wilsonInterval(successes, n);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('is symmetric: n/n mirrors 0/n', () => {
    const none = wilsonInterval(0, 10);
    const all = wilsonInterval(10, 10);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(1 - none.high, 12);
  });

  it('gives the whole range when there is no data', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('narrows as the confidence level drops', () => {
    const wide = wilsonInterval(30, 60, 0.99);
    const narrow = wilsonInterval(30, 60, 0.9);
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
  });
});

describe('quantileSorted', () => {
  it('takes the nearest rank', () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(quantileSorted(values, 0.5)).toBe(50);
    expect(quantileSorted(values, 0.95)).toBe(100);
    expect(quantileSorted([7], 0.95)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeUndefined();
  });
});
