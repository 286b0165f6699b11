import { intendedCatches } from '../graders/registry.js';
import type { CaseResult } from '../run/types.js';
import { type Interval, wilsonInterval } from './proportion.js';

export const REFERENCE_MODEL = 'builtin:reference';
export const MUTANT_MODEL = 'builtin:mutant';

export interface Rate {
  n: number;
  k: number;
  rate: number | undefined;
  interval: Interval | undefined;
}

function rate(k: number, n: number): Rate {
  return { n, k, rate: n === 0 ? undefined : k / n, interval: n === 0 ? undefined : wilsonInterval(k, n) };
}

export interface GraderCalibration {
  suiteId: string;
  grader: string;
  type: string;
  /** References this grader failed: false alarms. */
  falseAlarms: Rate;
  /** Mutants of any kind this grader failed. */
  caughtAny: Rate;
  /** Mutants of the kinds this grader exists for that it failed: its recall. */
  intended: Rate & { mutations: readonly string[] };
}

export interface MutationCalibration {
  suiteId: string;
  mutation: string;
  /** Mutants of this kind whose case failed (some grader caught it). */
  caught: Rate;
  caughtBy: Record<string, number>;
}

export interface CalibrationReport {
  runId: string;
  graders: GraderCalibration[];
  mutations: MutationCalibration[];
  /** Kinds of defect no grader of the suite caught even once. */
  blindSpots: Array<{ suiteId: string; mutation: string; n: number }>;
  /** References that fail their own suite: the suite (or a grader) is broken. */
  brokenReferences: Array<{ suiteId: string; caseId: string; repeat: number; failing: string[] }>;
  references: Rate;
  mutants: Rate;
}

interface Tally {
  suiteId: string;
  grader: string;
  type: string;
  refN: number;
  refFail: number;
  mutN: number;
  mutFail: number;
  intendedN: number;
  intendedFail: number;
}

/**
 * Reads a calibration run (references and mutants of the same suites) result by result, so it
 * holds counts, never the results themselves.
 */
export function calibrate(runId: string, results: Iterable<CaseResult>): CalibrationReport {
  const tallies = new Map<string, Tally>();
  const mutations = new Map<
    string,
    { suiteId: string; mutation: string; n: number; caught: number; caughtBy: Record<string, number> }
  >();
  const broken: CalibrationReport['brokenReferences'] = [];
  let refN = 0;
  let refFail = 0;
  let mutN = 0;
  let mutCaught = 0;

  for (const result of results) {
    if (result.outcome === 'error') continue;
    const isReference = result.model === REFERENCE_MODEL;
    const isMutant = result.model === MUTANT_MODEL && result.mutation !== null && result.mutation !== 'none';
    if (!isReference && !isMutant) continue;
    const failing = result.grades.filter((g) => !g.skipped && !g.pass).map((g) => g.grader);
    if (isReference) {
      refN++;
      if (result.outcome === 'fail') {
        refFail++;
        broken.push({ suiteId: result.suiteId, caseId: result.caseId, repeat: result.repeat, failing });
      }
    } else {
      mutN++;
      if (result.outcome === 'fail') mutCaught++;
      const key = `${result.suiteId}\u0000${result.mutation}`;
      const entry = mutations.get(key) ?? {
        suiteId: result.suiteId,
        mutation: result.mutation as string,
        n: 0,
        caught: 0,
        caughtBy: {},
      };
      entry.n++;
      if (result.outcome === 'fail') entry.caught++;
      for (const grader of failing) entry.caughtBy[grader] = (entry.caughtBy[grader] ?? 0) + 1;
      mutations.set(key, entry);
    }
    for (const grade of result.grades) {
      if (grade.skipped) continue;
      const key = `${result.suiteId}\u0000${grade.grader}`;
      const tally = tallies.get(key) ?? {
        suiteId: result.suiteId,
        grader: grade.grader,
        type: grade.type,
        refN: 0,
        refFail: 0,
        mutN: 0,
        mutFail: 0,
        intendedN: 0,
        intendedFail: 0,
      };
      if (isReference) {
        tally.refN++;
        if (!grade.pass) tally.refFail++;
      } else {
        tally.mutN++;
        if (!grade.pass) tally.mutFail++;
        if (intendedCatches(grade.type).includes(result.mutation as never)) {
          tally.intendedN++;
          if (!grade.pass) tally.intendedFail++;
        }
      }
      tallies.set(key, tally);
    }
  }

  const mutationRows = [...mutations.values()]
    .sort((a, b) => a.suiteId.localeCompare(b.suiteId) || a.mutation.localeCompare(b.mutation))
    .map((m) => ({
      suiteId: m.suiteId,
      mutation: m.mutation,
      caught: rate(m.caught, m.n),
      caughtBy: m.caughtBy,
    }));
  return {
    runId,
    graders: [...tallies.values()]
      .sort((a, b) => a.suiteId.localeCompare(b.suiteId) || a.grader.localeCompare(b.grader))
      .map((t) => ({
        suiteId: t.suiteId,
        grader: t.grader,
        type: t.type,
        falseAlarms: rate(t.refFail, t.refN),
        caughtAny: rate(t.mutFail, t.mutN),
        intended: { ...rate(t.intendedFail, t.intendedN), mutations: intendedCatches(t.type) },
      })),
    mutations: mutationRows,
    blindSpots: mutationRows
      .filter((m) => m.caught.k === 0)
      .map((m) => ({ suiteId: m.suiteId, mutation: m.mutation, n: m.caught.n })),
    brokenReferences: broken,
    references: rate(refFail, refN),
    mutants: rate(mutCaught, mutN),
  };
}
