import { describe, expect, it } from 'vitest';
import type { Grader } from '../../src/graders/types.js';
import { ProviderError } from '../../src/providers/provider-error.js';
import type { Completion, CompletionRequest, Provider } from '../../src/providers/types.js';
import { executeJobs } from '../../src/run/execute.js';
import { planJobs, plannedCount } from '../../src/run/plan.js';
import type { CaseResult } from '../../src/run/types.js';
import { CLASSIFICATIONS, type Suite } from '../../src/suite/types.js';

const policy = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 5 };

function suite(id: string, cases: number, repeats = 1): Suite {
  return {
    id,
    version: '1.0.0',
    title: id,
    use: 'summary',
    language: 'fr',
    file: `/x/${id}/suite.yaml`,
    dir: `/x/${id}`,
    dataset: { path: '/x/d.jsonl', classification: 'synthetic', sha256: 'x' },
    prompts: { user: 'Question {{n}}' },
    parameters: {},
    graders: [],
    thresholds: {},
    repeats,
    cases: Array.from({ length: cases }, (_, i) => ({
      id: `c${i}`,
      vars: { n: i },
      expect: {},
      reference: `r${i}`,
      place: {},
    })),
    fingerprint: `sha256:${id}`,
  };
}

/** An in-process provider that records how many requests it holds at once. */
class CountingProvider implements Provider {
  readonly kind = 'openai' as const;
  readonly cacheable = true;
  readonly approvedFor = CLASSIFICATIONS;
  readonly destination = 'memory';
  readonly model: string;
  inFlight = 0;
  maxInFlight = 0;
  calls = 0;
  constructor(
    readonly id: string,
    readonly connectionKey: string,
    readonly maxConcurrency: number | undefined,
    private readonly behave: (request: CompletionRequest, call: number) => Promise<string> = async (r) =>
      `ok ${r.user}`,
  ) {
    this.model = id.split(':')[1] ?? id;
  }
  async complete(request: CompletionRequest): Promise<Completion> {
    this.calls++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const text = await this.behave(request, this.calls);
      return {
        text,
        usage: { inputTokens: 3, outputTokens: 2 },
        servedModel: `${this.model}-v1`,
        latencyMs: 5,
      };
    } finally {
      this.inFlight--;
    }
  }
}

const passIfOk: Grader = {
  id: 'ok',
  type: 'contains',
  grade: ({ output }) => ({ pass: output.startsWith('ok'), score: 1, reason: '' }),
};

async function execute(
  suites: Suite[],
  providers: Provider[],
  extra: Partial<Parameters<typeof executeJobs>[0]> = {},
) {
  const results: CaseResult[] = [];
  const summary = await executeJobs({
    runId: 'r',
    jobs: planJobs(suites, providers),
    graders: new Map(suites.map((s) => [s.id, [passIfOk]])),
    sink: { appendResults: (batch) => results.push(...batch) },
    concurrency: 6,
    retry: policy,
    signal: new AbortController().signal,
    ...extra,
  });
  return { results, summary };
}

describe('executeJobs', () => {
  it('plans suite × repeat × model × case lazily and counts them', () => {
    const suites = [suite('summary.a', 3, 2), suite('summary.b', 2)];
    const providers = [
      new CountingProvider('p:a', 'a', undefined),
      new CountingProvider('p:b', 'b', undefined),
    ];
    expect(plannedCount(suites, providers)).toBe(3 * 2 * 2 + 2 * 2);
    expect(plannedCount(suites, providers, { repeats: 3 })).toBe(3 * 3 * 2 + 2 * 3 * 2);
    const keys = [...planJobs(suites, providers)].map((j) => j.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('respects the global limit and each endpoint limit', async () => {
    const limited = new CountingProvider('p:limited', 'endpoint-1', 2);
    const free = new CountingProvider('p:free', 'endpoint-2', undefined);
    const { results } = await execute([suite('summary.a', 30)], [limited, free]);
    expect(results).toHaveLength(60);
    expect(limited.maxInFlight).toBeLessThanOrEqual(2);
    expect(free.maxInFlight).toBeLessThanOrEqual(6);
    expect(limited.maxInFlight + free.maxInFlight).toBeGreaterThan(2);
  });

  it('asks the models side by side when one endpoint allows fewer requests than --concurrency', async () => {
    // Each request takes 5 ms. The limited endpoint takes 60 cases 2 at a time (~150 ms); with
    // workers queued behind it, the free model would start only once its cases came up in the
    // plan, and the run would take the sum of both instead of the slower one.
    const limited = new CountingProvider('p:limited', 'endpoint-1', 2);
    const free = new CountingProvider('p:free', 'endpoint-2', undefined);
    let freeDoneAt = 0;
    let limitedDoneAt = 0;
    const started = performance.now();
    const { results } = await execute([suite('summary.a', 60)], [limited, free], {
      onResult: (result) => {
        if (result.model === 'p:free') freeDoneAt = performance.now() - started;
        else limitedDoneAt = performance.now() - started;
      },
    });
    expect(results).toHaveLength(120);
    expect(limited.maxInFlight).toBe(2);
    expect(free.maxInFlight).toBe(4);
    // Side by side: the free model (4 at a time) ends near half-way through the limited one (2).
    expect(freeDoneAt).toBeLessThan(limitedDoneAt * 0.75);
  });

  it('keeps provider errors apart from model failures', async () => {
    const flaky = new CountingProvider('p:x', 'x', undefined, async (request) => {
      if (request.user.endsWith('0'))
        throw new ProviderError('p:x: HTTP 503', { retryClass: 'transient', status: 503 });
      if (request.user.endsWith('1')) return 'wrong';
      return 'ok';
    });
    const { results } = await execute([suite('summary.a', 3)], [flaky]);
    const byCase = Object.fromEntries(results.map((r) => [r.caseId, r]));
    expect(byCase.c0).toMatchObject({ outcome: 'error', attempts: 3, output: null, servedModel: null });
    expect(byCase.c1).toMatchObject({ outcome: 'fail', servedModel: 'x-v1' });
    expect(byCase.c2).toMatchObject({ outcome: 'pass' });
  });

  it('makes a case an error when a grader throws', async () => {
    const provider = new CountingProvider('p:x', 'x', undefined);
    const broken: Grader = {
      id: 'broken',
      type: 'regex',
      grade: () => {
        throw new Error('no expectation');
      },
    };
    const results: CaseResult[] = [];
    await executeJobs({
      runId: 'r',
      jobs: planJobs([suite('summary.a', 1)], [provider]),
      graders: new Map([['summary.a', [passIfOk, broken]]]),
      sink: { appendResults: (batch) => results.push(...batch) },
      concurrency: 1,
      retry: policy,
      signal: new AbortController().signal,
    });
    expect(results[0]).toMatchObject({ outcome: 'error', error: 'grading failed: no expectation' });
    expect(results[0]?.grades).toHaveLength(1);
  });

  it('skips what is already done, and replays cached answers without asking', async () => {
    const provider = new CountingProvider('p:x', 'x', undefined);
    const memory = new Map<string, Completion>();
    const cache = {
      get: (k: string) => memory.get(k),
      set: (k: string, c: Completion) => void memory.set(k, c),
    };
    const s = suite('summary.a', 4);
    await execute([s], [provider], { cache });
    expect(provider.calls).toBe(4);
    const done = new Set([...planJobs([s], [provider])].slice(0, 1).map((j) => j.key));
    const { results, summary } = await execute([s], [provider], { cache, done });
    expect(provider.calls).toBe(4);
    expect(summary).toMatchObject({ skipped: 1, asked: 0 });
    expect(results.every((r) => r.cached)).toBe(true);
    expect(results).toHaveLength(3);
  });

  it('stops pulling jobs when aborted and stores nothing half-done', async () => {
    const controller = new AbortController();
    const provider = new CountingProvider('p:x', 'x', undefined, async (_r, call) => {
      if (call >= 3) controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 20));
      return 'ok';
    });
    const { results, summary } = await execute([suite('summary.a', 50)], [provider], {
      signal: controller.signal,
      concurrency: 2,
    });
    expect(summary.interrupted).toBe(true);
    expect(results.length).toBeLessThan(50);
    expect(provider.calls).toBeLessThanOrEqual(4);
  });
});
