import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HttpProviderOptions } from './openai.js';
import { ProviderError } from './provider-error.js';
import { AbortedError } from './retry.js';
import {
  type FromThread,
  fromThreadError,
  type NetworkWire,
  type ThreadRequest,
  type ToThread,
} from './thread-protocol.js';
import type { Completion, CompletionRequest, Provider } from './types.js';

interface Pending {
  resolve: (completion: Completion) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread that runs every network provider's requests (provider-thread-entry.ts).
 *
 * Why: an SDK request costs the thread that makes it ~1 ms of CPU (building the request, the
 * socket write, parsing the answer), and the main thread also grades and stores each answer. On
 * one thread, answers waited to be read while results were stored and requests waited to be
 * sent: at 100 requests in flight the harness, not the model, set the pace (bench/overhead).
 * Here the HTTP side keeps its own event loop and the main thread only posts prompts and gets
 * completions back. Retries, limits, the circuit breaker and the cache stay in the main thread.
 *
 * The worker starts with the first provider given to it (or warmUp), holds the process open only
 * while requests are in flight, and is started again if it ever dies: its requests then fail as
 * transient errors, which the run retries.
 */
export class ProviderThread {
  private worker: Worker | undefined;
  private readonly registered: Array<Extract<ToThread, { type: 'provider' }>> = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly entry: URL) {}

  /**
   * The thread beside the running module's bundle (dist/cli/provider-thread.js), or undefined
   * when there is none (running from sources, as the unit tests do): then providers run in the
   * main thread, as they did before.
   */
  static beside(moduleUrl: string): ProviderThread | undefined {
    const entry = new URL('./provider-thread.js', moduleUrl);
    return existsSync(fileURLToPath(entry)) ? new ProviderThread(entry) : undefined;
  }

  /**
   * Starts the thread ahead of the first provider, so that it loads its code while this thread
   * reads the config, suites and datasets (~0.1 s before the first request of a run).
   */
  warmUp(): void {
    this.started();
  }

  /** `provider`, with its requests sent to this thread; its metadata stays its own. */
  wrap(provider: Provider, wire: NetworkWire, options: HttpProviderOptions): Provider {
    const key = this.registered.length + 1;
    const registration = { type: 'provider' as const, key, wire, options };
    this.registered.push(registration);
    // Started now, the thread loads its code while this one loads suites and datasets; a thread
    // started later is given every provider as it starts.
    if (this.worker) this.worker.postMessage(registration);
    else this.started();
    return new ThreadedProvider(provider, (request, signal) => this.ask(key, request, signal));
  }

  private ask(key: number, request: ThreadRequest, signal: AbortSignal): Promise<Completion> {
    if (signal.aborted) return Promise.reject(new AbortedError());
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<Completion>((resolve, reject) => {
      const onAbort = () => {
        if (!this.settle(id)) return;
        worker.postMessage({ type: 'abort', id } satisfies ToThread);
        reject(new AbortedError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (completion) => {
          signal.removeEventListener('abort', onAbort);
          resolve(completion);
        },
        reject: (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ type: 'ask', id, key, request } satisfies ToThread);
    });
  }

  /** Forgets a request and gives its callbacks; undefined when it was already settled. */
  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
    return pending;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    // Its garbage is short-lived request objects: a small young generation keeps the thread's
    // memory down (peak RSS of a 10,000-case run 225 -> 212 MB) at no measurable cost in speed.
    const worker = new Worker(this.entry, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    worker.unref();
    for (const registration of this.registered) worker.postMessage(registration);
    worker.on('message', (message: FromThread) => {
      const pending = this.settle(message.id);
      if (!pending) return;
      if ('completion' in message) pending.resolve(message.completion);
      else pending.reject(fromThreadError(message.error));
    });
    const stopped = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const id of [...this.pending.keys()]) {
        this.settle(id)?.reject(
          new ProviderError(`the provider thread stopped (${reason}); asking again`, {
            retryClass: 'transient',
          }),
        );
      }
    };
    worker.on('error', (error) => stopped(error.message));
    worker.on('exit', (code) => stopped(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  /** Stops the thread (requests still in flight fail); the next request starts it again. */
  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

/** A network provider whose requests go to a ProviderThread. */
class ThreadedProvider implements Provider {
  readonly id: string;
  readonly kind: Provider['kind'];
  readonly model: string;
  readonly connectionKey: string;
  readonly maxConcurrency: number | undefined;
  readonly cacheable: boolean;
  readonly approvedFor: Provider['approvedFor'];
  readonly destination: string;

  constructor(
    inner: Provider,
    private readonly send: (request: ThreadRequest, signal: AbortSignal) => Promise<Completion>,
  ) {
    this.id = inner.id;
    this.kind = inner.kind;
    this.model = inner.model;
    this.connectionKey = inner.connectionKey;
    this.maxConcurrency = inner.maxConcurrency;
    this.cacheable = inner.cacheable;
    this.approvedFor = inner.approvedFor;
    this.destination = inner.destination;
  }

  complete(request: CompletionRequest, signal: AbortSignal): Promise<Completion> {
    const { case: _case, ...sent } = request;
    return this.send(sent, signal);
  }
}
