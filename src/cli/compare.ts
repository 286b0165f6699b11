import type { Command } from 'commander';
import { compare, compareModels } from '../api/compare.js';
import { renderComparison } from '../reports/compare-terminal.js';
import { renderProcurement } from '../reports/procurement-terminal.js';
import { ExitCode } from '../shared/errors.js';
import { DEFAULT_DB_PATH } from '../store/sqlite.js';
import type { CommandIO } from './io.js';

export function registerCompare(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  program
    .command('compare')
    .description(
      'compare two runs case by case: pass rates, newly failing cases, exact McNemar test with Holm correction, verdicts',
    )
    .argument('<run-a>', 'the earlier run (or "latest"); alone, the models of that run side by side')
    .argument('[run-b]', 'the later run (or "latest")')
    .option('--db <path>', 'result database', DEFAULT_DB_PATH)
    .option('--config <file>', 'configuration file (compare.alpha, compare.margin)')
    .option('--json', 'print the comparison as JSON')
    .action(
      (runA: string, runB: string | undefined, flags: { db: string; config?: string; json?: boolean }) => {
        if (runB === undefined) {
          const matrix = compareModels({
            dbPath: flags.db,
            runId: runA,
            cwd: io.cwd,
            ...(flags.config ? { configPath: flags.config } : {}),
          });
          io.stdout(
            flags.json
              ? `${JSON.stringify(matrix, null, 2)}\n`
              : `run ${matrix.runId}\n${renderProcurement(matrix.models, io.colors)}\n`,
          );
          return;
        }
        const comparison = compare({
          dbPath: flags.db,
          runA,
          runB,
          cwd: io.cwd,
          ...(flags.config ? { configPath: flags.config } : {}),
        });
        io.stdout(
          flags.json
            ? `${JSON.stringify(comparison, null, 2)}\n`
            : `${renderComparison(comparison, io.colors)}\n`,
        );
        if (comparison.rows.some((row) => row.verdict === 'regression')) setExit(ExitCode.gatesFailed);
      },
    );
}
