import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchServer } from './lib/llm-server.js';
import { round, runAvec, tail } from './lib/runners.js';
import { writeAvecSuite } from './lib/workload.js';

const N = 10_000;
const CONCURRENCY = 50;

/**
 * A second run of N cases whose answers are all in the response cache, on the same database:
 * what re-running a suite after changing only a grader or a threshold costs. It must ask the
 * server nothing.
 */
export async function benchCache(): Promise<Record<string, unknown>> {
  const server = await startBenchServer({ latencyMs: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'avec-bench-cache-'));
  try {
    const suiteDir = await writeAvecSuite(dir, N);
    const options = { suiteDir, workDir: dir, concurrency: CONCURRENCY, db: join(dir, 'avec.db') };
    const first = await runAvec(server, options);
    const cached = await runAvec(server, options);
    const failed = [first, cached].find((run) => run.code !== 0);
    const invalid =
      first.server.requests !== N
        ? `the first run sent ${first.server.requests} requests, not ${N}`
        : cached.server.requests !== 0
          ? `the cached run sent ${cached.server.requests} requests, not 0`
          : undefined;
    return {
      n: N,
      wallS: round(cached.wallS),
      cpuS: cached.cpuS === undefined ? undefined : round(cached.cpuS),
      peakRssMB: Math.round(cached.peakRssMB),
      requests: cached.server.requests,
      firstRunWallS: round(first.wallS),
      ...(failed ? { exitCode: failed.code, stderr: tail(failed.stderr) } : {}),
      ...(invalid ? { invalid } : {}),
    };
  } finally {
    await server.close();
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`kept ${dir}\n`);
  }
}
