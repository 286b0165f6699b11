import { describe, expect, it } from 'vitest';
import type { Completion, Provider } from '../../src/providers/types.js';
import { executeJobs } from '../../src/run/execute.js';
import { planJobs } from '../../src/run/plan.js';
import type { CaseResult, ResultSink } from '../../src/run/types.js';
import { CLASSIFICATIONS, type Suite } from '../../src/suite/types.js';

const suite: Suite = {
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
  cases: Array.from({ length: 1200 }, (_, i) => ({ id: `c${i}`, vars: { n: i }, expect: {}, place: {} })),
  fingerprint: 'sha256:a',
};

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

/** A sink that records how results arrive: one at a time, or in batches. */
function recordingSink() {
  const single: CaseResult[] = [];
  const batches: CaseResult[][] = [];
  const sink: ResultSink = {
    appendResult: (result) => single.push(result),
    appendResults: (results) => batches.push([...results]),
  };
  return { sink, single, batches };
}

describe('results replayed from the cache', () => {
  it('are stored in batches, every one of them, while fresh answers are stored one by one', async () => {
    const memory = new Map<string, Completion>();
    const cache = {
      get: (k: string) => memory.get(k),
      set: (k: string, c: Completion) => void memory.set(k, c),
    };
    const options = {
      runId: 'r',
      graders: new Map([[suite.id, []]]),
      concurrency: 8,
      retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
      signal: new AbortController().signal,
      cache,
    };
    const fresh = recordingSink();
    await executeJobs({ ...options, jobs: planJobs([suite], [provider]), sink: fresh.sink });
    expect(fresh.single).toHaveLength(1200);
    expect(fresh.batches).toHaveLength(0);

    const replay = recordingSink();
    await executeJobs({ ...options, jobs: planJobs([suite], [provider]), sink: replay.sink });
    expect(replay.single).toHaveLength(0);
    expect(replay.batches.map((b) => b.length)).toEqual([500, 500, 200]);
    expect(new Set(replay.batches.flat().map((r) => r.caseId)).size).toBe(1200);
    expect(replay.batches.flat().every((r) => r.cached)).toBe(true);
  });
});
