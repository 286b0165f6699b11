import pLimit, { type LimitFunction } from 'p-limit';
import type { Price } from '../config/config.js';
import type { Grader } from '../graders/types.js';
import { costUsd, findPrice } from '../providers/pricing.js';
import { ProviderError } from '../providers/provider-error.js';
import { AbortedError, type RetryPolicy, withRetry } from '../providers/retry.js';
import type { Completion, CompletionRequest, Provider } from '../providers/types.js';
import { renderTemplate } from '../suite/template.js';
import { cacheKey, type ResponseCache } from './cache.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { gradeOutput } from './grade-output.js';
import type { Job } from './plan.js';
import { RequestSignals } from './request-signals.js';
import type { CaseResult, ResultSink } from './types.js';

/**
 * Results are committed in batches: a commit costs more than everything else avec does for a
 * case. A batch is committed once it holds BATCH_LIMIT results, or FRESH_WAIT_MS after the first
 * answer in it that a model was asked for, so a hard crash (power loss, kill -9) loses at most
 * that long of paid answers, which a resume asks again. Answers replayed from the cache wait for
 * a full batch: a resume replays them from the cache at no cost. Ctrl-C commits everything.
 */
const BATCH_LIMIT = 500;
const FRESH_WAIT_MS = 100;

export interface ExecuteOptions {
  runId: string;
  jobs: Iterable<Job>;
  /** Graders of each suite, by suite id, built once before the run. */
  graders: ReadonlyMap<string, readonly Grader[]>;
  sink: ResultSink;
  concurrency: number;
  retry: RetryPolicy;
  signal: AbortSignal;
  cache?: ResponseCache;
  /** Keys already stored by an earlier attempt of this run (resume): not asked again. */
  done?: ReadonlySet<string>;
  pricing?: Readonly<Record<string, Price>>;
  onResult?: (result: CaseResult) => void;
  onRetry?: (job: Job, error: ProviderError, delayMs: number) => void;
  now?: () => Date;
}

export interface ExecuteSummary {
  asked: number;
  skipped: number;
  interrupted: boolean;
  /** Endpoints the circuit breaker took for down during the run. */
  downEndpoints: string[];
}

/**
 * Runs the jobs with at most `concurrency` in flight overall and each endpoint's own limit,
 * pulling jobs lazily so memory does not grow with the plan. Each result goes to the sink the
 * moment its case ends.
 */
export async function executeJobs(options: ExecuteOptions): Promise<ExecuteSummary> {
  const iterator = options.jobs[Symbol.iterator]();
  const endpointLimits = new Map<string, LimitFunction>();
  const authFailures = new Map<string, string>();
  const breakers = new Map<string, CircuitBreaker>();
  const breakerFor = (provider: Provider): CircuitBreaker => {
    let breaker = breakers.get(provider.connectionKey);
    if (!breaker) {
      breaker = new CircuitBreaker(provider.destination);
      breakers.set(provider.connectionKey, breaker);
    }
    return breaker;
  };
  const now = options.now ?? (() => new Date());
  const signals = new RequestSignals(options.signal);
  const summary: ExecuteSummary = { asked: 0, skipped: 0, interrupted: false, downEndpoints: [] };

  const limitFor = (provider: Provider): LimitFunction => {
    let limit = endpointLimits.get(provider.connectionKey);
    if (!limit) {
      limit = pLimit(provider.maxConcurrency ?? options.concurrency);
      endpointLimits.set(provider.connectionKey, limit);
    }
    return limit;
  };

  const runJob = async (job: Job): Promise<void> => {
    const { suite, testCase, provider, repeat } = job;
    const base = {
      runId: options.runId,
      suiteId: suite.id,
      suiteVersion: suite.version,
      suiteFingerprint: suite.fingerprint,
      caseId: testCase.id,
      model: provider.id,
      repeat,
    };
    const request: CompletionRequest = {
      ...(suite.prompts.system !== undefined
        ? { system: renderTemplate(suite.prompts.system, testCase, { field: 'prompts.system' }) }
        : {}),
      user: renderTemplate(suite.prompts.user, testCase, { field: 'prompts.user' }),
      parameters: suite.parameters,
      case: {
        suiteId: suite.id,
        caseId: testCase.id,
        expect: testCase.expect,
        vars: testCase.vars,
        use: suite.use,
        ...(testCase.reference !== undefined ? { reference: testCase.reference } : {}),
      },
    };
    const errorResult = (message: string, attempts: number): CaseResult => ({
      ...base,
      servedModel: null,
      outcome: 'error',
      grades: [],
      output: null,
      error: message,
      usage: null,
      latencyMs: null,
      costUsd: null,
      cached: false,
      mutation: null,
      attempts,
      finishedAt: now().toISOString(),
    });

    let completion: Completion;
    let cached = false;
    let attempts = 0;
    const key = options.cache && provider.cacheable ? cacheKey(provider, request, repeat) : undefined;
    const hit = key ? options.cache?.get(key) : undefined;
    if (hit) {
      completion = hit;
      cached = true;
    } else {
      const authFailure = authFailures.get(provider.connectionKey);
      if (authFailure) {
        emit(errorResult(`not asked: ${authFailure}`, 0));
        return;
      }
      try {
        const outcome = await limitFor(provider)(() =>
          withRetry(
            async () => {
              const breaker = breakerFor(provider);
              breaker.check();
              try {
                const completion = await signals.with((signal) => provider.complete(request, signal));
                breaker.recordSuccess();
                return completion;
              } catch (error) {
                breaker.recordFailure(error);
                throw error;
              }
            },
            options.retry,
            {
              signal: options.signal,
              onRetry: (error, delay) => options.onRetry?.(job, error, delay),
            },
          ),
        );
        completion = outcome.value;
        attempts = outcome.attempts;
        summary.asked++;
      } catch (error) {
        if (error instanceof AbortedError || options.signal.aborted) return;
        if (error instanceof ProviderError) {
          if (error.authentication) authFailures.set(provider.connectionKey, error.message);
          emit(errorResult(error.message, (error as ProviderError & { attempts?: number }).attempts ?? 1));
          return;
        }
        throw error;
      }
      if (key) options.cache?.set(key, completion);
    }

    const graded = await gradeOutput(options.graders.get(suite.id) ?? [], completion.text, testCase, suite);
    emit({
      ...base,
      servedModel: completion.servedModel,
      outcome: graded.outcome,
      grades: graded.grades,
      output: completion.text,
      error: graded.error,
      usage: completion.usage,
      latencyMs: Math.round(completion.latencyMs * 10) / 10,
      costUsd: costUsd(completion.usage, findPrice(provider, options.pricing)),
      cached,
      mutation: completion.mutation ?? null,
      attempts,
      finishedAt: now().toISOString(),
    });
  };

  const pending: CaseResult[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  // A commit that fails in the timer is raised by the next worker step or at the end of the run,
  // as it would have been had the worker committed itself.
  let storeFailure: { error: unknown } | undefined;
  const flush = (): void => {
    if (flushTimer !== undefined) {
      clearTimeout(flushTimer);
      flushTimer = undefined;
    }
    if (pending.length === 0 || storeFailure) return;
    const batch = pending.splice(0);
    try {
      options.sink.appendResults(batch);
    } catch (error) {
      storeFailure = { error };
    }
  };
  const emit = (result: CaseResult) => {
    pending.push(result);
    if (pending.length >= BATCH_LIMIT) flush();
    else if (!result.cached && flushTimer === undefined) flushTimer = setTimeout(flush, FRESH_WAIT_MS);
    options.onResult?.(result);
  };

  // A job whose endpoint is already at its limit waits here while workers look further down the
  // plan for another endpoint's job: one model's limit never holds up the others. The look-ahead
  // is bounded, so memory stays flat; past it, a worker waits on the endpoint like any caller.
  const parked = new Map<string, Job[]>();
  let parkedCount = 0;
  let planExhausted = false;
  const lookAhead = Math.max(64, options.concurrency * 4);
  const hasRoom = (provider: Provider): boolean => {
    const limit = limitFor(provider);
    return limit.activeCount + limit.pendingCount < limit.concurrency;
  };
  const unpark = (key: string, jobs: Job[]): Job => {
    const job = jobs.shift() as Job;
    if (jobs.length === 0) parked.delete(key);
    parkedCount--;
    return job;
  };
  const nextJob = (): Job | undefined => {
    for (const [key, jobs] of parked) {
      if (hasRoom((jobs[0] as Job).provider)) return unpark(key, jobs);
    }
    while (!planExhausted && parkedCount < lookAhead) {
      const next = iterator.next();
      if (next.done) {
        planExhausted = true;
        break;
      }
      if (options.done?.has(next.value.key)) {
        summary.skipped++;
        continue;
      }
      if (hasRoom(next.value.provider)) return next.value;
      const key = next.value.provider.connectionKey;
      const jobs = parked.get(key);
      if (jobs) jobs.push(next.value);
      else parked.set(key, [next.value]);
      parkedCount++;
    }
    const first = parked.entries().next();
    return first.done ? undefined : unpark(first.value[0], first.value[1]);
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      if (storeFailure) throw storeFailure.error;
      if (options.signal.aborted) {
        summary.interrupted = true;
        return;
      }
      const job = nextJob();
      if (!job) return;
      await runJob(job);
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  } finally {
    signals.dispose();
    flush();
  }
  if (storeFailure) throw storeFailure.error;
  if (options.signal.aborted) summary.interrupted = true;
  summary.downEndpoints = [...breakers.values()].filter((b) => b.open).map((b) => b.endpoint);
  return summary;
}
