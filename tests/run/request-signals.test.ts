import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { RequestSignals } from '../../src/run/request-signals.js';

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

describe('RequestSignals', () => {
  it('gives each request its own signal and leaves one listener on the run signal', async () => {
    const run = new AbortController();
    const signals = new RequestSignals(run.signal);
    const seen: AbortSignal[] = [];
    for (let i = 0; i < 100; i++) {
      // What the SDKs do: a listener on the signal they get, never removed.
      await signals.with(async (signal) => {
        signal.addEventListener('abort', () => {});
        seen.push(signal);
      });
    }
    expect(new Set(seen).size).toBe(100);
    expect(abortListeners(run.signal)).toBe(1);
    signals.dispose();
    expect(abortListeners(run.signal)).toBe(0);
  });

  it('aborts the requests in flight when the run is aborted, and those that start after', async () => {
    const run = new AbortController();
    const signals = new RequestSignals(run.signal);
    let inFlight: AbortSignal | undefined;
    const pending = signals.with(
      (signal) =>
        new Promise<string>((_resolve, reject) => {
          inFlight = signal;
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    run.abort();
    await expect(pending).rejects.toThrow('aborted');
    expect(inFlight?.aborted).toBe(true);
    expect(await signals.with(async (signal) => signal.aborted)).toBe(true);
  });
});
