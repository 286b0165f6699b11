import type { Command } from 'commander';
import { calibrateSuites } from '../api/calibrate.js';
import { parseReportFormats } from '../api/report.js';
import { DEFAULT_CONCURRENCY } from '../api/run-suites.js';
import { renderCalibration } from '../reports/calibration-terminal.js';
import { renderRunSummary } from '../reports/terminal.js';
import { ExitCode } from '../shared/errors.js';
import { DEFAULT_DB_PATH } from '../store/sqlite.js';
import { displayPath } from '../suite/load-suite.js';
import { type CommandIO, parsePositiveInteger } from './io.js';
import { createProgress } from './progress.js';
import { addReportOptions } from './report-options.js';

interface CalibrateFlags {
  db: string;
  out?: string;
  config?: string;
  judge?: string;
  concurrency?: number;
  json?: boolean;
  strict?: boolean;
  report?: string;
  lang: 'fr' | 'en';
  showPii?: boolean;
}

export function registerCalibrate(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  const command = program
    .command('calibrate')
    .description(
      'run suites against builtin:reference and builtin:mutant and measure what each grader catches and how often it raises a false alarm',
    )
    .argument('[suites...]', 'suite folders, suite.yaml files, or folders of suites', ['suites'])
    .option('--db <path>', 'result database', DEFAULT_DB_PATH)
    .option('--out <dir>', 'folder for results.json and calibration.json (default reports/<run-id>)')
    .option('--config <file>', 'configuration file (default avec.config.yaml if present)')
    .option('--judge <provider:model>', 'model that grades for judge.* graders')
    .option(
      '-c, --concurrency <n>',
      `cases in flight at once (default ${DEFAULT_CONCURRENCY})`,
      parsePositiveInteger('--concurrency', 1000),
    )
    .option(
      '--strict',
      'exit 1 when a reference fails its suite or a grader catches under 90% of its intended defects',
    )
    .option('--json', 'print the calibration as JSON');
  addReportOptions(command, 'all').action(async (paths: string[], flags: CalibrateFlags) => {
    const progress = createProgress(io);
    const outcome = await calibrateSuites({
      paths,
      dbPath: flags.db,
      cwd: io.cwd,
      env: io.env,
      signal: io.signal,
      ...(flags.out ? { outDir: flags.out } : {}),
      ...(flags.config ? { configPath: flags.config } : {}),
      ...(flags.judge ? { judge: flags.judge } : {}),
      ...(flags.concurrency ? { concurrency: flags.concurrency } : {}),
      ...(flags.report ? { reports: parseReportFormats(flags.report) } : {}),
      lang: flags.lang,
      ...(flags.showPii ? { showPii: true } : {}),
      onStart: ({ toAsk }) => progress.start(toAsk),
      onResult: (r) => progress.tick(r),
    }).finally(() => progress.stop());
    if (flags.json) {
      io.stdout(`${JSON.stringify(outcome.calibration, null, 2)}\n`);
    } else {
      io.stdout(
        `${renderRunSummary({ ...outcome.run, resultsFile: displayPath(outcome.run.resultsFile, io.cwd) }, io.colors)}\n\n`,
      );
      io.stdout(
        `${renderCalibration(outcome.calibration, io.colors)}\ncalibration: ${displayPath(outcome.calibrationFile, io.cwd)}\n`,
      );
    }
    if (outcome.run.status !== 'completed') {
      setExit(ExitCode.runIncomplete);
      return;
    }
    const weak = outcome.calibration.graders.some(
      (g) => g.intended.rate !== undefined && g.intended.rate < 0.9,
    );
    if (flags.strict && (outcome.calibration.brokenReferences.length > 0 || weak))
      setExit(ExitCode.gatesFailed);
  });
}
