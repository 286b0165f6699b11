import type { Command } from 'commander';
import { parseReportFormats, reportRun } from '../api/report.js';
import { ExitCode } from '../shared/errors.js';
import { DEFAULT_DB_PATH } from '../store/sqlite.js';
import { displayPath } from '../suite/load-suite.js';
import type { CommandIO } from './io.js';
import { addReportOptions } from './report-options.js';

export function registerReport(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  const command = program
    .command('report')
    .description('write the reports of a stored run again: HTML, Markdown, JUnit, JSON, CSV')
    .argument('<run-id>', 'a stored run, or "latest"')
    .option('--db <path>', 'result database', DEFAULT_DB_PATH)
    .option('--out <dir>', 'folder for the reports (default reports/<run-id>)')
    .option('--baseline <run-id|latest>', 'add the comparison with this run')
    .option('--config <file>', 'configuration file (compare.alpha, compare.margin)');
  addReportOptions(command, 'html,md').action(
    async (
      runId: string,
      flags: {
        db: string;
        out?: string;
        baseline?: string;
        config?: string;
        report: string;
        lang: 'fr' | 'en';
        showPii?: boolean;
      },
    ) => {
      const { files, gatePassed } = await reportRun({
        dbPath: flags.db,
        runId,
        formats: parseReportFormats(flags.report),
        cwd: io.cwd,
        lang: flags.lang,
        ...(flags.out ? { outDir: flags.out } : {}),
        ...(flags.showPii ? { showPii: true } : {}),
        ...(flags.baseline ? { baseline: flags.baseline } : {}),
        ...(flags.config ? { configPath: flags.config } : {}),
      });
      for (const file of files) io.stdout(`${displayPath(file, io.cwd)}\n`);
      if (!gatePassed) setExit(ExitCode.gatesFailed);
    },
  );
}
