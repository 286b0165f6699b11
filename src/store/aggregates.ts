import type Database from 'better-sqlite3';
import type { GroupCounts, TrendPoint } from './types.js';

/**
 * The aggregate queries behind summaries and trends: SQL over the whole results table, kept
 * apart from the store's writes so each can be read (and tuned against bench/history) alone.
 */

/** Per suite × model of a run: counts, PII leaks, skipped grades, spend, and the latencies. */
export function groupCounts(db: Database.Database, runId: string): GroupCounts[] {
  const groups = db
    .prepare<[string], Omit<GroupCounts, 'latenciesMs' | 'servedModels'> & { suiteId: string }>(
      `SELECT suite_id AS suiteId, MAX(suite_version) AS suiteVersion, model, COUNT(*) AS n,
         SUM(outcome = 'pass') AS pass, SUM(outcome = 'fail') AS fail, SUM(outcome = 'error') AS error,
         SUM(EXISTS (SELECT 1 FROM json_each(results.grades_json) g
                     WHERE json_extract(g.value, '$.type') = 'pii' AND json_extract(g.value, '$.pass') = 0)) AS piiLeaks,
         SUM(EXISTS (SELECT 1 FROM json_each(results.grades_json) g
                     WHERE json_extract(g.value, '$.skipped') = 1)) AS skippedGrades,
         SUM(cached) AS cached,
         COALESCE(SUM(input_tokens), 0) AS inputTokens, COALESCE(SUM(output_tokens), 0) AS outputTokens,
         COALESCE(SUM(cost_usd), 0) AS costUsd,
         COALESCE(SUM((SELECT SUM(json_extract(g.value, '$.judge.costUsd')) FROM json_each(results.grades_json) g)), 0) AS judgeCostUsd, SUM(cost_usd IS NULL AND outcome != 'error') AS unknownCost
       FROM results WHERE run_id = ? GROUP BY suite_id, model ORDER BY suite_id, model`,
    )
    .all(runId);
  const latencies = db.prepare<[string, string, string], { latency_ms: number }>(
    'SELECT latency_ms FROM results WHERE run_id = ? AND suite_id = ? AND model = ? AND latency_ms IS NOT NULL AND cached = 0 ORDER BY latency_ms',
  );
  const served = db.prepare<[string, string, string], { served_model: string }>(
    'SELECT DISTINCT served_model FROM results WHERE run_id = ? AND suite_id = ? AND model = ? AND served_model IS NOT NULL ORDER BY served_model',
  );
  return groups.map((group) => ({
    ...group,
    latenciesMs: latencies.all(runId, group.suiteId, group.model).map((r) => r.latency_ms),
    servedModels: served.all(runId, group.suiteId, group.model).map((r) => r.served_model),
  }));
}

/** Per run × suite × model across the history: what `avec trend` plots. */
export function trendPoints(
  db: Database.Database,
  filter: { suiteId?: string; model?: string } = {},
): TrendPoint[] {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.suiteId) {
    where.push('r.suite_id = ?');
    params.push(filter.suiteId);
  }
  if (filter.model) {
    where.push('r.model = ?');
    params.push(filter.model);
  }
  // results_summary holds every column aggregated here, so the scan never reads a row's output
  // or grades. Left to itself SQLite walks the primary key and reads every row (30% slower
  // over a million results, bench/history).
  const rows = db
    .prepare<
      string[],
      Omit<TrendPoint, 'medianLatencyMs' | 'servedModels' | 'repeats'> & {
        served: string | null;
        options: string;
        judgedLatencies: number;
      }
    >(
      `SELECT r.run_id AS runId, runs.started_at AS startedAt, r.suite_id AS suiteId, MAX(r.suite_version) AS suiteVersion,
         MAX(r.suite_fingerprint) AS fingerprint, r.model, COUNT(*) AS n, SUM(r.outcome = 'pass') AS pass,
         SUM(r.outcome = 'fail') AS fail, SUM(r.outcome = 'error') AS error, COALESCE(SUM(r.cost_usd), 0) AS costUsd,
         SUM(r.cost_usd IS NULL AND r.outcome != 'error') AS unknownCost, GROUP_CONCAT(DISTINCT r.served_model) AS served,
         runs.options_json AS options, SUM(r.cached = 0 AND r.latency_ms IS NOT NULL) AS judgedLatencies
       FROM results r INDEXED BY results_summary JOIN runs ON runs.id = r.run_id
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       GROUP BY r.run_id, r.suite_id, r.model
       ORDER BY runs.started_at, r.run_id, r.suite_id, r.model`,
    )
    .all(...params);
  // The median comes from the (run, suite, model, cached, latency) index: one seek per point.
  const median = db.prepare<[string, string, string, number], { latency_ms: number }>(
    `SELECT latency_ms FROM results WHERE run_id = ? AND suite_id = ? AND model = ? AND cached = 0
     AND latency_ms IS NOT NULL ORDER BY latency_ms LIMIT 1 OFFSET ?`,
  );
  return rows.map(({ served, options, judgedLatencies, ...row }) => ({
    ...row,
    medianLatencyMs:
      judgedLatencies > 0
        ? median.get(row.runId, row.suiteId, row.model, Math.floor((judgedLatencies - 1) / 2))?.latency_ms
        : undefined,
    servedModels: served ? served.split(',').sort() : [],
    repeats: (JSON.parse(options) as { repeats?: number }).repeats ?? 1,
  }));
}
