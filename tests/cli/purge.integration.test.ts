import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeServer, startFakeServer } from '../fakes/llm-server.js';
import { FIXTURE_SUITES, runAvec, tempDir } from '../helpers/cli.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const MARKER = 'Réponse-confidentielle-7731';

describe('avec runs purge', () => {
  it("deletes a run's answers, results, cached answers and report folder, and says so", async () => {
    server = await startFakeServer({ answer: () => `${MARKER} [1]` });
    const dir = tempDir();
    const db = join(dir, 'avec.db');
    const env = { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: server.openaiBaseUrl };
    const run = await runAvec(
      [
        'run',
        join(FIXTURE_SUITES, 'summary.alpha'),
        '-m',
        'openai:gpt-4o-mini',
        '--db',
        db,
        '--json',
        '--report',
        'md',
      ],
      { cwd: dir, env },
    );
    const runId = JSON.parse(run.stdout).runId as string;
    expect(existsSync(join(dir, 'reports', runId, 'report.md'))).toBe(true);
    expect(
      readFileSync(db).toString('utf8') + readFileSync(`${db}-wal`, { flag: 'a+' }).toString('utf8'),
    ).toContain(MARKER);

    const purged = await runAvec(['runs', 'purge', runId, '--db', db], { cwd: dir });
    expect(purged.code).toBe(0);
    expect(purged.stdout).toMatch(/answers deleted: 3/);
    expect(purged.stdout).toMatch(/results deleted: 3/);
    expect(purged.stdout).toMatch(/cached answers deleted: 3/);
    expect(purged.stdout).toMatch(/report folder deleted: reports\//);
    expect(existsSync(join(dir, 'reports', runId))).toBe(false);
    const bytes =
      readFileSync(db).toString('utf8') +
      (existsSync(`${db}-wal`) ? readFileSync(`${db}-wal`).toString('utf8') : '');
    expect(bytes).not.toContain(MARKER);
    const listed = JSON.parse((await runAvec(['runs', 'list', '--db', db, '--json'], { cwd: dir })).stdout);
    expect(listed).toEqual([]);

    // The cache no longer holds the answers: the same run asks again.
    await runAvec(['run', join(FIXTURE_SUITES, 'summary.alpha'), '-m', 'openai:gpt-4o-mini', '--db', db], {
      cwd: dir,
      env,
    });
    expect(server.requests).toHaveLength(6);
  });

  it('keeps the verdicts with --keep-scores, and refuses an unknown run', async () => {
    const dir = tempDir();
    const db = join(dir, 'avec.db');
    const run = await runAvec(
      ['run', join(FIXTURE_SUITES, 'summary.alpha'), '-m', 'builtin:reference', '--db', db, '--json'],
      { cwd: dir },
    );
    const runId = JSON.parse(run.stdout).runId as string;
    const purged = await runAvec(['runs', 'purge', runId, '--db', db, '--keep-scores'], { cwd: dir });
    expect(purged.stdout).toMatch(/results kept, without their answers/);
    const listed = JSON.parse((await runAvec(['runs', 'list', '--db', db, '--json'], { cwd: dir })).stdout);
    expect(listed[0].counts).toEqual({ pass: 3, fail: 0, error: 0 });
    const unknown = await runAvec(['runs', 'purge', 'nope', '--db', db], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no run "nope"/);
  });
});
