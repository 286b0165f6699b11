import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { avecCli, ROOT } from './avec-cli.js';
import { type ChildFigures, measureChild } from './child.js';
import type { BenchServer, ServerStats } from './llm-server.js';

export interface Measured extends ChildFigures {
  server: ServerStats;
}

const TIMEOUT_MS = 30 * 60_000;

/** An environment holding nothing of the user's: no real key, no real endpoint. */
function benchEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, CI: 'true', NO_COLOR: '1', ...extra };
}

/** `avec run <suite> -m openai:bench-model` against the bench server, as a user types it. */
export async function runAvec(
  server: BenchServer,
  options: { suiteDir: string; workDir: string; concurrency: number; db: string; extraArgs?: string[] },
): Promise<Measured> {
  server.reset();
  // AVEC_BENCH_PROFILE=dir writes a CPU profile of each avec run there: profile before optimising.
  const profile = process.env.AVEC_BENCH_PROFILE;
  const figures = await measureChild(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []),
      avecCli(),
      'run',
      options.suiteDir,
      '-m',
      'openai:bench-model',
      '--concurrency',
      String(options.concurrency),
      '--db',
      options.db,
      '--out',
      join(options.workDir, 'out'),
      ...(options.extraArgs ?? []),
    ],
    {
      cwd: options.workDir,
      env: benchEnv({
        HOME: options.workDir,
        OPENAI_BASE_URL: server.openaiBaseUrl,
        OPENAI_API_KEY: 'bench',
      }),
      timeoutMs: TIMEOUT_MS,
    },
  );
  return { ...figures, server: server.stats() };
}

/**
 * `promptfoo eval` on the same workload, with everything that could spare it work or leak
 * outside the temporary folder turned off: no cache, no telemetry, no update check, no sharing,
 * its home and config folder inside the work folder. It still writes its results to its own
 * database, as avec does to SQLite.
 */
export async function runPromptfoo(
  server: BenchServer,
  options: { config: string; workDir: string; concurrency: number },
): Promise<Measured> {
  server.reset();
  const home = join(options.workDir, 'promptfoo-home');
  mkdirSync(home, { recursive: true });
  const figures = await measureChild(
    process.execPath,
    [
      join(ROOT, 'node_modules/promptfoo/dist/src/entrypoint.js'),
      'eval',
      '-c',
      options.config,
      '--no-cache',
      '--max-concurrency',
      String(options.concurrency),
      '--no-table',
      '--no-progress-bar',
      '--no-share',
    ],
    {
      cwd: options.workDir,
      env: benchEnv({
        HOME: home,
        PROMPTFOO_CONFIG_DIR: join(home, '.promptfoo'),
        PROMPTFOO_DISABLE_TELEMETRY: '1',
        PROMPTFOO_DISABLE_UPDATE: '1',
        PROMPTFOO_DISABLE_SHARING: '1',
        PROMPTFOO_CACHE_ENABLED: 'false',
        OPENAI_API_KEY: 'bench',
      }),
      timeoutMs: TIMEOUT_MS,
    },
  );
  return { ...figures, server: server.stats() };
}

/** The bare node:http client of floor-client.mjs on the same cases, against the same server. */
export async function runFloor(
  server: BenchServer,
  options: { dataset: string; workDir: string; cases: number; concurrency: number },
): Promise<Measured> {
  server.reset();
  const figures = await measureChild(
    process.execPath,
    [
      join(ROOT, 'bench/lib/floor-client.mjs'),
      server.openaiBaseUrl,
      String(options.cases),
      String(options.concurrency),
      options.dataset,
    ],
    { cwd: options.workDir, env: benchEnv({ HOME: options.workDir }), timeoutMs: TIMEOUT_MS },
  );
  return { ...figures, server: server.stats() };
}

/** A run that failed or did not ask every question measured nothing: say so instead of a figure. */
export function invalidity(measured: Measured, expectedRequests: number): string | undefined {
  if (measured.server.requests !== expectedRequests) {
    return `the server received ${measured.server.requests} requests, not ${expectedRequests}`;
  }
  return undefined;
}

export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** The tail of a child's stderr, to explain a failed run in the bench output. */
export function tail(text: string, lines = 5): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
