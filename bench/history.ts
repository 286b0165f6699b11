import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { compareStoredRuns } from '../src/api/compare.js';
import { trendFromStore } from '../src/api/trend.js';
import { DEFAULT_COMPARE_OPTIONS } from '../src/stats/compare.js';
import { SqliteStore } from '../src/store/sqlite.js';

const RUNS = 100;
const SUITES = 5;
const MODELS = 2;
const CASES = 1000;

/**
 * Builds a store of RUNS × SUITES × MODELS × CASES = 1,000,000 results, then times what a user
 * waits for: trend over everything, and a compare of two runs.
 */
export async function benchHistory(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'avec-bench-history-'));
  const path = join(dir, 'avec.db');
  try {
    const store = new SqliteStore(path);
    store.close();
    const fillStarted = performance.now();
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    const insertRun = db.prepare(
      `INSERT INTO runs (id, started_at, status, suites_json, models_json, options_json, planned_count, avec_version)
       VALUES (?, ?, 'completed', ?, ?, '{"concurrency":8,"cache":true}', ?, 'bench')`,
    );
    const insertResult = db.prepare(
      `INSERT INTO results (run_id, suite_id, suite_version, suite_fingerprint, case_id, model, repeat, served_model, outcome,
         grades_json, output, error, input_tokens, output_tokens, latency_ms, cost_usd, cached, attempts, finished_at)
       VALUES (?, ?, '1.0.0', ?, ?, ?, 1, ?, ?, ?, 'réponse', NULL, 300, 120, ?, 0.0001, 0, 1, ?)`,
    );
    let seed = 1;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const fill = db.transaction(() => {
      for (let r = 0; r < RUNS; r++) {
        const runId = `2026${String(1_000_000 + r)}`;
        const startedAt = new Date(Date.UTC(2026, 0, 1) + r * 86_400_000).toISOString();
        const suites = Array.from({ length: SUITES }, (_, s) => ({
          id: `summary.s${s}`,
          version: '1.0.0',
          fingerprint: `f${s}`,
        }));
        const models = Array.from({ length: MODELS }, (_, m) => ({ id: `openai:m${m}`, destination: 'x' }));
        insertRun.run(
          runId,
          startedAt,
          JSON.stringify(suites),
          JSON.stringify(models),
          SUITES * MODELS * CASES,
        );
        const served = r < RUNS / 2 ? 'snapshot-a' : 'snapshot-b';
        const failRate = r < RUNS / 2 ? 0.1 : 0.2;
        for (const suite of suites) {
          for (const model of models) {
            for (let c = 0; c < CASES; c++) {
              const pass = random() > failRate;
              insertResult.run(
                runId,
                suite.id,
                suite.fingerprint,
                `case-${c}`,
                model.id,
                served,
                pass ? 'pass' : 'fail',
                `[{"grader":"contains","type":"contains","pass":${pass},"score":${pass ? 1 : 0},"reason":""}]`,
                200 + random() * 800,
                startedAt,
              );
            }
          }
        }
      }
    });
    fill();
    db.close();
    const fillS = (performance.now() - fillStarted) / 1000;
    // Each avec run ends with finishRun, which stores what trends read of it: the fill above
    // wrote its results with raw SQL, so the runs end here, timed apart.
    const finishStarted = performance.now();
    const writer = new SqliteStore(path);
    for (let r = 0; r < RUNS; r++) {
      writer.finishRun(
        `2026${String(1_000_000 + r)}`,
        'completed',
        new Date(Date.UTC(2026, 0, 1) + r * 86_400_000).toISOString(),
      );
    }
    writer.close();
    const finishRunS = (performance.now() - finishStarted) / 1000 / RUNS;

    const reader = new SqliteStore(path, { readonly: true });
    let started = performance.now();
    const series = trendFromStore(reader, {}, DEFAULT_COMPARE_OPTIONS);
    const trendS = (performance.now() - started) / 1000;
    started = performance.now();
    const comparison = compareStoredRuns(
      reader,
      `2026${1_000_000 + RUNS / 2 - 1}`,
      `2026${1_000_000 + RUNS / 2}`,
      DEFAULT_COMPARE_OPTIONS,
    );
    const compareS = (performance.now() - started) / 1000;
    reader.close();
    return {
      results: RUNS * SUITES * MODELS * CASES,
      fillS: round(fillS),
      finishRunS: round(finishRunS),
      trendS: round(trendS),
      trendSeries: series.length,
      trendChangePoints: series.reduce((sum, s) => sum + s.changes.length, 0),
      compareS: round(compareS),
      compareRows: comparison.rows.length,
      regressions: comparison.rows.filter((row) => row.verdict === 'regression').length,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`kept ${path}\n`);
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
