import { ProviderError } from '../providers/provider-error.js';

/**
 * One breaker per endpoint: after `threshold` requests in a row found nobody listening, the
 * endpoint is taken for down and the rest of the run stops asking it, instead of spending
 * minutes of retries per case on a server that is not there.
 */
export class CircuitBreaker {
  private consecutiveUnreachable = 0;
  private openedWith: string | undefined;

  constructor(
    readonly endpoint: string,
    private readonly threshold = 5,
  ) {}

  get open(): boolean {
    return this.openedWith !== undefined;
  }

  /** Throws, without asking, once the breaker is open. */
  check(): void {
    if (this.openedWith) {
      throw new ProviderError(`not asked: ${this.endpoint} looks down (${this.openedWith})`, {
        retryClass: 'fatal',
        unreachable: true,
      });
    }
  }

  recordSuccess(): void {
    this.consecutiveUnreachable = 0;
  }

  recordFailure(error: unknown): void {
    if (!(error instanceof ProviderError) || !error.unreachable) {
      this.consecutiveUnreachable = 0;
      return;
    }
    this.consecutiveUnreachable++;
    if (this.consecutiveUnreachable >= this.threshold && !this.openedWith) this.openedWith = error.message;
  }
}
