import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type Config, loadConfig } from '../config/config.js';
import type { ProviderError } from '../providers/provider-error.js';
import type { ProviderThread } from '../providers/provider-thread.js';
import { resolveProvider } from '../providers/registry.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../providers/retry.js';
import { maskPersonalData } from '../reports/mask.js';
import { writeResultsJson } from '../reports/results-json.js';
import type { ReportFormatName } from '../reports/write-reports.js';
import { executeJobs } from '../run/execute.js';
import { type Job, planJobs, plannedCount } from '../run/plan.js';
import type { CaseResult } from '../run/types.js';
import { UserError } from '../shared/errors.js';
import { AVEC_VERSION } from '../shared/version.js';
import { GraderScoreTally } from '../stats/grader-scores.js';
import { allGatesPassed, type SummaryRow, summarize } from '../stats/summary.js';
import { SqliteStore } from '../store/sqlite.js';
import type { RunRecord, RunStatus, ServedModelChange } from '../store/types.js';
import { displayPath } from '../suite/load-suite.js';
import type { Suite, Thresholds } from '../suite/types.js';
import { compareOptionsFrom, compareStoredRuns, type RunComparison, resolveRunId } from './compare.js';
import { checkDataClassification, loadSuitesWithGraders, resolveProviders } from './load.js';
import { writeRunReports } from './report.js';

export const DEFAULT_CONCURRENCY = 8;

export interface RunSuitesOptions {
  /** Suite files or folders; ignored when resuming. */
  paths: string[];
  /** Model specs; ignored when resuming. */
  models: string[];
  dbPath: string;
  /** Folder for results.json; defaults to reports/<run-id>. */
  outDir?: string;
  configPath?: string;
  /** provider:model of the LLM judge for judge.* graders; overrides the config's `judge`. */
  judge?: string;
  concurrency?: number;
  repeats?: number;
  cache?: boolean;
  resume?: string;
  /** A run id or "latest": compare with it after the run; a significant regression fails the gate. */
  baseline?: string;
  /** Report formats to write beside results.json. */
  reports?: ReportFormatName[];
  lang?: 'fr' | 'en';
  /** Leave personal data unmasked in results and reports (local use only). */
  showPii?: boolean;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Where network providers send their requests; without one, they run in this thread. */
  providerThread?: ProviderThread;
  /** Called once the plan is known, before the first request. */
  onStart?: (info: { runId: string; planned: number; toAsk: number; resumed: boolean }) => void;
  onResult?: (result: CaseResult) => void;
  onRetry?: (job: Job, error: ProviderError, delayMs: number) => void;
}

export interface RunSuitesResult {
  runId: string;
  status: RunStatus;
  rows: SummaryRow[];
  gatesPassed: boolean;
  resultsFile: string;
  asked: number;
  skipped: number;
  elapsedMs: number;
  errors: number;
  /** Configured models whose served model id differs from their previous run's. */
  servedModelChanges: ServedModelChange[];
  baseline?: RunComparison;
  reportFiles: string[];
  /** Endpoints that never answered (connection refused): the run stopped asking them. */
  downEndpoints: string[];
  /** Distinct reasons cases ended in error, most frequent first (at most 3), so a user sees why. */
  errorReasons: Array<{ reason: string; count: number }>;
}

export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

function retryPolicy(config: Config): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...config.retry };
}

/** Everything `avec run` does, minus printing: load, plan, ask, grade, store, summarize. */
export async function runSuites(options: RunSuitesOptions): Promise<RunSuitesResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const config = loadConfig(options.configPath, cwd);
  const concurrency = options.concurrency ?? config.concurrency ?? DEFAULT_CONCURRENCY;
  const store = new SqliteStore(resolve(cwd, options.dbPath));
  try {
    let runId: string;
    let previous: RunRecord | undefined;
    let suitePaths: string[];
    let modelSpecs: string[];
    let repeats = options.repeats;
    let useCache = options.cache ?? true;
    if (options.resume) {
      previous = store.getRun(options.resume);
      if (!previous) {
        throw new UserError(`no run "${options.resume}" in ${displayPath(store.path)}`, {
          hint: 'List runs with `avec runs list`',
        });
      }
      runId = previous.id;
      suitePaths = previous.suites.map((s) => s.path);
      modelSpecs = previous.models.map((m) => m.id);
      repeats = previous.options.repeats;
      useCache = previous.options.cache;
    } else {
      runId = newRunId();
      suitePaths = options.paths;
      modelSpecs = options.models;
    }
    if (suitePaths.length === 0) {
      throw new UserError('no suite given', { hint: 'Name suite folders or files, e.g. avec run suites/' });
    }

    const env = options.env ?? process.env;
    const judgeSpec = previous ? previous.options.judge : (options.judge ?? config.judge);
    const judge = judgeSpec
      ? resolveProvider(judgeSpec, config, env, { thread: options.providerThread })
      : undefined;
    const { suites, graders } = loadSuitesWithGraders(suitePaths, judge ? { judge } : {});
    const providers = resolveProviders(modelSpecs, config, env, options.providerThread);
    checkDataClassification(suites, providers, judge);
    if (previous) assertSameSuites(previous, suites);

    // Resolved before this run exists, so "latest" can never mean the run itself.
    const baselineRun = options.baseline ? resolveRunId(store, options.baseline, runId) : undefined;
    const planOptions = repeats === undefined ? {} : { repeats };
    const planned = plannedCount(suites, providers, planOptions);
    const done = previous ? store.settledKeys(runId) : new Set<string>();
    if (previous) store.reopenRun(runId, process.pid);
    else {
      store.beginRun({
        id: runId,
        startedAt: new Date().toISOString(),
        suites: suites.map((s) => ({
          id: s.id,
          version: s.version,
          fingerprint: s.fingerprint,
          path: s.file,
          caseCount: s.cases.length,
          classification: s.dataset.classification,
          thresholds: s.thresholds,
          title: s.title,
          use: s.use,
        })),
        models: providers.map((p) => ({ id: p.id, destination: p.destination })),
        options: {
          ...(repeats !== undefined ? { repeats } : {}),
          concurrency,
          cache: useCache,
          ...(judgeSpec ? { judge: judgeSpec } : {}),
          ...(config.file ? { configFile: config.file } : {}),
        },
        plannedCount: planned,
        avecVersion: AVEC_VERSION,
        pid: process.pid,
        host: hostname(),
      });
    }
    options.onStart?.({ runId, planned, toAsk: planned - done.size, resumed: previous !== undefined });

    const errorReasons = new Map<string, number>();
    const onResult = (result: CaseResult) => {
      if (result.outcome === 'error') {
        const reason = result.error ?? 'no reason recorded';
        errorReasons.set(reason, (errorReasons.get(reason) ?? 0) + 1);
      }
      options.onResult?.(result);
    };
    const execution = await executeJobs({
      runId,
      jobs: planJobs(suites, providers, planOptions),
      graders,
      sink: store,
      concurrency,
      retry: retryPolicy(config),
      signal: options.signal ?? new AbortController().signal,
      ...(useCache ? { cache: store.cache } : {}),
      done,
      ...(config.pricing ? { pricing: config.pricing } : {}),
      onResult,
      ...(options.onRetry ? { onRetry: options.onRetry } : {}),
    });

    const groups = store.groupCounts(runId);
    const errors = groups.reduce((sum, g) => sum + g.error, 0);
    const stored = groups.reduce((sum, g) => sum + g.n, 0);
    const status: RunStatus = execution.interrupted
      ? 'interrupted'
      : errors > 0 || stored < planned
        ? 'incomplete'
        : 'completed';
    store.finishRun(runId, status, new Date().toISOString());

    const resultsFile = join(resolve(cwd, options.outDir ?? join('reports', runId)), 'results.json');
    // One pass over the stored results feeds both results.json and the graders' scores.
    const scores = new GraderScoreTally();
    await writeResultsJson(
      tapped(store.iterateResults(runId), (result) => scores.add(result)),
      resultsFile,
      options.showPii ? undefined : maskResult,
    );
    const rows = summarize(groups, thresholdsOf(suites), {
      cases: store.caseTallies(runId),
      graders: scores.summary(),
    });
    const servedModelChanges = detectServedModelChanges(store, runId);
    const baseline = baselineRun
      ? compareStoredRuns(store, baselineRun.id, runId, compareOptionsFrom(config))
      : undefined;
    const reportFiles =
      options.reports && options.reports.length > 0
        ? (
            await writeRunReports(store, {
              runId,
              formats: options.reports,
              dir: dirname(resultsFile),
              ...(options.lang ? { lang: options.lang } : {}),
              ...(options.showPii ? { showPii: true } : {}),
              ...(baselineRun ? { baseline: baselineRun.id } : {}),
              compareOptions: compareOptionsFrom(config),
              ...(config.energy ? { energy: config.energy } : {}),
            })
          ).files
        : [];
    return {
      reportFiles,
      downEndpoints: execution.downEndpoints,
      servedModelChanges,
      ...(baseline ? { baseline } : {}),
      runId,
      status,
      rows,
      gatesPassed:
        allGatesPassed(rows) && !(baseline?.rows.some((row) => row.verdict === 'regression') ?? false),
      resultsFile,
      asked: execution.asked,
      skipped: execution.skipped,
      elapsedMs: performance.now() - started,
      errors,
      errorReasons: [...errorReasons]
        .map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count)
        .slice(0, 3),
    };
  } finally {
    store.close();
  }
}

function* tapped<T>(items: Iterable<T>, see: (item: T) => void): Generator<T> {
  for (const item of items) {
    see(item);
    yield item;
  }
}

/**
 * Compares each model's served ids with its previous run's and records any difference: the
 * moment a vendor swapped the model behind a name.
 */
function detectServedModelChanges(store: SqliteStore, runId: string): ServedModelChange[] {
  const current = store.getRun(runId);
  if (!current) return [];
  const changes: ServedModelChange[] = [];
  for (const model of current.models) {
    const after = current.servedModels[model.id] ?? [];
    if (after.length === 0) continue;
    const previous = store.previousServedModels(runId, model.id);
    if (!previous || previous.servedModels.join() === after.join()) continue;
    const change = {
      runId,
      model: model.id,
      previousRunId: previous.runId,
      before: previous.servedModels,
      after,
    };
    store.recordServedModelChange(change);
    changes.push(change);
  }
  return changes;
}

/** results.json is shared like a report: the personal data graders found is masked in it too. */
function maskResult(result: CaseResult): CaseResult {
  if (result.output === null) return result;
  const masked = maskPersonalData(result.output, result.grades);
  if (masked.masked === 0) return result;
  return {
    ...result,
    output: masked.text,
    grades: result.grades.map(({ spans: _spans, ...grade }) => grade),
  };
}

function thresholdsOf(suites: Suite[]): Map<string, Thresholds> {
  return new Map(suites.map((s) => [s.id, s.thresholds]));
}

/** A resumed run must ask the same questions: a suite edited since would mix two versions in one run. */
function assertSameSuites(previous: RunRecord, suites: Suite[]): void {
  for (const recorded of previous.suites) {
    const now = suites.find((s) => s.id === recorded.id);
    if (!now || now.fingerprint !== recorded.fingerprint) {
      throw new UserError(
        `suite ${recorded.id} changed since run ${previous.id} started (fingerprint ${recorded.fingerprint.slice(0, 19)}…)`,
        { place: { file: displayPath(recorded.path) }, hint: 'Start a new run instead of resuming this one' },
      );
    }
  }
}
