import type { CaseResult } from '../run/types.js';
import { clusterBootstrapMean } from './bootstrap.js';
import type { Interval } from './proportion.js';

export interface GraderScore {
  grader: string;
  type: string;
  /** Judged answers (skipped grades left out). */
  n: number;
  meanScore: number;
  interval: Interval | undefined;
  passRate: number;
}

/**
 * Mean score of each grader per suite × model, with a seeded case-level bootstrap interval, so
 * the repeats of one case move together. Streams the results; holds one number per grade.
 */
export function graderScores(results: Iterable<CaseResult>): Map<string, GraderScore[]> {
  const tally = new GraderScoreTally();
  for (const result of results) tally.add(result);
  return tally.summary();
}

/**
 * graderScores fed one result at a time, for a caller that already reads every result for
 * something else (writing results.json) and would otherwise read them all a second time.
 */
export class GraderScoreTally {
  private readonly groups = new Map<
    string,
    Map<string, { type: string; byCase: Map<string, number[]>; passes: number; n: number }>
  >();

  add(result: CaseResult): void {
    const key = `${result.suiteId}\u0000${result.model}`;
    let graders = this.groups.get(key);
    if (!graders) {
      graders = new Map();
      this.groups.set(key, graders);
    }
    for (const grade of result.grades) {
      if (grade.skipped) continue;
      let entry = graders.get(grade.grader);
      if (!entry) {
        entry = { type: grade.type, byCase: new Map(), passes: 0, n: 0 };
        graders.set(grade.grader, entry);
      }
      const scores = entry.byCase.get(result.caseId);
      if (scores) scores.push(grade.score);
      else entry.byCase.set(result.caseId, [grade.score]);
      entry.n++;
      if (grade.pass) entry.passes++;
    }
  }

  summary(): Map<string, GraderScore[]> {
    const summary = new Map<string, GraderScore[]>();
    for (const [key, graders] of this.groups) {
      summary.set(
        key,
        [...graders.entries()].map(([grader, entry]) => {
          const bootstrap = clusterBootstrapMean([...entry.byCase.values()]);
          return {
            grader,
            type: entry.type,
            n: entry.n,
            meanScore: bootstrap?.mean ?? 0,
            interval: bootstrap?.interval,
            passRate: entry.n === 0 ? 0 : entry.passes / entry.n,
          };
        }),
      );
    }
    return summary;
  }
}
