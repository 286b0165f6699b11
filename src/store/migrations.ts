// What a trend reads of each run × suite × model, stored once a run ends, so that a trend over
// a long history reads one row per point instead of every result (bench/history). Triggers drop
// a run's summaries whenever one of its results is written, changed or deleted, whoever writes
// it, so a stored summary is always exact; a run without one is aggregated from its results.
const GROUP_SUMMARIES = `
CREATE TABLE group_summaries (
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  suite_id TEXT NOT NULL,
  model TEXT NOT NULL,
  suite_version TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  n INTEGER NOT NULL,
  pass INTEGER NOT NULL,
  fail INTEGER NOT NULL,
  error INTEGER NOT NULL,
  cost_usd REAL NOT NULL,
  unknown_cost INTEGER NOT NULL,
  served TEXT,
  judged_latencies INTEGER NOT NULL,
  median_latency_ms REAL,
  PRIMARY KEY (run_id, suite_id, model)
);
CREATE TRIGGER results_inserted_stale AFTER INSERT ON results
BEGIN DELETE FROM group_summaries WHERE run_id = NEW.run_id; END;
CREATE TRIGGER results_updated_stale AFTER UPDATE OF run_id, suite_id, suite_version, suite_fingerprint, model,
  served_model, outcome, latency_ms, cost_usd, cached ON results
BEGIN DELETE FROM group_summaries WHERE run_id IN (OLD.run_id, NEW.run_id); END;
CREATE TRIGGER results_deleted_stale AFTER DELETE ON results
BEGIN DELETE FROM group_summaries WHERE run_id = OLD.run_id; END;
`;

/**
 * Schema changes, in order; `PRAGMA user_version` records how many were applied. Never edit a
 * migration that has shipped: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,
    suites_json TEXT NOT NULL,
    models_json TEXT NOT NULL,
    options_json TEXT NOT NULL,
    planned_count INTEGER NOT NULL,
    avec_version TEXT NOT NULL,
    pid INTEGER,
    host TEXT
  );
  CREATE TABLE run_suites (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    suite_id TEXT NOT NULL,
    version TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    PRIMARY KEY (run_id, suite_id)
  );
  CREATE TABLE results (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    suite_id TEXT NOT NULL,
    suite_version TEXT NOT NULL,
    suite_fingerprint TEXT NOT NULL,
    case_id TEXT NOT NULL,
    model TEXT NOT NULL,
    repeat INTEGER NOT NULL,
    served_model TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('pass', 'fail', 'error')),
    grades_json TEXT NOT NULL,
    output TEXT,
    error TEXT,
    input_tokens INTEGER,
    output_tokens INTEGER,
    latency_ms REAL,
    cost_usd REAL,
    cached INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    finished_at TEXT NOT NULL,
    PRIMARY KEY (run_id, suite_id, model, case_id, repeat)
  );
  CREATE INDEX results_by_suite_model ON results (suite_id, model, suite_fingerprint);
  CREATE TABLE response_cache (
    key TEXT PRIMARY KEY,
    completion_json TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
  // builtin:mutant records which defect each answer carries, for calibration.
  `ALTER TABLE results ADD COLUMN mutation TEXT;`,
  // Trends read medians per run, suite and model straight from this index, and served-model
  // changes are recorded as events when a run notices them.
  `
  CREATE INDEX results_latency ON results (run_id, suite_id, model, cached, latency_ms);
  CREATE TABLE served_model_changes (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    previous_run_id TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json TEXT NOT NULL,
    PRIMARY KEY (run_id, model)
  );
  `,
  // One index both for trend medians and, covering every column trends aggregate, for reading
  // a million results without touching the rows (outputs and grades are the bulk of the file).
  `
  DROP INDEX results_latency;
  CREATE INDEX results_summary ON results
    (run_id, suite_id, model, cached, latency_ms, outcome, cost_usd, served_model, suite_version, suite_fingerprint);
  `,
  GROUP_SUMMARIES,
  // Every query on results names its run, which the primary key and results_summary lead with:
  // this index served none and cost every insert a fourth B-tree.
  'DROP INDEX results_by_suite_model;',
  // Trends now read group_summaries, and what is still aggregated from results (one run at its
  // end, or a run that never ended) reads one run through the primary key. This index only
  // slowed every insert: dropping it halved the cost of storing a result, and in bench/history
  // the trend and compare queries ran no slower without it.
  'DROP INDEX results_summary;',
  // What a run's summary counts of each result's grades, stored as the result is: counting them
  // from grades_json read every grade of the run, ~40 ms per 1,000 results of the shipped suites
  // at every run's end and comparison. NULL in results stored before, which are read as before.
  `
  ALTER TABLE results ADD COLUMN pii_leak INTEGER;
  ALTER TABLE results ADD COLUMN skipped_grades INTEGER;
  ALTER TABLE results ADD COLUMN judge_cost_usd REAL;
  `,
];

/** The migration that created group_summaries: a database upgraded past it summarises its ended runs. */
export const GROUP_SUMMARIES_MIGRATION = MIGRATIONS.indexOf(GROUP_SUMMARIES);
