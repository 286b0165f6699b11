import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { writeTrendReports } from '../api/side-reports.js';
import { trend } from '../api/trend.js';
import { renderTrend } from '../reports/trend-terminal.js';
import { DEFAULT_DB_PATH } from '../store/sqlite.js';
import { displayPath } from '../suite/load-suite.js';
import type { CommandIO } from './io.js';

export function registerTrend(program: Command, io: CommandIO): void {
  program
    .command('trend')
    .description(
      'each suite × model over time: pass rate, cost, latency, and what changed when the served model changed',
    )
    .option('--suite <id>', 'only this suite')
    .option('--model <provider:model>', 'only this configured model')
    .option('--db <path>', 'result database', DEFAULT_DB_PATH)
    .option('--config <file>', 'configuration file (compare.alpha, compare.margin)')
    .option('--json', 'print the series as JSON')
    .option('--report <formats>', 'also write the trend as html,md,json or all')
    .option('--out <dir>', 'folder for --report (default reports/trend)')
    .option('--lang <fr|en>', 'language of the reports', 'fr')
    .action(
      async (flags: {
        suite?: string;
        model?: string;
        db: string;
        config?: string;
        json?: boolean;
        report?: string;
        out?: string;
        lang: string;
      }) => {
        const series = trend({
          dbPath: flags.db,
          cwd: io.cwd,
          ...(flags.suite ? { suiteId: flags.suite } : {}),
          ...(flags.model ? { model: flags.model } : {}),
          ...(flags.config ? { configPath: flags.config } : {}),
        });
        io.stdout(
          flags.json ? `${JSON.stringify(series, null, 2)}\n` : `${renderTrend(series, io.colors)}\n`,
        );
        if (flags.report) {
          const files = await writeTrendReports(
            series,
            flags.report,
            resolve(io.cwd, flags.out ?? join('reports', 'trend')),
            flags.lang === 'en' ? 'en' : 'fr',
          );
          for (const file of files) io.stderr(`report: ${displayPath(file, io.cwd)}\n`);
        }
      },
    );
}
