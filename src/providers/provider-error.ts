/**
 * How to react to a failed request: wait and retry (rate_limit, transient), or give up at once
 * (fatal: a bad request or a bad key will not get better by asking again).
 */
export type RetryClass = 'rate_limit' | 'transient' | 'fatal';

export class ProviderError extends Error {
  readonly retryClass: RetryClass;
  readonly status: number | undefined;
  /** What the server asked us to wait, from Retry-After or retry-after-ms. */
  readonly retryAfterMs: number | undefined;
  /** 401 and 403: every later request to the same endpoint will fail the same way. */
  readonly authentication: boolean;
  /** No server answered at all (connection refused, unknown host): the endpoint looks down. */
  readonly unreachable: boolean;

  constructor(
    message: string,
    options: {
      retryClass: RetryClass;
      status?: number;
      retryAfterMs?: number;
      cause?: unknown;
      unreachable?: boolean;
    },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProviderError';
    this.retryClass = options.retryClass;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.authentication = options.status === 401 || options.status === 403;
    this.unreachable = options.unreachable ?? false;
  }

  get retryable(): boolean {
    return this.retryClass !== 'fatal';
  }
}

export function retryClassForStatus(status: number): RetryClass {
  if (status === 429) return 'rate_limit';
  if (status === 408 || status === 409 || status >= 500) return 'transient';
  return 'fatal';
}

/** Retry-After is seconds or an HTTP date; retry-after-ms (OpenAI, Anthropic) is milliseconds. */
export function parseRetryAfter(
  get: (name: string) => string | null | undefined,
  now = Date.now(),
): number | undefined {
  const ms = get('retry-after-ms');
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms);
  const value = get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Keys must never reach a message that is stored, logged or shown; some servers echo headers. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) redacted = redacted.split(secret).join('[redacted]');
  }
  return redacted;
}
