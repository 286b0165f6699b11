import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/run/types.js';
import { graderScores } from '../../src/stats/grader-scores.js';
import { wilsonInterval } from '../../src/stats/proportion.js';
import { allGatesPassed, summarize } from '../../src/stats/summary.js';
import type { GroupCounts } from '../../src/store/types.js';

const group = (overrides: Partial<GroupCounts> = {}): GroupCounts => ({
  suiteId: 's',
  suiteVersion: '1.0.0',
  model: 'm',
  n: 12,
  pass: 8,
  fail: 2,
  error: 2,
  piiLeaks: 1,
  skippedGrades: 0,
  cached: 0,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  unknownCost: 0,
  judgeCostUsd: 0,
  latenciesMs: [10, 20, 30],
  servedModels: [],
  ...overrides,
});

describe('summarize', () => {
  it('leaves errors out of the pass rate and checks every gate', () => {
    const [row] = summarize(
      [group()],
      new Map([['s', { minPassRate: 0.75, maxPiiLeaks: 0, maxErrorRate: 0.2 }]]),
    );
    expect(row?.passRate).toBe(0.8);
    expect(row?.interval).toEqual(wilsonInterval(8, 10));
    expect(row?.gates).toEqual([
      { name: 'minPassRate', limit: 0.75, actual: 0.8, passed: true },
      { name: 'maxPiiLeaks', limit: 0, actual: 1, passed: false },
      { name: 'maxErrorRate', limit: 0.2, actual: 2 / 12, passed: true },
    ]);
    expect(allGatesPassed(row ? [row] : [])).toBe(false);
    expect(row?.medianLatencyMs).toBe(20);
  });

  it('widens the interval when repeats of a case agree', () => {
    const cases = Array.from({ length: 5 }, (_, i) => ({
      suiteId: 's',
      model: 'm',
      passes: i < 4 ? 2 : 0,
      judged: 2,
    }));
    const [row] = summarize([group({ pass: 8, fail: 2, error: 0, n: 10 })], new Map(), { cases });
    const naive = wilsonInterval(8, 10);
    expect((row?.interval?.high ?? 0) - (row?.interval?.low ?? 0)).toBeGreaterThan(naive.high - naive.low);
    expect(row?.effectiveN).toBe(5);
  });
});

describe('graderScores', () => {
  it('means per grader with a reproducible interval, skipped grades left out', () => {
    const results = Array.from({ length: 20 }, (_, i) => ({
      suiteId: 's',
      model: 'm',
      caseId: `c${i}`,
      grades: [
        { grader: 'facts', type: 'contains', pass: i % 4 !== 0, score: i % 4 === 0 ? 0.5 : 1, reason: '' },
        { grader: 'judge', type: 'judge.factuality', pass: false, score: 0, reason: '', skipped: true },
      ],
    })) as unknown as CaseResult[];
    const first = graderScores(results).get('s\u0000m');
    expect(first).toHaveLength(1);
    expect(first?.[0]).toMatchObject({ grader: 'facts', n: 20, passRate: 0.75 });
    expect(first?.[0]?.meanScore).toBeCloseTo(0.875, 12);
    expect(graderScores(results).get('s\u0000m')?.[0]?.interval).toEqual(first?.[0]?.interval);
  });
});
