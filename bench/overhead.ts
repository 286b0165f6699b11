import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchServer } from './lib/llm-server.js';
import { invalidity, type Measured, round, runAvec, runFloor, runPromptfoo, tail } from './lib/runners.js';
import { writeAvecSuite, writePromptfooConfig } from './lib/workload.js';

const LATENCY_MS = 50;
/** (cases, concurrency): the two workloads. */
const WORKLOADS: ReadonlyArray<readonly [number, number]> = [
  [2_000, 20],
  [5_000, 100],
];

/**
 * What the harness adds to the models' own latency: N cases against a server that always takes
 * LATENCY_MS, at concurrency C, can at best take N·latency/C. avec and promptfoo run the same
 * workload against the same server, one after the other, in the same process; then a bare
 * node:http client (lib/floor-client.mjs), whose time is what this machine allows any Node client
 * (on a 2-vCPU VM it is already 1.1–1.2× the ideal: the server shares the cores).
 */
export async function* benchOverhead(): AsyncGenerator<Record<string, unknown>> {
  const server = await startBenchServer({ latencyMs: LATENCY_MS });
  try {
    for (const [n, concurrency] of WORKLOADS) {
      const dir = mkdtempSync(join(tmpdir(), 'avec-bench-overhead-'));
      try {
        const idealS = (n * LATENCY_MS) / concurrency / 1000;
        const suiteDir = await writeAvecSuite(dir, n);
        const avec = await runAvec(server, { suiteDir, workDir: dir, concurrency, db: join(dir, 'avec.db') });
        const pfConfig = await writePromptfooConfig(dir, n, server.openaiBaseUrl);
        const promptfoo = await runPromptfoo(server, { config: pfConfig, workDir: dir, concurrency });
        const floor = await runFloor(server, {
          dataset: join(suiteDir, 'cases.jsonl'),
          workDir: dir,
          cases: n,
          concurrency,
        });
        yield {
          n,
          concurrency,
          latencyMs: LATENCY_MS,
          ...figures(avec, n, idealS, 'avec'),
          idealS: round(idealS),
          promptfoo: figures(promptfoo, n, idealS, 'promptfoo'),
          speedupVsPromptfoo: round(promptfoo.wallS / avec.wallS, 2),
          floor: figures(floor, n, idealS, 'floor'),
          ratioToFloor: round(avec.wallS / floor.wallS),
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

function figures(measured: Measured, n: number, idealS: number, who: string): Record<string, unknown> {
  const invalid = invalidity(measured, n);
  // avec exits 0 when every gate passed; promptfoo exits 0, or 100 when assertions failed.
  const failed = measured.code !== 0;
  return {
    wallS: round(measured.wallS),
    ratioToIdeal: round(measured.wallS / idealS),
    peakRssMB: Math.round(measured.peakRssMB),
    cpuS: measured.cpuS === undefined ? undefined : round(measured.cpuS),
    requests: measured.server.requests,
    maxInFlight: measured.server.maxInFlight,
    // Where the time beyond the ideal goes: start-up (spawn to first request), the requests
    // themselves (first request to last answer, against the ideal), and the end (last answer to exit).
    startS: round((measured.server.firstRequestAt - measured.startedAt) / 1000),
    requestsRatioToIdeal: round(
      (measured.server.lastAnswerAt - measured.server.firstRequestAt) / 1000 / idealS,
    ),
    tailS: round((measured.endedAt - measured.server.lastAnswerAt) / 1000),
    ...(failed ? { exitCode: measured.code, stderr: tail(measured.stderr) } : {}),
    ...(invalid ? { invalid: `${who}: ${invalid}` } : {}),
  };
}
