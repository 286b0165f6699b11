import type { Command } from 'commander';
import { listRuns } from '../api/runs.js';
import { table } from '../reports/format.js';
import { servedDiffers } from '../reports/terminal.js';
import { DEFAULT_DB_PATH } from '../store/sqlite.js';
import type { CommandIO } from './io.js';

export function registerRuns(program: Command, io: CommandIO): void {
  const runs = program.command('runs').description('the history of runs');
  runs
    .command('list')
    .description('list stored runs, most recent first')
    .option('--db <path>', 'result database', DEFAULT_DB_PATH)
    .option('--json', 'print a JSON array')
    .action((flags: { db: string; json?: boolean }) => {
      const listing = listRuns(flags.db, io.cwd);
      if (flags.json) {
        io.stdout(`${JSON.stringify(listing, null, 2)}\n`);
        return;
      }
      if (listing.length === 0) {
        io.stdout(`no run stored in ${flags.db} yet: start one with avec run\n`);
        return;
      }
      const rows = listing.map((run) => [
        run.id,
        run.startedAt.replace('T', ' ').slice(0, 19),
        run.status,
        run.suites.map((s) => `${s.id}@${s.version}`).join(', '),
        run.models
          .map((m) => (servedDiffers(m.id, m.servedModels) ? `${m.id} (${m.servedModels.join(', ')})` : m.id))
          .join(', '),
        `${run.counts.pass}/${run.counts.fail}/${run.counts.error}`,
      ]);
      io.stdout(
        `${table(['run', 'started (UTC)', 'status', 'suites', 'models (served)', 'pass/fail/error'], rows, ['left', 'left', 'left', 'left', 'left', 'right'])}\n`,
      );
    });
}
