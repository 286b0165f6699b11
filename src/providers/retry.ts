import { ProviderError } from './provider-error.js';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is cut to it: a run must not sleep for an hour on one header. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000,
};

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so clients that
 * failed together do not retry together, yet no retry comes right on the heels of a failure.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return exponential / 2 + (random() * exponential) / 2;
}

export function delayBeforeRetry(
  error: ProviderError,
  attempt: number,
  policy: RetryPolicy,
  random?: () => number,
): number {
  if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, policy.maxRetryAfterMs);
  return backoffDelay(attempt, policy, random);
}

export class AbortedError extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortedError';
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryOutcome<T> {
  value: T;
  attempts: number;
}

/**
 * Calls `attempt` until it succeeds, fails with a fatal ProviderError, or the budget is spent.
 * The last error is rethrown with the number of attempts made.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  options: { signal?: AbortSignal; onRetry?: (error: ProviderError, delayMs: number) => void } = {},
): Promise<RetryOutcome<T>> {
  for (let index = 0; ; index++) {
    if (options.signal?.aborted) throw new AbortedError();
    try {
      return { value: await attempt(), attempts: index + 1 };
    } catch (error) {
      if (options.signal?.aborted) throw new AbortedError();
      if (!(error instanceof ProviderError)) throw error;
      if (!error.retryable || index >= policy.maxRetries) {
        throw Object.assign(error, { attempts: index + 1 });
      }
      const delay = delayBeforeRetry(error, index, policy);
      options.onRetry?.(error, delay);
      await sleep(delay, options.signal);
    }
  }
}
