import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeServer, startFakeServer } from '../fakes/llm-server.js';
import { FIXTURE_SUITES, runAvec, tempDir } from '../helpers/cli.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A config that keeps retries fast so the test measures behaviour, not waiting. */
function fastRetryConfig(dir: string, extra = ''): string {
  const file = join(dir, 'avec.config.yaml');
  writeFileSync(
    file,
    `timeoutMs: 2000\nretry:\n  maxRetries: 3\n  baseDelayMs: 5\n  maxDelayMs: 20\n${extra}`,
  );
  return file;
}

const suite = join(FIXTURE_SUITES, 'summary.alpha');

describe('retries and provider errors', () => {
  it('waits out a 429 with Retry-After, then passes', async () => {
    const seen = new Map<string, number>();
    server = await startFakeServer({
      fault: (r) => {
        const n = (seen.get(r.user) ?? 0) + 1;
        seen.set(r.user, n);
        return n === 1 ? { kind: 'status', status: 429, retryAfter: '1' } : undefined;
      },
    });
    const dir = tempDir();
    const started = Date.now();
    const result = await runAvec(
      [
        'run',
        suite,
        '-m',
        'openai:gpt-4o-mini',
        '--db',
        join(dir, 'a.db'),
        '--out',
        dir,
        '--config',
        fastRetryConfig(dir),
      ],
      { env: { OPENAI_BASE_URL: server.openaiBaseUrl, OPENAI_API_KEY: 'k-test' } },
    );
    expect(result.code).toBe(0);
    // Retry-After said one second: the client honoured it instead of its 5 ms backoff.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(server.requests).toHaveLength(6);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Array<{
      outcome: string;
      attempts: number;
    }>;
    expect(results.map((r) => r.outcome)).toEqual(['pass', 'pass', 'pass']);
    expect(results.every((r) => r.attempts === 2)).toBe(true);
  });

  it('ends a case in error after the retry budget when the server always answers 500, apart from failures', async () => {
    server = await startFakeServer({ fault: () => ({ kind: 'status', status: 500 }) });
    const dir = tempDir();
    const result = await runAvec(
      [
        'run',
        suite,
        '-m',
        'anthropic:claude-haiku-4-5',
        '--db',
        join(dir, 'a.db'),
        '--out',
        dir,
        '--config',
        fastRetryConfig(dir),
        '--json',
      ],
      { env: { ANTHROPIC_BASE_URL: server.anthropicBaseUrl, ANTHROPIC_API_KEY: 'k-test' } },
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/3 case\(s\) could not be answered.*--resume/);
    // 1 attempt + 3 retries for each of 3 cases.
    expect(server.requests).toHaveLength(12);
    const summary = JSON.parse(result.stdout);
    expect(summary.status).toBe('incomplete');
    expect(summary.rows[0]).toMatchObject({ pass: 0, fail: 0, error: 3, judged: 0 });
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Array<{
      outcome: string;
      error: string;
    }>;
    expect(results.every((r) => r.outcome === 'error' && /HTTP 500/.test(r.error))).toBe(true);
  });

  it('does not retry a 400, and never writes the API key into results', async () => {
    const secret = 'sk-secret-value-123456';
    server = await startFakeServer({
      fault: (r) => ({
        kind: 'status',
        status: 400,
        body: JSON.stringify({
          error: { message: `bad request, key was ${String(r.headers.authorization)}` },
        }),
      }),
    });
    const dir = tempDir();
    const result = await runAvec(
      [
        'run',
        suite,
        '-m',
        'openai:gpt-4o-mini',
        '--db',
        join(dir, 'a.db'),
        '--out',
        dir,
        '--config',
        fastRetryConfig(dir),
      ],
      { env: { OPENAI_BASE_URL: server.openaiBaseUrl, OPENAI_API_KEY: secret } },
    );
    expect(result.code).toBe(3);
    expect(server.requests).toHaveLength(3);
    const written =
      readFileSync(join(dir, 'results.json'), 'utf8') + readFileSync(join(dir, 'a.db')).toString('latin1');
    expect(written).toContain('HTTP 400');
    expect(written).not.toContain(secret);
    expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it('stops asking an endpoint after it rejects the key (401)', async () => {
    server = await startFakeServer({ fault: () => ({ kind: 'status', status: 401 }) });
    const dir = tempDir();
    const result = await runAvec(
      [
        'run',
        suite,
        '-m',
        'openai:gpt-4o-mini',
        '--concurrency',
        '1',
        '--db',
        join(dir, 'a.db'),
        '--out',
        dir,
        '--config',
        fastRetryConfig(dir),
      ],
      { env: { OPENAI_BASE_URL: server.openaiBaseUrl, OPENAI_API_KEY: 'bad-key' } },
    );
    expect(result.code).toBe(3);
    expect(server.requests).toHaveLength(1);
  });

  it('retries resets, timeouts, truncated and non-JSON bodies', async () => {
    const faults = [
      { kind: 'reset' },
      { kind: 'truncated' },
      { kind: 'not-json' },
      { kind: 'hang' },
    ] as const;
    const seen = new Map<string, number>();
    server = await startFakeServer({
      fault: (r) => {
        const n = seen.get(r.user) ?? 0;
        seen.set(r.user, n + 1);
        return n === 0 ? faults[r.index % faults.length] : undefined;
      },
    });
    const dir = tempDir();
    const config = join(dir, 'avec.config.yaml');
    writeFileSync(config, 'timeoutMs: 500\nretry:\n  maxRetries: 2\n  baseDelayMs: 5\n  maxDelayMs: 10\n');
    const result = await runAvec(
      [
        'run',
        suite,
        '-m',
        'openai:gpt-4o-mini',
        '--db',
        join(dir, 'a.db'),
        '--out',
        dir,
        '--config',
        config,
        '--json',
      ],
      { env: { OPENAI_BASE_URL: server.openaiBaseUrl, OPENAI_API_KEY: 'k' } },
    );
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).rows[0]).toMatchObject({ pass: 3, error: 0 });
  });
});
