import type { Command } from 'commander';
import { trend } from '../api/trend.js';
import { renderTrend } from '../reports/trend-terminal.js';
import { DEFAULT_DB_PATH } from '../store/sqlite.js';
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
    .action((flags: { suite?: string; model?: string; db: string; config?: string; json?: boolean }) => {
      const series = trend({
        dbPath: flags.db,
        cwd: io.cwd,
        ...(flags.suite ? { suiteId: flags.suite } : {}),
        ...(flags.model ? { model: flags.model } : {}),
        ...(flags.config ? { configPath: flags.config } : {}),
      });
      io.stdout(flags.json ? `${JSON.stringify(series, null, 2)}\n` : `${renderTrend(series, io.colors)}\n`);
    });
}
