import type { Command } from 'commander';
import { parseReportFormats } from '../api/report.js';
import { DEFAULT_CONCURRENCY, type RunSuitesResult, runSuites } from '../api/run-suites.js';
import { ProviderThread } from '../providers/provider-thread.js';
import { renderComparison } from '../reports/compare-terminal.js';
import { renderRunSummary } from '../reports/terminal.js';
import { ExitCode } from '../shared/errors.js';
import { DEFAULT_DB_PATH } from '../store/sqlite.js';
import { displayPath } from '../suite/load-suite.js';
import { type CommandIO, collect, parsePositiveInteger } from './io.js';
import { createProgress } from './progress.js';
import { addReportOptions } from './report-options.js';

interface RunFlags {
  model: string[];
  concurrency?: number;
  repeats?: number;
  cache: boolean;
  resume?: string;
  db: string;
  out?: string;
  config?: string;
  judge?: string;
  baseline?: string;
  report?: string;
  lang: 'fr' | 'en';
  showPii?: boolean;
  json?: boolean;
}

export function registerRun(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  const command = program
    .command('run')
    .description('run suites against one or more models, store every result, and check the gates')
    .argument('[suites...]', 'suite folders, suite.yaml files, or folders of suites')
    .option(
      '-m, --model <provider:model>',
      'model to evaluate, repeatable (e.g. openai:gpt-4o-mini)',
      collect,
      [],
    )
    .option(
      '-c, --concurrency <n>',
      `requests in flight at once (default ${DEFAULT_CONCURRENCY})`,
      parsePositiveInteger('--concurrency', 1000),
    )
    .option(
      '-r, --repeats <n>',
      "ask each case n times (overrides the suites' repeats)",
      parsePositiveInteger('--repeats', 100),
    )
    .option('--no-cache', 'ask the models again even when an identical request was answered before')
    .option('--resume <run-id>', 'finish an interrupted run: ask only what it has not stored')
    .option('--db <path>', 'result database', DEFAULT_DB_PATH)
    .option('--out <dir>', 'folder for results.json (default reports/<run-id>)')
    .option('--config <file>', 'configuration file (default avec.config.yaml if present)')
    .option(
      '--judge <provider:model>',
      'model that grades for judge.* graders (default: judge in the config; without one they are skipped)',
    )
    .option(
      '--baseline <run-id|latest>',
      'compare with this run afterwards; a significant regression fails (exit 1)',
    )
    .option('--json', 'print the summary as JSON instead of a table');
  addReportOptions(command).action(async (paths: string[], flags: RunFlags) => {
    const progress = createProgress(io);
    const providerThread = ProviderThread.beside(import.meta.url);
    // Built-in models answer in this thread: only a network model needs the other one.
    if (flags.model.some((spec) => !spec.startsWith('builtin:'))) providerThread?.warmUp();
    let result: RunSuitesResult;
    try {
      result = await runSuites({
        ...(providerThread ? { providerThread } : {}),
        paths,
        models: flags.model,
        dbPath: flags.db,
        cwd: io.cwd,
        env: io.env,
        signal: io.signal,
        cache: flags.cache,
        ...(flags.out ? { outDir: flags.out } : {}),
        ...(flags.config ? { configPath: flags.config } : {}),
        ...(flags.judge ? { judge: flags.judge } : {}),
        ...(flags.baseline ? { baseline: flags.baseline } : {}),
        ...(flags.report ? { reports: parseReportFormats(flags.report) } : {}),
        lang: flags.lang,
        ...(flags.showPii ? { showPii: true } : {}),
        ...(flags.concurrency ? { concurrency: flags.concurrency } : {}),
        ...(flags.repeats ? { repeats: flags.repeats } : {}),
        ...(flags.resume ? { resume: flags.resume } : {}),
        onStart: ({ runId, planned, toAsk, resumed }) => {
          io.stderr(
            `${resumed ? 'resuming' : 'starting'} run ${runId}: ${toAsk} of ${planned} cases to ask\n`,
          );
          progress.start(toAsk);
        },
        onResult: (r) => progress.tick(r),
      });
    } finally {
      progress.stop();
      await providerThread?.close();
    }
    const shownResults = displayPath(result.resultsFile, io.cwd);
    if (flags.json) {
      io.stdout(`${JSON.stringify({ ...result, resultsFile: shownResults }, null, 2)}\n`);
    } else {
      io.stdout(`${renderRunSummary({ ...result, resultsFile: shownResults }, io.colors)}\n`);
      for (const change of result.servedModelChanges) {
        io.stdout(
          `served model changed for ${change.model}: ${change.before.join(', ')} (run ${change.previousRunId}) → ${change.after.join(', ')}\n`,
        );
      }
      if (result.baseline)
        io.stdout(
          `\nagainst baseline ${result.baseline.runA.id}:\n${renderComparison(result.baseline, io.colors)}\n`,
        );
    }
    setExit(exitCodeFor(result, io));
  });
}

/**
 * 3 when the run could not complete (interrupted, or errors no `maxErrorRate` gate accounts for),
 * then 1 when a gate failed, else 0.
 */
export function exitCodeFor(result: RunSuitesResult, io: Pick<CommandIO, 'stderr'>): number {
  const resumeHint = `resume with: avec run --resume ${result.runId}`;
  if (result.status === 'interrupted') {
    io.stderr(`run ${result.runId} was interrupted; ${resumeHint}\n`);
    return ExitCode.runIncomplete;
  }
  for (const endpoint of result.downEndpoints) {
    io.stderr(
      `the endpoint ${endpoint} does not answer (connection refused or unknown host): check that it runs and that its base URL is right\n`,
    );
  }
  const unaccounted = result.rows.filter(
    (row) => row.error > 0 && !row.gates.some((g) => g.name === 'maxErrorRate'),
  );
  if (unaccounted.length > 0) {
    const count = unaccounted.reduce((sum, row) => sum + row.error, 0);
    io.stderr(`${count} case(s) could not be answered or graded; ${resumeHint} (errors are asked again)\n`);
    for (const { reason, count: times } of result.errorReasons) io.stderr(`  ${times} × ${reason}\n`);
    return ExitCode.runIncomplete;
  }
  return result.gatesPassed ? ExitCode.ok : ExitCode.gatesFailed;
}
