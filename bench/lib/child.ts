import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ChildFigures {
  code: number;
  /** From spawn to exit, as the user waits for it. */
  wallS: number;
  /** performance.now() at spawn and at exit, to place other events (server side) in the run. */
  startedAt: number;
  endedAt: number;
  /** CPU time (user + system) the process spent; undefined without GNU time. */
  cpuS: number | undefined;
  /** Largest resident set of the process (and of any process it waited for), in MB. */
  peakRssMB: number;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command to completion and measures it from outside, as a user experiences it. The peak
 * RSS comes from GNU time (exact: the kernel's high-water mark at exit) when it is installed,
 * otherwise from polling /proc, which can miss a peak shorter than the polling period.
 */
export async function measureChild(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd: string; timeoutMs: number },
): Promise<ChildFigures> {
  const gnuTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(join(tmpdir(), 'avec-bench-time-'));
  const timeFile = join(scratch, 'rss');
  const [file, argv] = gnuTime
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]]
    : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  let polledKB = 0;
  const poll = gnuTime
    ? undefined
    : setInterval(() => {
        polledKB = Math.max(polledKB, highWaterKB(child.pid));
      }, 20);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  try {
    const code = await new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (exit) => resolve(exit ?? -1));
    });
    const endedAt = performance.now();
    const [peakKB = polledKB, userS, systemS] = gnuTime
      ? lastLine(readFileSync(timeFile, 'utf8')).split(' ').map(Number)
      : [polledKB];
    return {
      code,
      wallS: (endedAt - started) / 1000,
      startedAt: started,
      endedAt,
      peakRssMB: peakKB / 1024,
      cpuS: userS === undefined || systemS === undefined ? undefined : userS + systemS,
      stdout,
      stderr,
    };
  } finally {
    clearTimeout(timer);
    if (poll) clearInterval(poll);
    rmSync(scratch, { recursive: true, force: true });
  }
}

function highWaterKB(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** GNU time prefixes its figure with a note when the command failed. */
function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '0';
}
