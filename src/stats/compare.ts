import type { CaseResult } from '../run/types.js';
import { pairedBootstrapDelta } from './bootstrap.js';
import { clusteredPassRate } from './clustered.js';
import { minimalDetectableEffect } from './detectable-effect.js';
import { holmAdjust } from './holm.js';
import { mcnemarExact } from './mcnemar.js';
import { type Interval, quantileSorted } from './proportion.js';

export type Verdict = 'regression' | 'improvement' | 'no-change';

export interface CompareOptions {
  /** Significance level after Holm correction. */
  alpha: number;
  /** Smallest drop (0..1) that counts as a regression even when significant. */
  margin: number;
}

export const DEFAULT_COMPARE_OPTIONS: CompareOptions = { alpha: 0.05, margin: 0.02 };

interface CaseSummary {
  passes: number;
  judged: number;
  scores: Map<string, number[]>;
  costs: number[];
  latencies: number[];
}

interface GroupSide {
  suiteId: string;
  suiteVersion: string;
  fingerprint: string;
  model: string;
  servedModels: Set<string>;
  cases: Map<string, CaseSummary>;
}

export interface SideSummary {
  suiteVersion: string;
  servedModels: string[];
  passRate: number | undefined;
  interval: Interval | undefined;
  costPerCase: number | undefined;
  medianLatencyMs: number | undefined;
  p95LatencyMs: number | undefined;
}

export interface ComparisonRow {
  suiteId: string;
  model: string;
  /** Cases judged in both runs. */
  n: number;
  a: SideSummary;
  b: SideSummary;
  delta: number | undefined;
  newlyFailing: string[];
  newlyPassing: string[];
  pValue: number;
  pAdjusted: number;
  verdict: Verdict;
  /** The smallest change these n cases can be expected to reveal (80% power). */
  minimalDetectableEffect: number | undefined;
  graders: Array<{
    grader: string;
    meanA: number;
    meanB: number;
    delta: number;
    interval: Interval | undefined;
    n: number;
  }>;
}

export interface UnpairedGroup {
  suiteId: string;
  model: string;
  reason: string;
}

export interface Comparison {
  rows: ComparisonRow[];
  unpaired: UnpairedGroup[];
  options: CompareOptions;
}

/** Folds one run's results into per suite × model, per case summaries, streaming. */
export function summarizeSide(results: Iterable<CaseResult>): Map<string, GroupSide> {
  const groups = new Map<string, GroupSide>();
  for (const result of results) {
    const key = `${result.suiteId}\u0000${result.model}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        suiteId: result.suiteId,
        suiteVersion: result.suiteVersion,
        fingerprint: result.suiteFingerprint,
        model: result.model,
        servedModels: new Set(),
        cases: new Map(),
      };
      groups.set(key, group);
    }
    if (result.servedModel) group.servedModels.add(result.servedModel);
    let summary = group.cases.get(result.caseId);
    if (!summary) {
      summary = { passes: 0, judged: 0, scores: new Map(), costs: [], latencies: [] };
      group.cases.set(result.caseId, summary);
    }
    if (result.outcome === 'error') continue;
    summary.judged++;
    if (result.outcome === 'pass') summary.passes++;
    for (const grade of result.grades) {
      if (grade.skipped) continue;
      const list = summary.scores.get(grade.grader) ?? [];
      list.push(grade.score);
      summary.scores.set(grade.grader, list);
    }
    if (result.costUsd !== null) summary.costs.push(result.costUsd);
    if (result.latencyMs !== null && !result.cached) summary.latencies.push(result.latencyMs);
  }
  return groups;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function sideSummary(group: GroupSide, caseIds: readonly string[]): SideSummary {
  const cases = caseIds.map((id) => group.cases.get(id) as CaseSummary);
  const rate = clusteredPassRate(cases);
  const costs = cases.flatMap((c) => c.costs);
  const latencies = cases.flatMap((c) => c.latencies).sort((x, y) => x - y);
  return {
    suiteVersion: group.suiteVersion,
    servedModels: [...group.servedModels].sort(),
    passRate: rate?.rate,
    interval: rate?.interval,
    costPerCase: costs.length > 0 ? costs.reduce((x, y) => x + y, 0) / caseIds.length : undefined,
    medianLatencyMs: quantileSorted(latencies, 0.5),
    p95LatencyMs: quantileSorted(latencies, 0.95),
  };
}

/** A case passes overall when most of its judged repeats passed. */
const casePasses = (c: CaseSummary) => c.passes * 2 > c.judged;

/**
 * Pairs two runs case by case for every suite × model they share with the same fingerprint, and
 * decides per pair: a regression must be significant after Holm correction across all pairs AND
 * larger than the margin, so a trivial change on a huge suite does not block a release.
 */
export function compareRuns(
  aResults: Iterable<CaseResult>,
  bResults: Iterable<CaseResult>,
  options: CompareOptions = DEFAULT_COMPARE_OPTIONS,
): Comparison {
  const a = summarizeSide(aResults);
  const b = summarizeSide(bResults);
  const unpaired: UnpairedGroup[] = [];
  const drafts: Array<Omit<ComparisonRow, 'pAdjusted' | 'verdict'>> = [];
  for (const [key, left] of a) {
    const right = b.get(key);
    if (!right) {
      unpaired.push({ suiteId: left.suiteId, model: left.model, reason: 'only in the first run' });
      continue;
    }
    if (left.fingerprint !== right.fingerprint) {
      unpaired.push({
        suiteId: left.suiteId,
        model: left.model,
        reason: `suite content differs (version ${left.suiteVersion} vs ${right.suiteVersion}): results are not comparable`,
      });
      continue;
    }
    const shared = [...left.cases.keys()]
      .filter((id) => (left.cases.get(id)?.judged ?? 0) > 0 && (right.cases.get(id)?.judged ?? 0) > 0)
      .sort();
    const newlyFailing: string[] = [];
    const newlyPassing: string[] = [];
    for (const id of shared) {
      const before = casePasses(left.cases.get(id) as CaseSummary);
      const after = casePasses(right.cases.get(id) as CaseSummary);
      if (before && !after) newlyFailing.push(id);
      if (!before && after) newlyPassing.push(id);
    }
    const sideA = sideSummary(left, shared);
    const sideB = sideSummary(right, shared);
    const graderNames = new Set<string>();
    for (const id of shared)
      for (const name of left.cases.get(id)?.scores.keys() ?? []) graderNames.add(name);
    const graders = [...graderNames].sort().flatMap((grader) => {
      const pairs: Array<[number, number]> = [];
      for (const id of shared) {
        const x = left.cases.get(id)?.scores.get(grader);
        const y = right.cases.get(id)?.scores.get(grader);
        if (x && y && x.length > 0 && y.length > 0) pairs.push([mean(x), mean(y)]);
      }
      if (pairs.length === 0) return [];
      const delta = pairedBootstrapDelta(pairs);
      return [
        {
          grader,
          meanA: mean(pairs.map((p) => p[0])),
          meanB: mean(pairs.map((p) => p[1])),
          delta: delta?.mean ?? 0,
          interval: delta?.interval,
          n: pairs.length,
        },
      ];
    });
    drafts.push({
      suiteId: left.suiteId,
      model: left.model,
      n: shared.length,
      a: sideA,
      b: sideB,
      delta:
        sideA.passRate !== undefined && sideB.passRate !== undefined
          ? sideB.passRate - sideA.passRate
          : undefined,
      newlyFailing,
      newlyPassing,
      pValue: mcnemarExact(newlyFailing.length, newlyPassing.length),
      minimalDetectableEffect: minimalDetectableEffect(shared.length, sideA.passRate ?? 0.5, options.alpha),
      graders,
    });
  }
  for (const [key, right] of b) {
    if (!a.has(key))
      unpaired.push({ suiteId: right.suiteId, model: right.model, reason: 'only in the second run' });
  }
  const adjusted = holmAdjust(drafts.map((d) => d.pValue));
  const rows = drafts.map((draft, i): ComparisonRow => {
    const pAdjusted = adjusted[i] as number;
    const significant = pAdjusted < options.alpha;
    const delta = draft.delta ?? 0;
    const verdict: Verdict =
      significant && delta <= -options.margin
        ? 'regression'
        : significant && delta >= options.margin
          ? 'improvement'
          : 'no-change';
    return { ...draft, pAdjusted, verdict };
  });
  return { rows, unpaired, options };
}
