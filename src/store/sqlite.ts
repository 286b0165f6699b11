import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Completion } from '../providers/types.js';
import type { ResponseCache } from '../run/cache.js';
import { type CaseResult, resultKey } from '../run/types.js';
import { UserError } from '../shared/errors.js';
import { groupCounts, summarizeRun, trendPoints } from './aggregates.js';
import { GROUP_SUMMARIES_MIGRATION, MIGRATIONS } from './migrations.js';
import { liveStatus, type ResultRow, type RunRow, resultRow, toResult } from './rows.js';
import { previousServedModels } from './served-models.js';
import type {
  GroupCounts,
  NewRun,
  PurgeSummary,
  RunRecord,
  RunStatus,
  ServedModelChange,
  Store,
  TrendPoint,
} from './types.js';

export const DEFAULT_DB_PATH = '.avec/avec.db';

type RunBrief = Pick<RunRecord, 'id' | 'startedAt' | 'status'>;
type BriefRow = Pick<RunRow, 'id' | 'started_at' | 'status' | 'pid' | 'host'>;
/** What a run's brief reads: enough for its status as liveStatus tells it, none of its counts. */
const SELECT_BRIEF = 'SELECT id, started_at, status, pid, host FROM runs';
const toBrief = (row: BriefRow): RunBrief => ({
  id: row.id,
  startedAt: row.started_at,
  status: liveStatus(row),
});

/**
 * SQLite in WAL mode: readers never block the writer, two runs can share a file (busy timeout),
 * and with synchronous=NORMAL a commit survives a killed process, which is the crash that matters
 * for a run (a power cut may lose the last commits, not corrupt the file).
 */
export class SqliteStore implements Store {
  readonly cache: ResponseCache;
  private readonly db: Database.Database;
  private readonly insertResult: Database.Statement;
  /**
   * Fresh answers wait here for the result of their case and enter the cache in its commit: one
   * commit per case instead of two, which is most of what storing a result costs. A crash in
   * between loses the answer only with its result, so resuming asks that case again anyway.
   */
  private pendingAnswers = new Map<string, { json: string; at: string }>();
  private readonly commit: (rows: readonly Record<string, unknown>[]) => void;

  constructor(
    readonly path: string,
    options: { readonly?: boolean } = {},
  ) {
    if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
    try {
      this.db = new Database(path, {
        readonly: options.readonly ?? false,
        fileMustExist: options.readonly ?? false,
      });
      this.db.pragma('busy_timeout = 10000');
      if (!options.readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
      }
      this.db.pragma('foreign_keys = ON');
      this.migrate(options.readonly ?? false);
    } catch (error) {
      if (error instanceof UserError) throw error;
      const message = (error as Error).message;
      throw new UserError(`cannot open the result database: ${message}`, {
        place: { file: path },
        hint: /not a database|malformed|file is encrypted/i.test(message)
          ? 'The file is not an avec SQLite database or is damaged: point --db at another file'
          : /does not exist|unable to open/i.test(message)
            ? 'Run `avec run` first, or point --db at an existing database'
            : 'Check the --db path and its permissions',
      });
    }
    this.insertResult = this.db.prepare(`
      INSERT INTO results (run_id, suite_id, suite_version, suite_fingerprint, case_id, model, repeat, served_model,
        outcome, grades_json, pii_leak, skipped_grades, judge_cost_usd, output, error, input_tokens, output_tokens,
        latency_ms, cost_usd, cached, mutation, attempts, finished_at)
      VALUES (@run_id, @suite_id, @suite_version, @suite_fingerprint, @case_id, @model, @repeat, @served_model,
        @outcome, @grades_json, @pii_leak, @skipped_grades, @judge_cost_usd, @output, @error, @input_tokens, @output_tokens,
        @latency_ms, @cost_usd, @cached, @mutation, @attempts, @finished_at)
      ON CONFLICT (run_id, suite_id, model, case_id, repeat) DO UPDATE SET
        suite_version = excluded.suite_version, suite_fingerprint = excluded.suite_fingerprint,
        served_model = excluded.served_model, outcome = excluded.outcome, grades_json = excluded.grades_json,
        pii_leak = excluded.pii_leak, skipped_grades = excluded.skipped_grades, judge_cost_usd = excluded.judge_cost_usd,
        output = excluded.output, error = excluded.error, input_tokens = excluded.input_tokens,
        output_tokens = excluded.output_tokens, latency_ms = excluded.latency_ms, cost_usd = excluded.cost_usd,
        cached = excluded.cached, mutation = excluded.mutation, attempts = excluded.attempts, finished_at = excluded.finished_at
    `);
    const getCached = this.db.prepare<[string], { completion_json: string }>(
      'SELECT completion_json FROM response_cache WHERE key = ?',
    );
    const setCached = this.db.prepare(
      'INSERT OR REPLACE INTO response_cache (key, completion_json, created_at) VALUES (?, ?, ?)',
    );
    this.cache = {
      get: (key) => {
        const json = this.pendingAnswers.get(key)?.json ?? getCached.get(key)?.completion_json;
        return json === undefined ? undefined : (JSON.parse(json) as Completion);
      },
      set: (key, completion) => {
        this.pendingAnswers.set(key, { json: JSON.stringify(completion), at: new Date().toISOString() });
      },
    };
    this.commit = this.db.transaction((rows: readonly Record<string, unknown>[]) => {
      for (const [key, answer] of this.pendingAnswers) setCached.run(key, answer.json, answer.at);
      for (const row of rows) this.insertResult.run(row);
    });
  }

  /** Commits the waiting answers with the given results; they are dropped only once stored. */
  private commitWith(rows: readonly Record<string, unknown>[]): void {
    this.commit(rows);
    this.pendingAnswers.clear();
  }

  private migrate(readonly: boolean): void {
    const applied = this.db.pragma('user_version', { simple: true }) as number;
    if (applied > MIGRATIONS.length) {
      throw new UserError(`the database was written by a newer avec (schema ${applied})`, {
        place: { file: this.path },
        hint: 'Upgrade avec, or use another --db',
      });
    }
    if (applied === MIGRATIONS.length) return;
    if (readonly) {
      throw new UserError('the database needs a schema upgrade', {
        place: { file: this.path },
        hint: 'Run any writing command (e.g. avec run) once to upgrade it',
      });
    }
    // Another process may be upgrading the same new file right now: read the version again
    // once this transaction holds the write lock, and apply only what is still missing.
    const upgrade = this.db.transaction(() => {
      const current = this.db.pragma('user_version', { simple: true }) as number;
      for (let version = current; version < MIGRATIONS.length; version++) {
        this.db.exec(MIGRATIONS[version] as string);
      }
      if (current <= GROUP_SUMMARIES_MIGRATION) {
        // Runs that ended before summaries existed; a run still going is summarised as it ends.
        const ended = this.db
          .prepare<[], { id: string }>("SELECT id FROM runs WHERE status != 'running'")
          .all();
        for (const { id } of ended) summarizeRun(this.db, id);
      }
      this.db.pragma(`user_version = ${MIGRATIONS.length}`);
    });
    upgrade.immediate();
  }

  beginRun(run: NewRun): void {
    const insert = this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO runs (id, started_at, finished_at, status, suites_json, models_json, options_json, planned_count,
            avec_version, pid, host) VALUES (?, ?, NULL, 'running', ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          run.id,
          run.startedAt,
          JSON.stringify(run.suites),
          JSON.stringify(run.models),
          JSON.stringify(run.options),
          run.plannedCount,
          run.avecVersion,
          run.pid,
          run.host,
        );
      const suite = this.db.prepare(
        'INSERT INTO run_suites (run_id, suite_id, version, fingerprint) VALUES (?, ?, ?, ?)',
      );
      for (const s of run.suites) suite.run(run.id, s.id, s.version, s.fingerprint);
    });
    insert.immediate();
  }

  /** Marks a resumed run as running again under this process. */
  reopenRun(runId: string, pid: number): void {
    this.db
      .prepare("UPDATE runs SET status = 'running', finished_at = NULL, pid = ?, host = ? WHERE id = ?")
      .run(pid, hostname(), runId);
  }

  appendResult(result: CaseResult): void {
    this.commitWith([resultRow(result)]);
  }

  appendResults(results: readonly CaseResult[]): void {
    this.commitWith(results.map(resultRow));
  }

  /** Ends a run and stores what trends read of it, so that they need not scan its results again. */
  finishRun(runId: string, status: RunStatus, finishedAt: string): void {
    const finish = this.db.transaction(() => {
      this.db
        .prepare('UPDATE runs SET status = ?, finished_at = ? WHERE id = ?')
        .run(status, finishedAt, runId);
      summarizeRun(this.db, runId);
    });
    finish.immediate();
  }

  getRun(runId: string): RunRecord | undefined {
    const row = this.db.prepare<[string], RunRow>('SELECT * FROM runs WHERE id = ?').get(runId);
    return row ? this.toRecord(row) : undefined;
  }

  runBrief(runId: string): RunBrief | undefined {
    const row = this.db.prepare<[string], BriefRow>(`${SELECT_BRIEF} WHERE id = ?`).get(runId);
    return row && toBrief(row);
  }

  runBriefs(): RunBrief[] {
    return this.db
      .prepare<[], BriefRow>(`${SELECT_BRIEF} ORDER BY started_at DESC, id DESC`)
      .all()
      .map(toBrief);
  }

  listRuns(): RunRecord[] {
    return this.db
      .prepare<[], RunRow>('SELECT * FROM runs ORDER BY started_at DESC, id DESC')
      .all()
      .map((row) => this.toRecord(row));
  }

  private toRecord(row: RunRow): RunRecord {
    const counts = { pass: 0, fail: 0, error: 0 };
    for (const c of this.db
      .prepare<[string], { outcome: keyof typeof counts; n: number }>(
        'SELECT outcome, COUNT(*) AS n FROM results WHERE run_id = ? GROUP BY outcome',
      )
      .all(row.id)) {
      counts[c.outcome] = c.n;
    }
    const servedModels: Record<string, string[]> = {};
    for (const s of this.db
      .prepare<[string], { model: string; served_model: string }>(
        'SELECT DISTINCT model, served_model FROM results WHERE run_id = ? AND served_model IS NOT NULL ORDER BY model, served_model',
      )
      .all(row.id)) {
      servedModels[s.model] = [...(servedModels[s.model] ?? []), s.served_model];
    }
    return {
      id: row.id,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      status: liveStatus(row),
      suites: JSON.parse(row.suites_json),
      models: JSON.parse(row.models_json),
      options: JSON.parse(row.options_json),
      plannedCount: row.planned_count,
      avecVersion: row.avec_version,
      pid: row.pid ?? 0,
      host: row.host ?? '',
      servedModels,
      counts,
    };
  }

  settledKeys(runId: string): Set<string> {
    const keys = new Set<string>();
    const rows = this.db
      .prepare<[string], { suite_id: string; model: string; case_id: string; repeat: number }>(
        "SELECT suite_id, model, case_id, repeat FROM results WHERE run_id = ? AND outcome != 'error'",
      )
      .iterate(runId);
    for (const row of rows) {
      keys.add(
        resultKey({ suiteId: row.suite_id, model: row.model, caseId: row.case_id, repeat: row.repeat }),
      );
    }
    return keys;
  }

  *iterateResults(runId: string, only?: { suiteId: string; model: string }): IterableIterator<CaseResult> {
    const rows = only
      ? this.db
          .prepare<[string, string, string], ResultRow>(
            'SELECT * FROM results WHERE run_id = ? AND suite_id = ? AND model = ? ORDER BY case_id, repeat',
          )
          .iterate(runId, only.suiteId, only.model)
      : this.db
          .prepare<[string], ResultRow>(
            'SELECT * FROM results WHERE run_id = ? ORDER BY suite_id, model, case_id, repeat',
          )
          .iterate(runId);
    for (const row of rows) yield toResult(row);
  }

  groupCounts(runId: string): GroupCounts[] {
    return groupCounts(this.db, runId);
  }

  caseTallies(runId: string) {
    return this.db
      .prepare<[string], { suiteId: string; model: string; caseId: string; passes: number; judged: number }>(
        `SELECT suite_id AS suiteId, model, case_id AS caseId, SUM(outcome = 'pass') AS passes, SUM(outcome != 'error') AS judged
         FROM results WHERE run_id = ? GROUP BY suite_id, model, case_id`,
      )
      .all(runId);
  }

  trendPoints(filter: { suiteId?: string; model?: string } = {}): TrendPoint[] {
    return trendPoints(this.db, filter);
  }

  purgeRun(runId: string, options: { keepScores: boolean }): PurgeSummary {
    // Overwrite deleted content with zeros so purged answers do not linger in free pages.
    this.db.pragma('secure_delete = ON');
    const purge = this.db.transaction((): PurgeSummary => {
      const cachedAnswers = this.db
        .prepare(
          `DELETE FROM response_cache WHERE json_extract(completion_json, '$.text') IN
             (SELECT output FROM results WHERE run_id = ? AND output IS NOT NULL)`,
        )
        .run(runId).changes;
      const outputs = (
        this.db
          .prepare('SELECT COUNT(*) AS n FROM results WHERE run_id = ? AND output IS NOT NULL')
          .get(runId) as { n: number }
      ).n;
      if (options.keepScores) {
        // Spans point into the deleted text and reasons never hold it: keep the verdicts only.
        this.db
          .prepare(
            `UPDATE results SET output = NULL,
               grades_json = (SELECT json_group_array(json_remove(g.value, '$.spans')) FROM json_each(results.grades_json) g)
             WHERE run_id = ?`,
          )
          .run(runId);
        return { results: 0, outputs, cachedAnswers, runDeleted: false };
      }
      const results = this.db.prepare('DELETE FROM results WHERE run_id = ?').run(runId).changes;
      this.db.prepare('DELETE FROM served_model_changes WHERE run_id = ?').run(runId);
      this.db.prepare('DELETE FROM run_suites WHERE run_id = ?').run(runId);
      this.db.prepare('DELETE FROM runs WHERE id = ?').run(runId);
      return { results, outputs, cachedAnswers, runDeleted: true };
    });
    const summary = purge.immediate();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return summary;
  }

  previousServedModels(runId: string, model: string) {
    return previousServedModels(this.db, runId, model);
  }

  recordServedModelChange(change: ServedModelChange): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO served_model_changes (run_id, model, previous_run_id, before_json, after_json) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        change.runId,
        change.model,
        change.previousRunId,
        JSON.stringify(change.before),
        JSON.stringify(change.after),
      );
  }

  servedModelChanges(runId: string): ServedModelChange[] {
    return this.db
      .prepare<
        [string],
        { run_id: string; model: string; previous_run_id: string; before_json: string; after_json: string }
      >('SELECT * FROM served_model_changes WHERE run_id = ? ORDER BY model')
      .all(runId)
      .map((row) => ({
        runId: row.run_id,
        model: row.model,
        previousRunId: row.previous_run_id,
        before: JSON.parse(row.before_json),
        after: JSON.parse(row.after_json),
      }));
  }

  close(): void {
    if (this.pendingAnswers.size > 0 && this.db.open) this.commitWith([]);
    this.db.close();
  }
}
