import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeServer, type Fault, startFakeServer } from '../fakes/llm-server.js';
import { bigSuite } from '../helpers/big-suite.js';
import { CLI, cleanEnv, ROOT, runAvec, spawnAvec, tempDir } from '../helpers/cli.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const FAULTS: Fault[] = [
  { kind: 'status', status: 500 },
  { kind: 'status', status: 502 },
  { kind: 'status', status: 429, retryAfter: '0' },
  { kind: 'status', status: 429 },
  { kind: 'reset' },
  { kind: 'hang' },
  { kind: 'truncated' },
  { kind: 'not-json' },
];

/** Deterministic pseudo-random faults on about 30% of requests. */
function faultFor(index: number): Fault | undefined {
  const x = Math.sin(index * 12.9898) * 43_758.5453;
  const u = x - Math.floor(x);
  if (u >= 0.3) return undefined;
  return FAULTS[Math.floor((u / 0.3) * FAULTS.length)];
}

function storedRows(db: string): Array<{ case_id: string; outcome: string }> {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.prepare('SELECT case_id, outcome FROM results').all() as Array<{
      case_id: string;
      outcome: string;
    }>;
  } finally {
    handle.close();
  }
}

describe('reliability under faults', () => {
  it('2,000 cases with 30% of requests failing: every case ends once, none lost, requests within the retry budget', async () => {
    server = await startFakeServer({ fault: (r) => faultFor(r.index) });
    const dir = tempDir();
    const config = join(dir, 'avec.config.yaml');
    writeFileSync(config, 'timeoutMs: 400\nretry:\n  maxRetries: 4\n  baseDelayMs: 5\n  maxDelayMs: 40\n');
    const db = join(dir, 'a.db');
    const result = await runAvec(
      [
        'run',
        bigSuite(2000),
        '-m',
        'openai:gpt-4o-mini',
        '--concurrency',
        '64',
        '--db',
        db,
        '--out',
        dir,
        '--config',
        config,
        '--json',
      ],
      {
        env: { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: server.openaiBaseUrl },
      },
    );
    expect(result.stderr).not.toContain('internal error');
    const summary = JSON.parse(result.stdout);
    const row = summary.rows[0];
    expect(row.pass + row.fail + row.error).toBe(2000);
    expect(row.fail).toBe(0);
    const rows = storedRows(db);
    expect(rows).toHaveLength(2000);
    expect(new Set(rows.map((r) => r.case_id)).size).toBe(2000);
    expect(server.requests.length).toBeGreaterThan(2000);
    expect(server.requests.length).toBeLessThanOrEqual(2000 * 5);
    // Errors are counted apart, and the exit code says the run is incomplete only if some remain.
    expect(result.code).toBe(row.error > 0 ? 3 : 0);
  }, 120_000);

  it('two runs on the same database at once both finish, each with all its results', async () => {
    const dir = tempDir();
    const db = join(dir, 'shared.db');
    const suite = bigSuite(300);
    const [a, b] = await Promise.all([
      spawnAvec(['run', suite, '-m', 'builtin:reference', '--db', db, '--out', join(dir, 'a'), '--json']),
      spawnAvec(['run', suite, '-m', 'builtin:reference', '--db', db, '--out', join(dir, 'b'), '--json']),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const ids = [JSON.parse(a.stdout).runId, JSON.parse(b.stdout).runId];
    expect(new Set(ids).size).toBe(2);
    const handle = new Database(db, { readonly: true });
    const counts = handle
      .prepare('SELECT run_id, COUNT(*) AS n FROM results GROUP BY run_id')
      .all() as Array<{ n: number }>;
    expect(counts.map((c) => c.n)).toEqual([300, 300]);
    expect(handle.pragma('integrity_check', { simple: true })).toBe('ok');
    handle.close();
  }, 60_000);

  it('SIGKILL at several points, then --resume: every case stored once, the database intact', async () => {
    server = await startFakeServer({ latencyMs: 2 });
    const dir = tempDir();
    const db = join(dir, 'a.db');
    const suite = bigSuite(400);
    const env = cleanEnv({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: server.openaiBaseUrl });
    let runId: string | undefined;
    // Kill early (before or while creating the database), mid-run, and late, resuming each time.
    for (const killAfterMs of [40, 250, 500, 900]) {
      const args = runId
        ? [CLI, 'run', '--resume', runId, '--db', db, '--out', dir, '--concurrency', '16']
        : [
            CLI,
            'run',
            suite,
            '-m',
            'openai:gpt-4o-mini',
            '--db',
            db,
            '--out',
            dir,
            '--concurrency',
            '16',
            '--no-cache',
          ];
      const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
      const closed = new Promise((resolve) => child.on('close', resolve));
      await new Promise((resolve) => setTimeout(resolve, killAfterMs));
      child.kill('SIGKILL');
      await closed;
      if (!runId) {
        try {
          runId = JSON.parse((await runAvec(['runs', 'list', '--db', db, '--json'])).stdout)[0]?.id;
        } catch {
          runId = undefined;
        }
      }
    }
    const final = runId
      ? await runAvec(['run', '--resume', runId, '--db', db, '--out', dir], {
          env: { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: server.openaiBaseUrl },
        })
      : await runAvec(['run', suite, '-m', 'openai:gpt-4o-mini', '--db', db, '--out', dir], {
          env: { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: server.openaiBaseUrl },
        });
    expect(final.code).toBe(0);
    const rows = storedRows(db);
    expect(rows).toHaveLength(400);
    expect(new Set(rows.map((r) => r.case_id)).size).toBe(400);
    expect(rows.every((r) => r.outcome === 'pass')).toBe(true);
    const handle = new Database(db, { readonly: true });
    expect(handle.pragma('integrity_check', { simple: true })).toBe('ok');
    handle.close();
  }, 90_000);
});

describe('API keys never leak', () => {
  it('appear in no file a run writes, even when the server echoes the request headers in errors', async () => {
    const secret = 'sk-live-SECRET-0123456789abcdef';
    server = await startFakeServer({
      fault: (r) =>
        r.index % 2 === 0
          ? {
              kind: 'status',
              status: 401,
              body: JSON.stringify({ error: { message: `invalid key ${String(r.headers.authorization)}` } }),
            }
          : {
              kind: 'status',
              status: 500,
              body: JSON.stringify({ error: { message: `boom, headers: ${JSON.stringify(r.headers)}` } }),
            },
    });
    const dir = tempDir();
    const config = join(dir, 'avec.config.yaml');
    writeFileSync(config, 'retry:\n  maxRetries: 1\n  baseDelayMs: 1\n  maxDelayMs: 2\n');
    const result = await spawnAvec(
      [
        'run',
        bigSuite(6),
        '-m',
        'openai:gpt-4o-mini',
        '--db',
        join(dir, 'a.db'),
        '--out',
        join(dir, 'out'),
        '--config',
        config,
        '--report',
        'all',
      ],
      { env: { OPENAI_API_KEY: secret, OPENAI_BASE_URL: server.openaiBaseUrl } },
    );
    expect(result.code).toBe(3);
    expect(result.stdout + result.stderr).not.toContain(secret);
    const files: string[] = [];
    const walk = (path: string) => {
      for (const entry of readdirSync(path)) {
        const full = join(path, entry);
        if (statSync(full).isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(dir);
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) expect(readFileSync(file).toString('latin1'), file).not.toContain(secret);
  });
});
