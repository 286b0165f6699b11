import { hostname } from 'node:os';
import type { StoredGrade } from '../graders/types.js';
import type { CaseResult } from '../run/types.js';
import type { RunStatus } from './types.js';

/** The columns of the tables, as better-sqlite3 returns them. */
export interface RunRow {
  id: string;
  started_at: string;
  finished_at: string | null;
  status: RunStatus;
  suites_json: string;
  models_json: string;
  options_json: string;
  planned_count: number;
  avec_version: string;
  pid: number | null;
  host: string | null;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A run still "running" whose process is gone on this host was killed: its status says so. */
export function liveStatus(row: Pick<RunRow, 'status' | 'pid' | 'host'>): RunStatus {
  const killed =
    row.status === 'running' && row.pid !== null && row.host === hostname() && !isProcessAlive(row.pid);
  return killed ? 'interrupted' : row.status;
}

export interface ResultRow {
  run_id: string;
  suite_id: string;
  suite_version: string;
  suite_fingerprint: string;
  case_id: string;
  model: string;
  repeat: number;
  served_model: string | null;
  outcome: CaseResult['outcome'];
  grades_json: string;
  output: string | null;
  error: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  latency_ms: number | null;
  cost_usd: number | null;
  cached: number;
  mutation: string | null;
  attempts: number;
  finished_at: string;
}

/** A result as the row the results table stores. */
export function resultRow(result: CaseResult): Record<string, unknown> {
  return {
    run_id: result.runId,
    suite_id: result.suiteId,
    suite_version: result.suiteVersion,
    suite_fingerprint: result.suiteFingerprint,
    case_id: result.caseId,
    model: result.model,
    repeat: result.repeat,
    served_model: result.servedModel,
    outcome: result.outcome,
    grades_json: JSON.stringify(result.grades),
    ...gradeFlags(result.grades),
    output: result.output,
    error: result.error,
    input_tokens: result.usage?.inputTokens ?? null,
    output_tokens: result.usage?.outputTokens ?? null,
    latency_ms: result.latencyMs,
    cost_usd: result.costUsd,
    cached: result.cached ? 1 : 0,
    mutation: result.mutation,
    attempts: result.attempts,
    finished_at: result.finishedAt,
  };
}

/**
 * What groupCounts counts of a result's grades, stored beside them (migration 8): a failed pii
 * grader, a skipped grader, and what LLM judges cost (null when none says).
 */
export function gradeFlags(grades: readonly StoredGrade[]): {
  pii_leak: number;
  skipped_grades: number;
  judge_cost_usd: number | null;
} {
  let piiLeak = 0;
  let skipped = 0;
  let judgeCost: number | null = null;
  for (const grade of grades) {
    if (grade.type === 'pii' && grade.pass === false) piiLeak = 1;
    if (grade.skipped === true) skipped = 1;
    const cost = grade.judge?.costUsd;
    if (typeof cost === 'number') judgeCost = (judgeCost ?? 0) + cost;
  }
  return { pii_leak: piiLeak, skipped_grades: skipped, judge_cost_usd: judgeCost };
}

export function toResult(row: ResultRow): CaseResult {
  return {
    runId: row.run_id,
    suiteId: row.suite_id,
    suiteVersion: row.suite_version,
    suiteFingerprint: row.suite_fingerprint,
    caseId: row.case_id,
    model: row.model,
    servedModel: row.served_model,
    repeat: row.repeat,
    outcome: row.outcome,
    grades: JSON.parse(row.grades_json) as StoredGrade[],
    output: row.output,
    error: row.error,
    usage:
      row.input_tokens === null || row.output_tokens === null
        ? null
        : { inputTokens: row.input_tokens, outputTokens: row.output_tokens },
    latencyMs: row.latency_ms,
    costUsd: row.cost_usd,
    cached: row.cached === 1,
    mutation: row.mutation,
    attempts: row.attempts,
    finishedAt: row.finished_at,
  };
}
