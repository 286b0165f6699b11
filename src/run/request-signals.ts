/**
 * A fresh AbortSignal for each request, all aborted by the run's signal through one listener.
 * SDKs add an abort listener to the signal they are given and never remove it: handing every
 * request the run's own signal would pile up one listener per request (and the request state it
 * holds), growing memory with the run and making each addEventListener slower than the last.
 */
export class RequestSignals {
  private readonly live = new Set<AbortController>();
  private readonly onAbort = () => {
    for (const controller of this.live) controller.abort(this.run.reason);
  };

  constructor(private readonly run: AbortSignal) {
    run.addEventListener('abort', this.onAbort, { once: true });
  }

  async with<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    if (this.run.aborted) controller.abort(this.run.reason);
    this.live.add(controller);
    try {
      return await task(controller.signal);
    } finally {
      this.live.delete(controller);
    }
  }

  /** Removes the one listener from the run's signal, which may outlive this run. */
  dispose(): void {
    this.run.removeEventListener('abort', this.onAbort);
  }
}
