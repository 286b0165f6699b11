import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/run/types.js';
import { GROUP_SUMMARIES_MIGRATION, MIGRATIONS } from '../../src/store/migrations.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { NewRun, TrendPoint } from '../../src/store/types.js';
import { tempDir } from '../helpers/cli.js';

/**
 * Trends read stored per-run summaries instead of every result. A summary must never be stale:
 * whatever is written to a run after it ended (a resume, an answer replaced, a purge) must show
 * in the trend as if it had been aggregated from the results again.
 */

const SUITES = ['summary.a', 'summary.b'];
const MODELS = ['openai:m1', 'anthropic:m2'];

function newRun(id: string, index: number, repeats = 1): NewRun {
  return {
    id,
    startedAt: new Date(Date.UTC(2026, 10, 1) + index * 3_600_000).toISOString(),
    suites: SUITES.map((suite) => ({
      id: suite,
      version: '1.0.0',
      fingerprint: `sha256:${suite}`,
      path: '/s/suite.yaml',
      caseCount: 3,
      classification: 'synthetic' as const,
    })),
    models: MODELS.map((model) => ({ id: model, destination: 'http://127.0.0.1/v1' })),
    options: { concurrency: 2, cache: true, repeats },
    plannedCount: 12,
    avecVersion: '0.1.0',
    pid: process.pid,
    host: 'test-host',
  };
}

interface Answer {
  run: number;
  suite: number;
  model: number;
  caseIndex: number;
  outcome: CaseResult['outcome'];
  latencyMs: number | null;
  costUsd: number | null;
  cached: boolean;
  served: number | null;
  version: number;
}

function result(runId: string, a: Answer): CaseResult {
  return {
    runId,
    suiteId: SUITES[a.suite] as string,
    suiteVersion: `1.${a.version}.0`,
    suiteFingerprint: `sha256:${a.version}`,
    caseId: `c${a.caseIndex}`,
    model: MODELS[a.model] as string,
    servedModel: a.served === null ? null : `snapshot-${a.served}`,
    repeat: 1,
    outcome: a.outcome,
    grades: [],
    output: a.outcome === 'error' ? null : 'réponse',
    error: a.outcome === 'error' ? 'timeout' : null,
    usage: null,
    latencyMs: a.latencyMs,
    costUsd: a.costUsd,
    cached: a.cached,
    mutation: null,
    attempts: 1,
    finishedAt: '2026-11-29T10:00:00.000Z',
  };
}

/** The trend points computed in JavaScript from every stored result: the oracle. */
function oracle(store: SqliteStore, runIds: readonly string[]): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (const runId of runIds) {
    const run = store.getRun(runId);
    if (!run) continue;
    const groups = new Map<string, CaseResult[]>();
    for (const r of store.iterateResults(runId)) {
      const key = `${r.suiteId}\u0000${r.model}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const results of groups.values()) {
      const first = results[0] as CaseResult;
      const latencies = results
        .filter((r) => !r.cached && r.latencyMs !== null)
        .map((r) => r.latencyMs as number)
        .sort((x, y) => x - y);
      const max = (values: string[]) => [...values].sort().at(-1) as string;
      points.push({
        runId,
        startedAt: run.startedAt,
        suiteId: first.suiteId,
        suiteVersion: max(results.map((r) => r.suiteVersion)),
        fingerprint: max(results.map((r) => r.suiteFingerprint)),
        model: first.model,
        n: results.length,
        pass: results.filter((r) => r.outcome === 'pass').length,
        fail: results.filter((r) => r.outcome === 'fail').length,
        error: results.filter((r) => r.outcome === 'error').length,
        costUsd: results.reduce((sum, r) => sum + (r.costUsd ?? 0), 0),
        unknownCost: results.filter((r) => r.costUsd === null && r.outcome !== 'error').length,
        medianLatencyMs: latencies.length > 0 ? latencies[Math.floor((latencies.length - 1) / 2)] : undefined,
        servedModels: [...new Set(results.flatMap((r) => (r.servedModel ? [r.servedModel] : [])))].sort(),
        repeats: run.options.repeats ?? 1,
      });
    }
  }
  const order = (p: TrendPoint) => [p.startedAt, p.runId, p.suiteId, p.model];
  return points.sort((x, y) => {
    const [a, b] = [order(x), order(y)];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
    return 0;
  });
}

const closeTo = (points: TrendPoint[]) =>
  points.map((p) => ({ ...p, costUsd: Math.round(p.costUsd * 1e9) / 1e9 }));

const answer: fc.Arbitrary<Answer> = fc.record({
  run: fc.integer({ min: 0, max: 2 }),
  suite: fc.integer({ min: 0, max: 1 }),
  model: fc.integer({ min: 0, max: 1 }),
  caseIndex: fc.integer({ min: 0, max: 3 }),
  outcome: fc.constantFrom<CaseResult['outcome']>('pass', 'fail', 'error'),
  latencyMs: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
  costUsd: fc.option(
    fc.integer({ min: 0, max: 1000 }).map((c) => c / 1e6),
    { nil: null },
  ),
  cached: fc.boolean(),
  served: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
  version: fc.integer({ min: 0, max: 1 }),
});

type Step =
  | { kind: 'answers'; answers: Answer[] }
  | { kind: 'finish'; run: number }
  | { kind: 'purge'; run: number; keepScores: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(answer, { minLength: 1, maxLength: 6 })
      .map((answers) => ({ kind: 'answers' as const, answers })),
  },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 2 }).map((run) => ({ kind: 'finish' as const, run })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ run: fc.integer({ min: 0, max: 2 }), keepScores: fc.boolean() })
      .map((p) => ({ kind: 'purge' as const, ...p })),
  },
);

describe('group summaries behind trends', () => {
  it('equal an aggregation of the results after any sequence of writes, finishes and purges', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), (steps) => {
        const store = new SqliteStore(':memory:');
        const runIds = ['r0', 'r1', 'r2'];
        const begun = new Set<number>();
        const begin = (run: number) => {
          if (begun.has(run)) return;
          store.beginRun(newRun(runIds[run] as string, run, run === 2 ? 3 : 1));
          begun.add(run);
        };
        for (const s of steps) {
          if (s.kind === 'answers') {
            for (const a of s.answers) begin(a.run);
            store.appendResults(s.answers.map((a) => result(runIds[a.run] as string, a)));
          } else if (s.kind === 'finish') {
            begin(s.run);
            store.finishRun(runIds[s.run] as string, 'completed', '2026-11-29T12:00:00.000Z');
          } else if (begun.has(s.run)) {
            store.purgeRun(runIds[s.run] as string, { keepScores: s.keepScores });
            if (!s.keepScores) begun.delete(s.run);
          }
          expect(closeTo(store.trendPoints())).toEqual(closeTo(oracle(store, runIds)));
          const [suiteId, model] = [SUITES[1] as string, MODELS[0] as string];
          expect(closeTo(store.trendPoints({ suiteId, model }))).toEqual(
            closeTo(oracle(store, runIds).filter((p) => p.suiteId === suiteId && p.model === model)),
          );
        }
        store.close();
      }),
      { numRuns: 150 },
    );
  });

  it('are what an ended run is read from, not its results', () => {
    const path = join(tempDir(), 'avec.db');
    const store = new SqliteStore(path);
    store.beginRun(newRun('r0', 0));
    const base: Answer = {
      run: 0,
      suite: 0,
      model: 0,
      caseIndex: 0,
      outcome: 'pass',
      latencyMs: 10,
      costUsd: 0.001,
      cached: false,
      served: 0,
      version: 0,
    };
    store.appendResults([result('r0', base), result('r0', { ...base, caseIndex: 1, outcome: 'fail' })]);
    store.finishRun('r0', 'completed', '2026-11-29T12:00:00.000Z');
    // Tampering with the stored summary shows in the trend: it is read, not recomputed.
    const raw = new Database(path);
    expect(raw.prepare('UPDATE group_summaries SET pass = 41').run().changes).toBe(1);
    expect(store.trendPoints()[0]?.pass).toBe(41);
    // Any write to the run's results drops its summary, whoever writes it.
    raw.prepare("UPDATE results SET outcome = 'pass' WHERE case_id = 'c1'").run();
    expect(raw.prepare('SELECT COUNT(*) AS n FROM group_summaries').get()).toEqual({ n: 0 });
    expect(store.trendPoints()[0]).toMatchObject({ pass: 2, fail: 0 });
    raw.close();
    store.close();
  });

  it('are made for the ended runs of a database upgraded from before they existed', () => {
    const path = join(tempDir(), 'avec.db');
    const old = new Database(path);
    for (const migration of MIGRATIONS.slice(0, GROUP_SUMMARIES_MIGRATION)) old.exec(migration);
    old.pragma(`user_version = ${GROUP_SUMMARIES_MIGRATION}`);
    const insertRun = old.prepare(
      `INSERT INTO runs (id, started_at, status, suites_json, models_json, options_json, planned_count, avec_version)
       VALUES (?, ?, ?, '[]', '[]', '{"concurrency":1,"cache":true}', 2, '0.1.0')`,
    );
    insertRun.run('ended', '2026-11-01T10:00:00.000Z', 'completed');
    insertRun.run('going', '2026-11-02T10:00:00.000Z', 'running');
    const insertResult = old.prepare(
      `INSERT INTO results (run_id, suite_id, suite_version, suite_fingerprint, case_id, model, repeat, served_model,
         outcome, grades_json, latency_ms, cost_usd, cached, attempts, finished_at)
       VALUES (?, 'summary.a', '1.0.0', 'f', ?, 'openai:m1', 1, 's', ?, '[]', ?, 0.001, 0, 1, '2026-11-01T10:00:01.000Z')`,
    );
    for (const runId of ['ended', 'going']) {
      insertResult.run(runId, 'c1', 'pass', 30);
      insertResult.run(runId, 'c2', 'fail', 10);
    }
    old.close();

    const store = new SqliteStore(path);
    const raw = new Database(path, { readonly: true });
    expect(
      raw.prepare('SELECT run_id AS runId, n, pass, median_latency_ms AS median FROM group_summaries').all(),
    ).toEqual([{ runId: 'ended', n: 2, pass: 1, median: 10 }]);
    raw.close();
    expect(closeTo(store.trendPoints())).toEqual(closeTo(oracle(store, ['ended', 'going'])));
    store.close();
  });
});
