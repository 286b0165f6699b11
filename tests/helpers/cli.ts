import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/program.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'dist/cli/main.js');
export const FIXTURE_SUITES = join(ROOT, 'tests/fixtures/suites');

/** Every test folder lives under this vitest process's root, which the global teardown removes. */
export const TEST_ROOT = process.env.AVEC_TEST_ROOT ?? join(tmpdir(), 'avec-tests');

export function tempDir(prefix = 'avec-test-'): string {
  mkdirSync(TEST_ROOT, { recursive: true });
  return mkdtempSync(join(TEST_ROOT, prefix));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Environment without the developer's real keys or endpoints. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    NO_COLOR: '1',
  };
  return { ...env, ...extra };
}

/** Runs the built CLI in a child process, as a user would. */
export function spawnAvec(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: cleanEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** Runs a command in-process (fast), capturing what it prints. */
export async function runAvec(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    interactive: false,
    colors: false,
    env: cleanEnv(options.env),
    cwd: options.cwd ?? ROOT,
    signal: options.signal ?? new AbortController().signal,
  });
  return { code, stdout, stderr };
}
