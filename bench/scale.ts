import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchServer } from './lib/llm-server.js';
import { invalidity, round, runAvec, tail } from './lib/runners.js';
import { writeAvecSuite } from './lib/workload.js';

/** A fast server: this bench is about memory, not latency. */
const LATENCY_MS = 2;
const CONCURRENCY = 50;
const SIZES = [10_000, 100_000];

/**
 * Peak RSS of `avec run` as the number of cases grows tenfold: results are streamed to the store
 * and datasets read as streams, so it must stay flat. One line per size; the last says how far
 * it moved from the first.
 */
export async function* benchScale(): AsyncGenerator<Record<string, unknown>> {
  const server = await startBenchServer({ latencyMs: LATENCY_MS });
  let smallest: number | undefined;
  try {
    for (const n of SIZES) {
      const dir = mkdtempSync(join(tmpdir(), 'avec-bench-scale-'));
      try {
        const suiteDir = await writeAvecSuite(dir, n);
        const run = await runAvec(server, {
          suiteDir,
          workDir: dir,
          concurrency: CONCURRENCY,
          db: join(dir, 'avec.db'),
        });
        smallest ??= run.peakRssMB;
        const invalid = invalidity(run, n);
        yield {
          n,
          concurrency: CONCURRENCY,
          latencyMs: LATENCY_MS,
          wallS: round(run.wallS),
          cpuS: run.cpuS === undefined ? undefined : round(run.cpuS),
          casesPerS: Math.round(n / run.wallS),
          peakRssMB: Math.round(run.peakRssMB),
          ...(n !== SIZES[0] ? { peakRssVs10k: round(run.peakRssMB / smallest, 2) } : {}),
          requests: run.server.requests,
          ...(run.code !== 0 ? { exitCode: run.code, stderr: tail(run.stderr) } : {}),
          ...(invalid ? { invalid } : {}),
        };
      } finally {
        if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
        else process.stderr.write(`kept ${dir}\n`);
      }
    }
  } finally {
    await server.close();
  }
}
