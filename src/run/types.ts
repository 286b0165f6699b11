import type { StoredGrade } from '../graders/types.js';
import type { Usage } from '../providers/types.js';

/** pass: every grader passed; fail: the model's answer failed one; error: no answer could be had or graded. */
export type Outcome = 'pass' | 'fail' | 'error';

export interface CaseResult {
  runId: string;
  suiteId: string;
  suiteVersion: string;
  suiteFingerprint: string;
  caseId: string;
  /** The configured model spec, e.g. "openai:gpt-4o-mini". */
  model: string;
  /** The model id the server reported, e.g. "gpt-4o-mini-2024-07-18"; null when no answer came. */
  servedModel: string | null;
  /** 1-based. */
  repeat: number;
  outcome: Outcome;
  grades: StoredGrade[];
  output: string | null;
  /** Why the case is an error; never holds an API key. */
  error: string | null;
  usage: Usage | null;
  latencyMs: number | null;
  /** What the answer costs at list price; null when the model's price is unknown. */
  costUsd: number | null;
  /** Replayed from the response cache rather than asked again. */
  cached: boolean;
  /** The known defect builtin:mutant put in this answer; null for every other model. */
  mutation: string | null;
  attempts: number;
  finishedAt: string;
}

/** Identifies one planned question within a run: what resume skips and the store keeps once. */
export function resultKey(parts: { suiteId: string; model: string; caseId: string; repeat: number }): string {
  return `${parts.suiteId}\u0000${parts.model}\u0000${parts.caseId}\u0000${parts.repeat}`;
}

/** Where finished cases go, in the batches the runner makes (see BATCH_LIMIT in execute.ts). */
export interface ResultSink {
  /** One commit, durable when it returns: a crash after this loses nothing appended. */
  appendResults(results: readonly CaseResult[]): void;
}
