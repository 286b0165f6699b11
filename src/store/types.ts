import type { ResponseCache } from '../run/cache.js';
import type { CaseResult, ResultSink } from '../run/types.js';
import type { Thresholds } from '../suite/types.js';

export type RunStatus = 'running' | 'completed' | 'incomplete' | 'interrupted';

export interface RunSuiteRecord {
  id: string;
  version: string;
  fingerprint: string;
  /** Absolute path of suite.yaml when the run started: what resume loads again. */
  path: string;
  caseCount: number;
  classification: string;
  /** Kept so a report made later judges the run by the gates it ran under. */
  thresholds?: Thresholds;
  title?: string;
  use?: string;
}

export interface RunModelRecord {
  /** Configured spec. */
  id: string;
  /** Where its data went (base URL or "local"). */
  destination: string;
}

export interface RunOptionsRecord {
  repeats?: number;
  concurrency: number;
  cache: boolean;
  judge?: string;
  configFile?: string;
}

export interface NewRun {
  id: string;
  startedAt: string;
  suites: RunSuiteRecord[];
  models: RunModelRecord[];
  options: RunOptionsRecord;
  plannedCount: number;
  avecVersion: string;
  pid: number;
  host: string;
}

export interface RunRecord extends NewRun {
  finishedAt: string | null;
  status: RunStatus;
  /** Served model ids seen per configured model. */
  servedModels: Record<string, string[]>;
  counts: { pass: number; fail: number; error: number };
}

/** Counts per suite × model, the input of every summary. */
export interface GroupCounts {
  suiteId: string;
  suiteVersion: string;
  model: string;
  n: number;
  pass: number;
  fail: number;
  error: number;
  /** Results with at least one failed grader of type pii. */
  piiLeaks: number;
  /** Results with at least one skipped grader. */
  skippedGrades: number;
  cached: number;
  inputTokens: number;
  outputTokens: number;
  /** Sum of the costs that are known, and how many results had none. */
  costUsd: number;
  unknownCost: number;
  /** What LLM judges cost to grade these results, apart from the model's own cost. */
  judgeCostUsd: number;
  latenciesMs: number[];
  servedModels: string[];
}

/** One run's aggregate for one suite × model: a point of a trend. */
export interface TrendPoint {
  runId: string;
  startedAt: string;
  suiteId: string;
  suiteVersion: string;
  fingerprint: string;
  model: string;
  n: number;
  pass: number;
  fail: number;
  error: number;
  costUsd: number;
  unknownCost: number;
  medianLatencyMs: number | undefined;
  servedModels: string[];
  repeats: number;
}

export interface ServedModelChange {
  runId: string;
  model: string;
  previousRunId: string;
  before: string[];
  after: string[];
}

export interface PurgeSummary {
  results: number;
  outputs: number;
  cachedAnswers: number;
  runDeleted: boolean;
}

export interface Store extends ResultSink {
  readonly cache: ResponseCache;
  /** One result in its own commit, for callers outside a run's batches. */
  appendResult(result: CaseResult): void;
  beginRun(run: NewRun): void;
  finishRun(runId: string, status: RunStatus, finishedAt: string): void;
  getRun(runId: string): RunRecord | undefined;
  /** Identity and status only: cheap, for resolving ids. */
  runBrief(runId: string): Pick<RunRecord, 'id' | 'startedAt' | 'status'> | undefined;
  /** Most recent first. */
  listRuns(): RunRecord[];
  /** listRuns without counts and served models: cheap however long the history, for finding "latest". */
  runBriefs(): Array<Pick<RunRecord, 'id' | 'startedAt' | 'status'>>;
  /** Keys of results that need no new answer on resume (pass and fail; errors are asked again). */
  settledKeys(runId: string): Set<string>;
  iterateResults(runId: string, only?: { suiteId: string; model: string }): IterableIterator<CaseResult>;
  groupCounts(runId: string): GroupCounts[];
  /** Per case of a run: passes and judged answers, for intervals that respect repeats. */
  caseTallies(
    runId: string,
  ): Array<{ suiteId: string; model: string; caseId: string; passes: number; judged: number }>;
  /** One point per run × suite × model, oldest first, optionally filtered. */
  trendPoints(filter?: { suiteId?: string; model?: string }): TrendPoint[];
  /**
   * The served ids of `model` in the newest run, other than `runId` and started no later than
   * it, that recorded any: what a served-model change is measured against.
   */
  previousServedModels(runId: string, model: string): { runId: string; servedModels: string[] } | undefined;
  recordServedModelChange(change: ServedModelChange): void;
  /** Deletes a run's answers (or the whole run) and the cached answers it used; counts what went. */
  purgeRun(runId: string, options: { keepScores: boolean }): PurgeSummary;
  servedModelChanges(runId: string): ServedModelChange[];
  close(): void;
}
