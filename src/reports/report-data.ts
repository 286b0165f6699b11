import type { StoredGrade } from '../graders/types.js';
import type { Outcome } from '../run/types.js';
import type { Comparison } from '../stats/compare.js';
import type { EnergyParameters } from '../stats/energy.js';
import { graderScores } from '../stats/grader-scores.js';
import { type ProcurementRow, procurementMatrix } from '../stats/procurement.js';
import { allGatesPassed, type SummaryRow, summarize } from '../stats/summary.js';
import type { RunRecord, ServedModelChange, Store } from '../store/types.js';
import type { Thresholds } from '../suite/types.js';
import { maskPersonalData } from './mask.js';
import { describeGate } from './terminal.js';

export const REPORT_VERSION = 1;

export interface ReportFailure {
  suiteId: string;
  model: string;
  caseId: string;
  repeat: number;
  outcome: Exclude<Outcome, 'pass'>;
  /** Masked unless the report was made with showPii. */
  output: string | null;
  error: string | null;
  grades: Array<
    Pick<StoredGrade, 'grader' | 'type' | 'pass' | 'score' | 'reason' | 'skipped'> & {
      spans?: StoredGrade['spans'];
    }
  >;
  maskedSpans: number;
}

export interface RunReportData {
  version: typeof REPORT_VERSION;
  kind: 'run';
  generatedAt: string;
  lang: 'fr' | 'en';
  piiMasked: boolean;
  run: {
    id: string;
    startedAt: string;
    finishedAt: string | null;
    status: string;
    avecVersion: string;
    judge: string | null;
    models: Array<{ id: string; destination: string; servedModels: string[] }>;
    suites: Array<{
      id: string;
      version: string;
      fingerprint: string;
      classification: string;
      caseCount: number;
      title: string | null;
    }>;
  };
  gate: { passed: boolean; failures: string[] };
  summary: SummaryRow[];
  failures: ReportFailure[];
  /** How many failing results there were in all, when the list above was cut. */
  failureCount: number;
  servedModelChanges: ServedModelChange[];
  baseline: (Comparison & { runA: { id: string }; runB: { id: string } }) | null;
  /** Present when the run evaluated several models on the same suites. */
  procurement: ProcurementRow[] | null;
}

export interface ReportOptions {
  lang?: 'fr' | 'en';
  /** Personal data stays masked unless this is set, for a report that never leaves the machine. */
  showPii?: boolean;
  /** Most failing results shown in HTML and Markdown; JUnit and CSV list every result. */
  maxFailures?: number;
  baseline?: RunReportData['baseline'];
  energy?: Readonly<Record<string, EnergyParameters>>;
  now?: Date;
}

export function thresholdsOf(run: RunRecord): Map<string, Thresholds> {
  return new Map(run.suites.map((s) => [s.id, s.thresholds ?? {}]));
}

/** Everything a report shows about a run, read from the store once. */
export function buildRunReport(store: Store, run: RunRecord, options: ReportOptions = {}): RunReportData {
  const groups = store.groupCounts(run.id);
  const cases = store.caseTallies(run.id);
  const summary = summarize(groups, thresholdsOf(run), {
    cases,
    graders: graderScores(store.iterateResults(run.id)),
  });
  const baselineRegressions = options.baseline?.rows.filter((row) => row.verdict === 'regression') ?? [];
  const gateFailures = [
    ...summary.flatMap((row) =>
      row.gates
        .filter((gate) => !gate.passed)
        .map((gate) => `${row.suiteId} × ${row.model}: ${describeGate(gate)}`),
    ),
    ...baselineRegressions.map(
      (row) => `${row.suiteId} × ${row.model}: regression against ${options.baseline?.runA.id}`,
    ),
  ];
  const maxFailures = options.maxFailures ?? 200;
  const failures: ReportFailure[] = [];
  let failureCount = 0;
  for (const result of store.iterateResults(run.id)) {
    if (result.outcome === 'pass') continue;
    failureCount++;
    if (failures.length >= maxFailures) continue;
    const masked =
      result.output === null || options.showPii ? undefined : maskPersonalData(result.output, result.grades);
    failures.push({
      suiteId: result.suiteId,
      model: result.model,
      caseId: result.caseId,
      repeat: result.repeat,
      outcome: result.outcome,
      output: masked ? masked.text : result.output,
      error: result.error,
      // Spans index the raw output; once it is masked they would point at the wrong text.
      grades: result.grades.map(({ grader, type, pass, score, reason, skipped, spans }) => ({
        grader,
        type,
        pass,
        score,
        reason,
        ...(skipped ? { skipped } : {}),
        ...(!masked && spans && spans.length > 0 ? { spans } : {}),
      })),
      maskedSpans: masked?.masked ?? 0,
    });
  }
  return {
    version: REPORT_VERSION,
    kind: 'run',
    generatedAt: (options.now ?? new Date()).toISOString(),
    lang: options.lang ?? 'fr',
    piiMasked: !options.showPii,
    run: {
      id: run.id,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      status: run.status,
      avecVersion: run.avecVersion,
      judge: run.options.judge ?? null,
      models: run.models.map((m) => ({
        id: m.id,
        destination: m.destination,
        servedModels: run.servedModels[m.id] ?? [],
      })),
      suites: run.suites.map((s) => ({
        id: s.id,
        version: s.version,
        fingerprint: s.fingerprint,
        classification: s.classification,
        caseCount: s.caseCount,
        title: s.title ?? null,
      })),
    },
    gate: { passed: allGatesPassed(summary) && baselineRegressions.length === 0, failures: gateFailures },
    summary,
    failures,
    failureCount,
    servedModelChanges: store.servedModelChanges(run.id),
    baseline: options.baseline ?? null,
    procurement:
      run.models.length > 1
        ? procurementMatrix(
            groups,
            cases,
            new Map(run.suites.map((s) => [s.id, s.use ?? s.id.split('.')[0] ?? ''])),
            options.energy,
          )
        : null,
  };
}
