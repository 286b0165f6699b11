import type { Command } from 'commander';
import { listRuns, purgeRun } from '../api/runs.js';
import { table } from '../reports/format.js';
import { servedDiffers } from '../reports/terminal.js';
import { DEFAULT_DB_PATH } from '../store/sqlite.js';
import { displayPath } from '../suite/load-suite.js';
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

export function registerRunsPurge(program: Command, io: CommandIO): void {
  const runs = program.commands.find((command) => command.name() === 'runs');
  if (!runs) return;
  runs
    .command('purge')
    .description(
      "delete a run's answers (data-retention request): results, cached answers and its report folder",
    )
    .argument('<run-id>', 'the run to purge')
    .option('--db <path>', 'result database', DEFAULT_DB_PATH)
    .option('--keep-scores', 'keep the verdicts and scores, delete only the answer texts')
    .option('--reports <dir>', 'where report folders are', 'reports')
    .action((runId: string, flags: { db: string; keepScores?: boolean; reports: string }) => {
      const result = purgeRun({
        dbPath: flags.db,
        runId,
        keepScores: flags.keepScores ?? false,
        reportsDir: flags.reports,
        cwd: io.cwd,
      });
      const lines = [
        `purged run ${result.runId}:`,
        `  answers deleted: ${result.outputs}`,
        result.runDeleted
          ? `  results deleted: ${result.results} (the run is gone from the history)`
          : '  results kept, without their answers or spans',
        `  cached answers deleted: ${result.cachedAnswers}`,
        ...result.reportFolders.map((folder) => `  report folder deleted: ${displayPath(folder, io.cwd)}`),
      ];
      io.stdout(`${lines.join('\n')}\n`);
    });
}
