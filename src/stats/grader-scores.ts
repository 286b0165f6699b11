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
  const groups = new Map<
    string,
    Map<string, { type: string; byCase: Map<string, number[]>; passes: number; n: number }>
  >();
  for (const result of results) {
    const key = `${result.suiteId}\u0000${result.model}`;
    let graders = groups.get(key);
    if (!graders) {
      graders = new Map();
      groups.set(key, graders);
    }
    for (const grade of result.grades) {
      if (grade.skipped) continue;
      let entry = graders.get(grade.grader);
      if (!entry) {
        entry = { type: grade.type, byCase: new Map(), passes: 0, n: 0 };
        graders.set(grade.grader, entry);
      }
      const scores = entry.byCase.get(result.caseId) ?? [];
      scores.push(grade.score);
      entry.byCase.set(result.caseId, scores);
      entry.n++;
      if (grade.pass) entry.passes++;
    }
  }
  const summary = new Map<string, GraderScore[]>();
  for (const [key, graders] of groups) {
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
