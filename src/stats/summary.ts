import type { GroupCounts } from '../store/types.js';
import type { Thresholds } from '../suite/types.js';
import { clusteredPassRate } from './clustered.js';
import type { GraderScore } from './grader-scores.js';
import { type Interval, quantileSorted, wilsonInterval } from './proportion.js';

export interface Gate {
  name: 'minPassRate' | 'maxPiiLeaks' | 'maxErrorRate';
  limit: number;
  actual: number;
  passed: boolean;
}

export interface SummaryRow {
  suiteId: string;
  suiteVersion: string;
  model: string;
  servedModels: string[];
  /** Cases the model answered and the graders judged: the denominator of the pass rate. */
  judged: number;
  pass: number;
  fail: number;
  error: number;
  passRate: number | undefined;
  interval: Interval | undefined;
  piiLeaks: number;
  skippedGrades: number;
  cached: number;
  costUsd: number;
  unknownCost: number;
  judgeCostUsd: number;
  medianLatencyMs: number | undefined;
  p95LatencyMs: number | undefined;
  /** Answers per case (repeats); above 1 the interval is cluster-robust. */
  effectiveN: number | undefined;
  graders: GraderScore[];
  gates: Gate[];
}

/** Errors are left out of the pass rate: an outage is not a model failure. */
export function summarize(
  groups: GroupCounts[],
  thresholdsBySuite: ReadonlyMap<string, Thresholds>,
  detail: {
    /** Per case tallies, for intervals that respect repeats. */
    cases?: ReadonlyArray<{ suiteId: string; model: string; passes: number; judged: number }>;
    graders?: ReadonlyMap<string, GraderScore[]>;
  } = {},
): SummaryRow[] {
  return groups.map((group) => {
    const judged = group.pass + group.fail;
    const passRate = judged === 0 ? undefined : group.pass / judged;
    const cases = detail.cases?.filter((c) => c.suiteId === group.suiteId && c.model === group.model);
    const clustered = cases && cases.length > 0 ? clusteredPassRate(cases) : undefined;
    const thresholds = thresholdsBySuite.get(group.suiteId) ?? {};
    const gates: Gate[] = [];
    if (thresholds.minPassRate !== undefined) {
      gates.push({
        name: 'minPassRate',
        limit: thresholds.minPassRate,
        actual: passRate ?? 0,
        passed: passRate !== undefined && passRate >= thresholds.minPassRate,
      });
    }
    if (thresholds.maxPiiLeaks !== undefined) {
      gates.push({
        name: 'maxPiiLeaks',
        limit: thresholds.maxPiiLeaks,
        actual: group.piiLeaks,
        passed: group.piiLeaks <= thresholds.maxPiiLeaks,
      });
    }
    if (thresholds.maxErrorRate !== undefined) {
      const errorRate = group.n === 0 ? 0 : group.error / group.n;
      gates.push({
        name: 'maxErrorRate',
        limit: thresholds.maxErrorRate,
        actual: errorRate,
        passed: errorRate <= thresholds.maxErrorRate,
      });
    }
    return {
      suiteId: group.suiteId,
      suiteVersion: group.suiteVersion,
      model: group.model,
      servedModels: group.servedModels,
      judged,
      pass: group.pass,
      fail: group.fail,
      error: group.error,
      passRate,
      interval: judged === 0 ? undefined : (clustered?.interval ?? wilsonInterval(group.pass, judged)),
      effectiveN: clustered?.effectiveN ?? (judged === 0 ? undefined : judged),
      graders: detail.graders?.get(`${group.suiteId}\u0000${group.model}`) ?? [],
      piiLeaks: group.piiLeaks,
      skippedGrades: group.skippedGrades,
      cached: group.cached,
      costUsd: group.costUsd,
      unknownCost: group.unknownCost,
      judgeCostUsd: group.judgeCostUsd,
      medianLatencyMs: quantileSorted(group.latenciesMs, 0.5),
      p95LatencyMs: quantileSorted(group.latenciesMs, 0.95),
      gates,
    };
  });
}

export function allGatesPassed(rows: SummaryRow[]): boolean {
  return rows.every((row) => row.gates.every((gate) => gate.passed));
}
