import { ProviderError, parseRetryAfter, redactSecrets, retryClassForStatus } from './provider-error.js';
import { AbortedError } from './retry.js';

/** The parts the OpenAI and Anthropic SDKs' error classes have in common (both are Stainless-made). */
interface SdkErrorClasses {
  APIError: abstract new (...args: never[]) => Error & { status?: number; headers?: Headers };
  APIUserAbortError: abstract new (...args: never[]) => Error;
}

/**
 * Maps whatever an SDK threw to a ProviderError with its retry class. Anything that is not an
 * HTTP status (a reset connection, a truncated or non-JSON body) is transient: asking again may work.
 */
export function toProviderError(
  error: unknown,
  classes: SdkErrorClasses,
  context: { providerId: string; secrets: ReadonlyArray<string | undefined> },
): ProviderError | AbortedError {
  if (error instanceof ProviderError || error instanceof AbortedError) return error;
  if (error instanceof classes.APIUserAbortError) return new AbortedError();
  const message = redactSecrets(error instanceof Error ? error.message : String(error), context.secrets);
  if (error instanceof classes.APIError && typeof error.status === 'number') {
    const headers = error.headers;
    const retryAfterMs = headers ? parseRetryAfter((name) => headers.get(name)) : undefined;
    return new ProviderError(`${context.providerId}: HTTP ${error.status}: ${firstLine(message)}`, {
      retryClass: retryClassForStatus(error.status),
      status: error.status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
  const kind = error instanceof Error && /timed? ?out/i.test(error.message) ? 'timeout' : 'connection error';
  const cause = (error as { cause?: { code?: string; cause?: { code?: string } } }).cause;
  const code = cause?.code ?? cause?.cause?.code;
  // Refused, unresolvable or unroutable: nobody is listening, which retrying will not change soon.
  const unreachable =
    code !== undefined &&
    ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(code);
  return new ProviderError(
    `${context.providerId}: ${kind}: ${firstLine(message)}${code ? ` (${code})` : ''}`,
    {
      retryClass: 'transient',
      unreachable,
    },
  );
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
