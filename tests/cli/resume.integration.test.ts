import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeServer, startFakeServer } from '../fakes/llm-server.js';
import { CLI, cleanEnv, FIXTURE_SUITES, ROOT, runAvec, tempDir } from '../helpers/cli.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Results stored so far; 0 while the run has not created its database yet. */
function storedCount(db: string): number {
  let handle: Database.Database | undefined;
  try {
    handle = new Database(db, { readonly: true, fileMustExist: true });
    return (handle.prepare('SELECT COUNT(*) AS n FROM results').get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    handle?.close();
  }
}

describe('a run that dies can be resumed', () => {
  it('after SIGKILL, --resume stores every case once and asks nothing that was answered', async () => {
    // Phase 1: the server answers the first 14 requests, then holds every later one open, so
    // nothing answered is lost in flight when the process is killed.
    let answerAll = false;
    let answered = 0;
    server = await startFakeServer({
      latencyMs: 5,
      fault: () => {
        if (answerAll || answered < 14) {
          answered++;
          return undefined;
        }
        return { kind: 'hang' };
      },
    });
    const dir = tempDir();
    const db = join(dir, 'avec.db');
    const env = cleanEnv({ OPENAI_BASE_URL: server.openaiBaseUrl, OPENAI_API_KEY: 'k' });
    const child = spawn(
      process.execPath,
      [
        CLI,
        'run',
        FIXTURE_SUITES,
        '-m',
        'openai:gpt-4o-mini',
        '--repeats',
        '4',
        '--concurrency',
        '3',
        '--db',
        db,
        '--out',
        dir,
      ],
      { cwd: ROOT, env, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.on('close', resolve));
    await waitFor(() => answered === 14 && storedCount(db) === 14);
    child.kill('SIGKILL');
    await exited;

    const listed = JSON.parse((await runAvec(['runs', 'list', '--json', '--db', db])).stdout) as Array<{
      id: string;
      status: string;
    }>;
    expect(listed[0]?.status).toBe('interrupted');
    const runId = listed[0]?.id as string;

    answerAll = true;
    const before = answered;
    const resumed = await runAvec(['run', '--resume', runId, '--db', db, '--out', dir], {
      env: { OPENAI_BASE_URL: server.openaiBaseUrl, OPENAI_API_KEY: 'k' },
    });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`resuming run ${runId}: 6 of 20 cases to ask`);
    // 5 cases × 4 repeats: 14 answered before the kill, 6 after; none answered twice.
    expect(answered - before).toBe(6);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Array<{
      caseId: string;
      repeat: number;
      runId: string;
    }>;
    expect(results).toHaveLength(20);
    expect(new Set(results.map((r) => `${r.caseId}/${r.repeat}`)).size).toBe(20);
    expect(new Set(results.map((r) => r.runId))).toEqual(new Set([runId]));

    const handle = new Database(db, { readonly: true });
    expect(handle.pragma('integrity_check', { simple: true })).toBe('ok');
    handle.close();
    const after = JSON.parse((await runAvec(['runs', 'list', '--json', '--db', db])).stdout) as Array<{
      status: string;
    }>;
    expect(after[0]?.status).toBe('completed');
  });

  it('stops cleanly on Ctrl-C (SIGINT) with exit 3 and a resumable run', async () => {
    let answered = 0;
    server = await startFakeServer({
      fault: () => {
        if (answered < 3) {
          answered++;
          return undefined;
        }
        return { kind: 'hang' };
      },
    });
    const dir = tempDir();
    const db = join(dir, 'avec.db');
    const child = spawn(
      process.execPath,
      [
        CLI,
        'run',
        FIXTURE_SUITES,
        '-m',
        'openai:gpt-4o-mini',
        '--concurrency',
        '2',
        '--db',
        db,
        '--out',
        dir,
      ],
      {
        cwd: ROOT,
        env: cleanEnv({ OPENAI_BASE_URL: server.openaiBaseUrl, OPENAI_API_KEY: 'k' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const code = new Promise<number | null>((resolve) => child.on('close', resolve));
    await waitFor(() => storedCount(db) === 3);
    child.kill('SIGINT');
    expect(await code).toBe(3);
    expect(stderr).toMatch(/interrupted; resume with: avec run --resume \d{8}-\d{6}-[0-9a-f]{4}/);
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
    const listed = JSON.parse((await runAvec(['runs', 'list', '--json', '--db', db])).stdout) as Array<{
      status: string;
      counts: { pass: number };
    }>;
    expect(listed[0]).toMatchObject({ status: 'interrupted', counts: { pass: 3 } });
  });
});
