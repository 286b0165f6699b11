import type { Provider } from '../providers/types.js';
import type { Case, Suite } from '../suite/types.js';
import { resultKey } from './types.js';

export interface Job {
  suite: Suite;
  testCase: Case;
  provider: Provider;
  repeat: number;
  key: string;
}

export interface PlanOptions {
  /** Overrides every suite's own `repeats`. */
  repeats?: number;
}

export function repeatsFor(suite: Suite, options: PlanOptions): number {
  return options.repeats ?? suite.repeats;
}

export function plannedCount(suites: Suite[], providers: Provider[], options: PlanOptions = {}): number {
  return suites.reduce(
    (sum, suite) => sum + suite.cases.length * repeatsFor(suite, options) * providers.length,
    0,
  );
}

/**
 * Suite × repeat × case × model, generated lazily so a large plan never sits in memory. Repeat is
 * the outer loop within a suite: a run cut short still covers every case once. The models take
 * turns case by case, so that each model's endpoint has work near the head of the plan and the
 * models are asked side by side, whatever their own concurrency limits (see executeJobs).
 */
export function* planJobs(suites: Suite[], providers: Provider[], options: PlanOptions = {}): Generator<Job> {
  for (const suite of suites) {
    const repeats = repeatsFor(suite, options);
    for (let repeat = 1; repeat <= repeats; repeat++) {
      for (const testCase of suite.cases) {
        for (const provider of providers) {
          yield {
            suite,
            testCase,
            provider,
            repeat,
            key: resultKey({ suiteId: suite.id, model: provider.id, caseId: testCase.id, repeat }),
          };
        }
      }
    }
  }
}
