import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/providers/provider-error.js';
import { CircuitBreaker } from '../../src/run/circuit-breaker.js';
import { FIXTURE_SUITES, runAvec, tempDir } from '../helpers/cli.js';

/** A loopback port nobody listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a provider that is down', () => {
  it('ends the run quickly with exit 3 and one clear message, not after minutes of retries', async () => {
    const port = await closedPort();
    const dir = tempDir();
    const started = Date.now();
    const result = await runAvec(
      [
        'run',
        join(FIXTURE_SUITES, 'summary.alpha'),
        '-m',
        'openai:gpt-4o-mini',
        '--repeats',
        '20',
        '--db',
        join(dir, 'a.db'),
        '--out',
        dir,
        '--json',
      ],
      { env: { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` } },
    );
    const elapsed = Date.now() - started;
    expect(result.code).toBe(3);
    // 60 cases at the default backoff would take minutes without the breaker.
    expect(elapsed).toBeLessThan(10_000);
    expect(result.stderr).toMatch(new RegExp(`the endpoint http://127.0.0.1:${port}/v1 does not answer`));
    const summary = JSON.parse(result.stdout);
    expect(summary.rows[0]).toMatchObject({ error: 60, pass: 0, fail: 0 });
    expect(summary.downEndpoints).toEqual([`http://127.0.0.1:${port}/v1`]);
  });
});

describe('CircuitBreaker', () => {
  const unreachable = () => new ProviderError('refused', { retryClass: 'transient', unreachable: true });
  it('opens after consecutive unreachable failures only', () => {
    const breaker = new CircuitBreaker('x', 3);
    breaker.recordFailure(unreachable());
    breaker.recordFailure(unreachable());
    breaker.recordSuccess();
    breaker.recordFailure(unreachable());
    breaker.recordFailure(new ProviderError('500', { retryClass: 'transient', status: 500 }));
    breaker.recordFailure(unreachable());
    breaker.recordFailure(unreachable());
    expect(breaker.open).toBe(false);
    breaker.recordFailure(unreachable());
    expect(breaker.open).toBe(true);
    expect(() => breaker.check()).toThrow(/not asked: x looks down/);
  });
});
