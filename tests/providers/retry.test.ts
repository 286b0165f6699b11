import { describe, expect, it, vi } from 'vitest';
import {
  ProviderError,
  parseRetryAfter,
  redactSecrets,
  retryClassForStatus,
} from '../../src/providers/provider-error.js';
import {
  AbortedError,
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  delayBeforeRetry,
  withRetry,
} from '../../src/providers/retry.js';

const fast = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 50 };

describe('retry classes', () => {
  it.each([
    [429, 'rate_limit'],
    [500, 'transient'],
    [502, 'transient'],
    [503, 'transient'],
    [529, 'transient'],
    [408, 'transient'],
    [400, 'fatal'],
    [401, 'fatal'],
    [403, 'fatal'],
    [404, 'fatal'],
    [422, 'fatal'],
  ])('HTTP %i is %s', (status, expected) => {
    expect(retryClassForStatus(status)).toBe(expected);
  });

  it('marks 401 and 403 as authentication failures', () => {
    expect(new ProviderError('x', { retryClass: 'fatal', status: 401 }).authentication).toBe(true);
    expect(new ProviderError('x', { retryClass: 'fatal', status: 400 }).authentication).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  const headers = (h: Record<string, string>) => (name: string) => h[name];
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(parseRetryAfter(headers({ 'retry-after': '2' }))).toBe(2000);
    expect(parseRetryAfter(headers({ 'retry-after': '0.5' }))).toBe(500);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    const now = Date.parse('2026-11-29T10:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': 'Sun, 29 Nov 2026 10:00:03 GMT' }), now)).toBe(3000);
    expect(parseRetryAfter(headers({ 'retry-after': 'Sun, 29 Nov 2026 09:00:00 GMT' }), now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(headers({}))).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }))).toBeUndefined();
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter in [half, full] and is capped', () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const ceiling = Math.min(
        DEFAULT_RETRY_POLICY.maxDelayMs,
        DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** attempt,
      );
      expect(backoffDelay(attempt, DEFAULT_RETRY_POLICY, () => 0)).toBe(ceiling / 2);
      expect(backoffDelay(attempt, DEFAULT_RETRY_POLICY, () => 1)).toBe(ceiling);
    }
  });
  it('honours Retry-After, up to the policy cap', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 10_000 };
    expect(
      delayBeforeRetry(new ProviderError('x', { retryClass: 'rate_limit', retryAfterMs: 3000 }), 0, policy),
    ).toBe(3000);
    expect(
      delayBeforeRetry(new ProviderError('x', { retryClass: 'rate_limit', retryAfterMs: 99_000 }), 0, policy),
    ).toBe(10_000);
  });
});

describe('withRetry', () => {
  it('retries transient errors until success and counts attempts', async () => {
    const attempt = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new ProviderError('a', { retryClass: 'transient', status: 503 }))
      .mockRejectedValueOnce(
        new ProviderError('b', { retryClass: 'rate_limit', status: 429, retryAfterMs: 1 }),
      )
      .mockResolvedValue('ok');
    const onRetry = vi.fn();
    await expect(withRetry(attempt, fast, { onRetry })).resolves.toEqual({ value: 'ok', attempts: 3 });
    expect(onRetry).toHaveBeenCalledTimes(2);
  });

  it('gives up after the budget with the last error', async () => {
    const attempt = vi.fn(async () => {
      throw new ProviderError('down', { retryClass: 'transient', status: 500 });
    });
    await expect(withRetry(attempt, fast)).rejects.toMatchObject({ message: 'down', attempts: 4 });
    expect(attempt).toHaveBeenCalledTimes(4);
  });

  it('does not retry a fatal error', async () => {
    const attempt = vi.fn(async () => {
      throw new ProviderError('bad', { retryClass: 'fatal', status: 400 });
    });
    await expect(withRetry(attempt, fast)).rejects.toMatchObject({ attempts: 1 });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const attempt = vi.fn(async () => {
      throw new ProviderError('x', { retryClass: 'rate_limit', retryAfterMs: 10_000 });
    });
    const pending = withRetry(attempt, { ...fast, maxRetryAfterMs: 10_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });
});

describe('redactSecrets', () => {
  it('removes every occurrence of a key', () => {
    expect(redactSecrets('Bearer sk-abc123 and again sk-abc123', ['sk-abc123'])).toBe(
      'Bearer [redacted] and again [redacted]',
    );
    expect(redactSecrets('nothing', [undefined, ''])).toBe('nothing');
  });
});
