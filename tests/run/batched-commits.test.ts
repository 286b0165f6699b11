import { describe, expect, it } from 'vitest';
import type { Completion, Provider } from '../../src/providers/types.js';
import { executeJobs } from '../../src/run/execute.js';
import { planJobs } from '../../src/run/plan.js';
import type { CaseResult, ResultSink } from '../../src/run/types.js';
import { CLASSIFICATIONS, type Suite } from '../../src/suite/types.js';

function suiteOf(count: number): Suite {
  return {
    id: 'summary.a',
    version: '1.0.0',
    title: 'a',
    use: 'summary',
    language: 'fr',
    file: '/x/suite.yaml',
    dir: '/x',
    dataset: { path: '/x/d.jsonl', classification: 'synthetic', sha256: 'x' },
    prompts: { user: 'Question {{n}}' },
    parameters: {},
    graders: [],
    thresholds: {},
    repeats: 1,
    cases: Array.from({ length: count }, (_, i) => ({ id: `c${i}`, vars: { n: i }, expect: {}, place: {} })),
    fingerprint: 'sha256:a',
  };
}
const suite = suiteOf(1200);

const provider: Provider = {
  id: 'p:m',
  kind: 'openai',
  model: 'm',
  connectionKey: 'p',
  maxConcurrency: undefined,
  cacheable: true,
  approvedFor: CLASSIFICATIONS,
  destination: 'memory',
  complete: async (request) => ({
    text: `ok ${request.user}`,
    usage: { inputTokens: 1, outputTokens: 1 },
    servedModel: 'm',
    latencyMs: 1,
  }),
};

/** A sink that records how results arrive, and when each batch was committed. */
function recordingSink() {
  const batches: Array<{ results: CaseResult[]; at: number }> = [];
  const sink: ResultSink = {
    appendResults: (results) => batches.push({ results: [...results], at: performance.now() }),
  };
  return { sink, batches };
}

const baseOptions = {
  runId: 'r',
  graders: new Map([[suite.id, []]]),
  concurrency: 8,
  retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
  signal: new AbortController().signal,
};

function memoryCache() {
  const memory = new Map<string, Completion>();
  return {
    get: (k: string) => memory.get(k),
    set: (k: string, c: Completion) => void memory.set(k, c),
  };
}

describe('results are committed in batches', () => {
  it('replayed from the cache: 500 at a time, every one of them once', async () => {
    const options = { ...baseOptions, cache: memoryCache() };
    const fresh = recordingSink();
    await executeJobs({ ...options, jobs: planJobs([suite], [provider]), sink: fresh.sink });
    expect(fresh.batches.flatMap((b) => b.results).filter((r) => !r.cached)).toHaveLength(1200);

    const replay = recordingSink();
    await executeJobs({ ...options, jobs: planJobs([suite], [provider]), sink: replay.sink });
    expect(replay.batches.map((b) => b.results.length)).toEqual([500, 500, 200]);
    const replayed = replay.batches.flatMap((b) => b.results);
    expect(new Set(replayed.map((r) => r.caseId)).size).toBe(1200);
    expect(replayed.every((r) => r.cached)).toBe(true);
  });

  it('asked of a model: each committed within a bounded wait of its answer, not at the end of the run', async () => {
    const slow: Provider = {
      ...provider,
      complete: async (request) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return provider.complete(request, new AbortController().signal);
      },
    };
    const small = suiteOf(400);
    const answeredAt = new Map<string, number>();
    const recorded = recordingSink();
    await executeJobs({
      ...baseOptions,
      jobs: planJobs([small], [slow]),
      sink: recorded.sink,
      onResult: (result) => answeredAt.set(result.caseId, performance.now()),
    });
    // 400 answers at 8 × 20 ms take about a second: a runner that waited for a full batch of
    // 500, or for the end, would hold the first answers that long.
    const stored = recorded.batches.flatMap((b) => b.results.map((r) => r.caseId));
    expect(stored).toHaveLength(400);
    expect(new Set(stored).size).toBe(400);
    expect(recorded.batches.length).toBeGreaterThan(2);
    const waits = recorded.batches.map(
      (b) => b.at - Math.min(...b.results.map((r) => answeredAt.get(r.caseId) ?? 0)),
    );
    expect(Math.max(...waits)).toBeLessThan(400);
  });

  it('raise a failed commit as the error of the run, even when the commit ran on the timer', async () => {
    const failing: ResultSink = {
      appendResults: () => {
        throw new Error('disk full');
      },
    };
    await expect(
      executeJobs({
        ...baseOptions,
        jobs: planJobs([suiteOf(20)], [provider]),
        sink: failing,
      }),
    ).rejects.toThrow('disk full');
  });
});
