import type Database from 'better-sqlite3';
import type { GroupCounts, TrendPoint } from './types.js';

/**
 * The aggregate queries behind summaries and trends: SQL over the whole results table, kept
 * apart from the store's writes so each can be read (and tuned against bench/history) alone.
 */

/**
 * Per suite × model of a run: counts, PII leaks, skipped grades, spend, and the latencies. The
 * grade counts read the flags stored with each result (gradeFlags, migration 8), or, for a
 * result stored before them (pii_leak NULL), its grades.
 */
export function groupCounts(db: Database.Database, runId: string): GroupCounts[] {
  const groups = db
    .prepare<[string], Omit<GroupCounts, 'latenciesMs' | 'servedModels'> & { suiteId: string }>(
      `SELECT suite_id AS suiteId, MAX(suite_version) AS suiteVersion, model, COUNT(*) AS n,
         SUM(outcome = 'pass') AS pass, SUM(outcome = 'fail') AS fail, SUM(outcome = 'error') AS error,
         SUM(CASE WHEN pii_leak IS NULL THEN EXISTS (SELECT 1 FROM json_each(results.grades_json) g
                     WHERE json_extract(g.value, '$.type') = 'pii' AND json_extract(g.value, '$.pass') = 0)
             ELSE pii_leak END) AS piiLeaks,
         SUM(CASE WHEN pii_leak IS NULL THEN EXISTS (SELECT 1 FROM json_each(results.grades_json) g
                     WHERE json_extract(g.value, '$.skipped') = 1)
             ELSE skipped_grades END) AS skippedGrades,
         SUM(cached) AS cached,
         COALESCE(SUM(input_tokens), 0) AS inputTokens, COALESCE(SUM(output_tokens), 0) AS outputTokens,
         COALESCE(SUM(cost_usd), 0) AS costUsd,
         COALESCE(SUM(CASE WHEN pii_leak IS NULL
             THEN (SELECT SUM(json_extract(g.value, '$.judge.costUsd')) FROM json_each(results.grades_json) g)
             ELSE judge_cost_usd END), 0) AS judgeCostUsd,
         SUM(cost_usd IS NULL AND outcome != 'error') AS unknownCost
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

/**
 * Per run × suite × model: what a trend point counts, read through the primary key one run at a
 * time: for a run as it ends, and for the rare run that never ended.
 */
const GROUP_AGGREGATE = `r.run_id AS runId, r.suite_id AS suiteId, MAX(r.suite_version) AS suiteVersion,
  MAX(r.suite_fingerprint) AS fingerprint, r.model, COUNT(*) AS n, SUM(r.outcome = 'pass') AS pass,
  SUM(r.outcome = 'fail') AS fail, SUM(r.outcome = 'error') AS error, COALESCE(SUM(r.cost_usd), 0) AS costUsd,
  SUM(r.cost_usd IS NULL AND r.outcome != 'error') AS unknownCost, GROUP_CONCAT(DISTINCT r.served_model) AS served,
  SUM(r.cached = 0 AND r.latency_ms IS NOT NULL) AS judgedLatencies`;

/** A row of GROUP_AGGREGATE: a trend point's counts, before its median and run are added. */
type GroupAggregate = Omit<TrendPoint, 'startedAt' | 'medianLatencyMs' | 'servedModels' | 'repeats'> & {
  served: string | null;
  judgedLatencies: number;
};

/** The lower median of a group's fresh latencies. */
function medianLatencies(db: Database.Database): (group: GroupAggregate) => number | undefined {
  const seek = db.prepare<[string, string, string, number], { latency_ms: number }>(
    `SELECT latency_ms FROM results WHERE run_id = ? AND suite_id = ? AND model = ? AND cached = 0
     AND latency_ms IS NOT NULL ORDER BY latency_ms LIMIT 1 OFFSET ?`,
  );
  return (group) =>
    group.judgedLatencies === 0
      ? undefined
      : seek.get(group.runId, group.suiteId, group.model, Math.floor((group.judgedLatencies - 1) / 2))
          ?.latency_ms;
}

/**
 * Stores what a trend reads of one run (replacing what was stored). The caller holds a write
 * transaction, so no result of the run can change between the aggregate and the insert.
 */
export function summarizeRun(db: Database.Database, runId: string): void {
  db.prepare('DELETE FROM group_summaries WHERE run_id = ?').run(runId);
  const groups = db
    .prepare<[string], GroupAggregate>(
      `SELECT ${GROUP_AGGREGATE} FROM results r WHERE r.run_id = ?
       GROUP BY r.run_id, r.suite_id, r.model`,
    )
    .all(runId);
  const insert = db.prepare(
    `INSERT INTO group_summaries (run_id, suite_id, model, suite_version, fingerprint, n, pass, fail, error, cost_usd,
       unknown_cost, served, judged_latencies, median_latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const median = medianLatencies(db);
  for (const g of groups) {
    insert.run(
      g.runId,
      g.suiteId,
      g.model,
      g.suiteVersion,
      g.fingerprint,
      g.n,
      g.pass,
      g.fail,
      g.error,
      g.costUsd,
      g.unknownCost,
      g.served,
      g.judgedLatencies,
      median(g) ?? null,
    );
  }
}

/**
 * Per run × suite × model across the history: what `avec trend` plots. Ended runs are read from
 * their stored summaries; a run without any (still running, crashed, or changed since) is
 * aggregated from its results, with the same query that made the summaries.
 */
export function trendPoints(
  db: Database.Database,
  filter: { suiteId?: string; model?: string } = {},
): TrendPoint[] {
  const stored: string[] = [];
  const live: string[] = [];
  const params: string[] = [];
  if (filter.suiteId) {
    stored.push('g.suite_id = ?');
    live.push('r.suite_id = ?');
    params.push(filter.suiteId);
  }
  if (filter.model) {
    stored.push('g.model = ?');
    live.push('r.model = ?');
    params.push(filter.model);
  }
  const rows = db
    .prepare<
      string[],
      GroupAggregate & { startedAt: string; options: string; median: number | null; isStored: 0 | 1 }
    >(
      `SELECT g.run_id AS runId, g.suite_id AS suiteId, g.suite_version AS suiteVersion, g.fingerprint, g.model,
         g.n, g.pass, g.fail, g.error, g.cost_usd AS costUsd, g.unknown_cost AS unknownCost, g.served,
         g.judged_latencies AS judgedLatencies, g.median_latency_ms AS median, 1 AS isStored,
         runs.started_at AS startedAt, runs.options_json AS options
       FROM group_summaries g JOIN runs ON runs.id = g.run_id
       ${stored.length > 0 ? `WHERE ${stored.join(' AND ')}` : ''}
       UNION ALL
       SELECT live.*, NULL, 0, runs.started_at, runs.options_json
       FROM (SELECT ${GROUP_AGGREGATE} FROM results r
             WHERE r.run_id IN (SELECT id FROM runs WHERE NOT EXISTS (SELECT 1 FROM group_summaries s WHERE s.run_id = runs.id))
             ${live.map((condition) => `AND ${condition}`).join(' ')}
             GROUP BY r.run_id, r.suite_id, r.model) live
       JOIN runs ON runs.id = live.runId
       ORDER BY startedAt, runId, suiteId, model`,
    )
    .all(...params, ...params);
  const median = medianLatencies(db);
  return rows.map(({ served, options, judgedLatencies, median: storedMedian, isStored, ...row }) => ({
    ...row,
    medianLatencyMs: isStored ? (storedMedian ?? undefined) : median({ ...row, served, judgedLatencies }),
    servedModels: served ? served.split(',').sort() : [],
    repeats: (JSON.parse(options) as { repeats?: number }).repeats ?? 1,
  }));
}
