import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { compare, compareModels } from '../api/compare.js';
import { writeComparisonReports } from '../api/side-reports.js';
import { renderComparison } from '../reports/compare-terminal.js';
import { renderProcurement } from '../reports/procurement-terminal.js';
import { ExitCode } from '../shared/errors.js';
import { DEFAULT_DB_PATH } from '../store/sqlite.js';
import { displayPath } from '../suite/load-suite.js';
import type { CommandIO } from './io.js';

interface CompareFlags {
  db: string;
  config?: string;
  json?: boolean;
  report?: string;
  out?: string;
  lang: string;
}

export function registerCompare(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  program
    .command('compare')
    .description(
      'compare two runs case by case (exact McNemar, Holm, verdicts), or with one run, its models side by side for procurement',
    )
    .argument('<run-a>', 'the earlier run (or "latest"); alone, the models of that run side by side')
    .argument('[run-b]', 'the later run (or "latest")')
    .option('--db <path>', 'result database', DEFAULT_DB_PATH)
    .option('--config <file>', 'configuration file (compare.alpha, compare.margin, energy)')
    .option('--json', 'print the comparison as JSON')
    .option('--report <formats>', 'also write the comparison as html,md,json or all')
    .option('--out <dir>', 'folder for --report (default reports/compare-<a>-<b>)')
    .option('--lang <fr|en>', 'language of the reports', 'fr')
    .action(async (runA: string, runB: string | undefined, flags: CompareFlags) => {
      const configOption = flags.config ? { configPath: flags.config } : {};
      if (runB === undefined) {
        const matrix = compareModels({ dbPath: flags.db, runId: runA, cwd: io.cwd, ...configOption });
        io.stdout(
          flags.json
            ? `${JSON.stringify(matrix, null, 2)}\n`
            : `run ${matrix.runId}\n${renderProcurement(matrix.models, io.colors)}\n`,
        );
        return;
      }
      const comparison = compare({ dbPath: flags.db, runA, runB, cwd: io.cwd, ...configOption });
      io.stdout(
        flags.json
          ? `${JSON.stringify(comparison, null, 2)}\n`
          : `${renderComparison(comparison, io.colors)}\n`,
      );
      if (flags.report) {
        const dir = resolve(
          io.cwd,
          flags.out ?? join('reports', `compare-${comparison.runA.id}-${comparison.runB.id}`),
        );
        const files = await writeComparisonReports(
          comparison,
          flags.report,
          dir,
          flags.lang === 'en' ? 'en' : 'fr',
        );
        for (const file of files) io.stderr(`report: ${displayPath(file, io.cwd)}\n`);
      }
      if (comparison.rows.some((row) => row.verdict === 'regression')) setExit(ExitCode.gatesFailed);
    });
}
