import type { HttpProviderOptions } from './openai.js';
import { ProviderError, type RetryClass } from './provider-error.js';
import { AbortedError } from './retry.js';
import type { Completion, CompletionRequest } from './types.js';

/** The wire formats a provider thread can speak; built-in models answer in the main thread. */
export type NetworkWire = 'openai' | 'anthropic';

/** What a network provider needs of a request: the case itself stays in the main thread. */
export type ThreadRequest = Omit<CompletionRequest, 'case'>;

export type ToThread =
  | { type: 'provider'; key: number; wire: NetworkWire; options: HttpProviderOptions }
  | { type: 'ask'; id: number; key: number; request: ThreadRequest }
  | { type: 'abort'; id: number };

export type FromThread = { id: number; completion: Completion } | { id: number; error: ThreadError };

/** Errors cross the thread boundary as data: structured cloning keeps neither class nor fields. */
export type ThreadError =
  | {
      kind: 'provider';
      message: string;
      retryClass: RetryClass;
      status: number | undefined;
      retryAfterMs: number | undefined;
      unreachable: boolean;
    }
  | { kind: 'aborted' }
  | { kind: 'other'; name: string; message: string };

export function toThreadError(error: unknown): ThreadError {
  if (error instanceof ProviderError) {
    return {
      kind: 'provider',
      message: error.message,
      retryClass: error.retryClass,
      status: error.status,
      retryAfterMs: error.retryAfterMs,
      unreachable: error.unreachable,
    };
  }
  if (error instanceof AbortedError) return { kind: 'aborted' };
  return error instanceof Error
    ? { kind: 'other', name: error.name, message: error.message }
    : { kind: 'other', name: 'Error', message: String(error) };
}

export function fromThreadError(error: ThreadError): Error {
  if (error.kind === 'aborted') return new AbortedError();
  if (error.kind === 'provider') {
    return new ProviderError(error.message, {
      retryClass: error.retryClass,
      ...(error.status !== undefined ? { status: error.status } : {}),
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
      unreachable: error.unreachable,
    });
  }
  return Object.assign(new Error(error.message), { name: error.name });
}
