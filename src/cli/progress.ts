import cliProgress from 'cli-progress';
import type { CaseResult } from '../run/types.js';
import type { CommandIO } from './io.js';

export interface Progress {
  start(total: number): void;
  tick(result: CaseResult): void;
  stop(): void;
}

/**
 * A bar on a terminal; in CI, a plain line every tenth of the run (and at least every 15 s) so
 * logs stay readable and still show that the run is alive.
 */
export function createProgress(io: CommandIO): Progress {
  const counts = { pass: 0, fail: 0, error: 0 };
  let done = 0;
  let total = 0;
  if (io.interactive) {
    const bar = new cliProgress.SingleBar(
      {
        format: ' {bar} {value}/{total} cases | pass {pass} fail {fail} error {error} | {eta_formatted} left',
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    return {
      start(n) {
        total = n;
        bar.start(total, 0, counts);
      },
      tick(result) {
        counts[result.outcome]++;
        bar.increment(1, counts);
      },
      stop() {
        bar.stop();
      },
    };
  }
  let lastPrinted = 0;
  let lastStep = 0;
  const print = () => {
    const share = total === 0 ? 100 : Math.floor((done / total) * 100);
    io.stderr(
      `[avec] ${done}/${total} (${share}%) pass ${counts.pass} fail ${counts.fail} error ${counts.error}\n`,
    );
    lastPrinted = Date.now();
  };
  return {
    start(n) {
      total = n;
      lastPrinted = Date.now();
    },
    tick(result) {
      counts[result.outcome]++;
      done++;
      const step = total === 0 ? 10 : Math.floor((done / total) * 10);
      const since = Date.now() - lastPrinted;
      if ((step > lastStep && since >= 1_000) || since > 15_000) {
        lastStep = step;
        print();
      }
    },
    stop() {},
  };
}
