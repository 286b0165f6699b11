import type Database from 'better-sqlite3';

/**
 * The model ids a name was served under in the latest earlier run that called it: the run, among
 * those other than `runId` that started no later than it (newest first, ties by id), whose
 * results record a served id for `model`. Asked once per model at the end of every run, so it
 * reads only the runs it needs rather than listing the whole history with its counts, and an
 * ended run's stored summaries (exact, see migrations.ts) rather than its results.
 */
export function previousServedModels(
  db: Database.Database,
  runId: string,
  model: string,
): { runId: string; servedModels: string[] } | undefined {
  const previous = db
    .prepare<[{ run: string; model: string }], { id: string }>(
      `SELECT r.id FROM runs r
       WHERE r.id != @run AND r.started_at <= (SELECT started_at FROM runs WHERE id = @run)
         AND (EXISTS (SELECT 1 FROM group_summaries g WHERE g.run_id = r.id AND g.model = @model AND g.served IS NOT NULL)
           OR (NOT EXISTS (SELECT 1 FROM group_summaries g WHERE g.run_id = r.id)
               AND EXISTS (SELECT 1 FROM results x WHERE x.run_id = r.id AND x.model = @model AND x.served_model IS NOT NULL)))
       ORDER BY r.started_at DESC, r.id DESC LIMIT 1`,
    )
    .get({ run: runId, model });
  if (!previous) return undefined;
  const servedModels = db
    .prepare<[string, string], { served_model: string }>(
      `SELECT DISTINCT served_model FROM results WHERE run_id = ? AND model = ? AND served_model IS NOT NULL
       ORDER BY served_model`,
    )
    .all(previous.id, model)
    .map((row) => row.served_model);
  return { runId: previous.id, servedModels };
}
