import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultKey } from '../../src/run/types.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { tempDir } from '../helpers/cli.js';
import { newRun, caseResult as result } from '../helpers/stored-run.js';

/**
 * One contract, written once, run against every Store implementation: a second backend is
 * correct the day it passes this file.
 */
const implementations: Array<[string, () => Store]> = [
  ['sqlite (memory)', () => new SqliteStore(':memory:')],
  ['sqlite (file)', () => new SqliteStore(join(tempDir(), 'nested', 'avec.db'))],
];

describe.each(implementations)('Store contract: %s', (_name, open) => {
  it('round-trips a result exactly', () => {
    const store = open();
    store.beginRun(newRun('r1'));
    const stored = result();
    store.appendResult(stored);
    expect([...store.iterateResults('r1')]).toEqual([stored]);
    store.close();
  });

  it('keeps one result per suite × model × case × repeat; a later answer replaces an error', () => {
    const store = open();
    store.beginRun(newRun('r1'));
    store.appendResult(
      result({ outcome: 'error', output: null, error: 'HTTP 500', servedModel: null, usage: null }),
    );
    expect(store.settledKeys('r1').size).toBe(0);
    store.appendResult(result());
    const all = [...store.iterateResults('r1')];
    expect(all).toHaveLength(1);
    expect(all[0]?.outcome).toBe('pass');
    expect(store.settledKeys('r1')).toEqual(
      new Set([resultKey({ suiteId: 'summary.x', model: 'openai:gpt-4o-mini', caseId: 'c1', repeat: 1 })]),
    );
    store.close();
  });

  it('counts pass, fail, error, PII leaks and skipped grades per suite × model', () => {
    const store = open();
    store.beginRun(newRun('r1'));
    store.appendResult(result({ caseId: 'c1' }));
    store.appendResult(
      result({
        caseId: 'c2',
        outcome: 'fail',
        grades: [{ grader: 'pii', type: 'pii', pass: false, score: 0, reason: 'nir' }],
        costUsd: null,
        latencyMs: 300,
      }),
    );
    store.appendResult(
      result({
        caseId: 'c3',
        grades: [
          {
            grader: 'judge',
            type: 'judge.factuality',
            pass: false,
            score: 0,
            reason: 'no judge',
            skipped: true,
          },
        ],
        cached: true,
      }),
    );
    store.appendResult(
      result({
        caseId: 'c4',
        outcome: 'error',
        output: null,
        usage: null,
        latencyMs: null,
        costUsd: null,
        servedModel: null,
      }),
    );
    const [group] = store.groupCounts('r1');
    expect(group).toMatchObject({
      suiteId: 'summary.x',
      model: 'openai:gpt-4o-mini',
      n: 4,
      pass: 2,
      fail: 1,
      error: 1,
      piiLeaks: 1,
      skippedGrades: 1,
      cached: 1,
      unknownCost: 1,
    });
    expect(group?.inputTokens).toBe(30);
    // Cached answers did not take their latency again: only the two fresh ones count.
    expect(group?.latenciesMs).toEqual([120.5, 300]);
    expect(group?.servedModels).toEqual(['gpt-4o-mini-2024-07-18']);
    store.close();
  });

  it('lists runs newest first with counts and served models, and finishes them', () => {
    const store = open();
    store.beginRun(newRun('r1', '2026-11-29T10:00:00.000Z'));
    store.beginRun(newRun('r2', '2026-11-29T11:00:00.000Z'));
    store.appendResult(result({ runId: 'r2' }));
    store.finishRun('r2', 'completed', '2026-11-29T11:05:00.000Z');
    const runs = store.listRuns();
    expect(runs.map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(runs[0]).toMatchObject({
      status: 'completed',
      finishedAt: '2026-11-29T11:05:00.000Z',
      counts: { pass: 1, fail: 0, error: 0 },
    });
    expect(runs[0]?.servedModels).toEqual({ 'openai:gpt-4o-mini': ['gpt-4o-mini-2024-07-18'] });
    expect(store.runBriefs()).toEqual(runs.map(({ id, startedAt, status }) => ({ id, startedAt, status })));
    expect(runs[0]?.suites[0]?.fingerprint).toBe('sha256:aa');
    expect(store.getRun('nope')).toBeUndefined();
    store.close();
  });

  it('caches completions by key', () => {
    const store = open();
    expect(store.cache.get('k')).toBeUndefined();
    const completion = {
      text: 'bonjour',
      usage: { inputTokens: 1, outputTokens: 2 },
      servedModel: 'm',
      latencyMs: 3,
    };
    store.cache.set('k', completion);
    expect(store.cache.get('k')).toEqual(completion);
    store.close();
  });
});

describe('SqliteStore specifics', () => {
  it('survives reopening and keeps WAL mode', () => {
    const path = join(tempDir(), 'avec.db');
    const first = new SqliteStore(path);
    first.beginRun(newRun('r1'));
    first.appendResult(result());
    first.close();
    const second = new SqliteStore(path);
    expect([...second.iterateResults('r1')]).toHaveLength(1);
    second.close();
  });

  it('reports a run whose process is gone as interrupted', () => {
    const store = new SqliteStore(':memory:');
    const { hostname } = require('node:os') as typeof import('node:os');
    store.beginRun({ ...newRun('r1'), pid: 2 ** 22 + 12345, host: hostname() });
    expect(store.getRun('r1')?.status).toBe('interrupted');
    const brief = { id: 'r1', startedAt: '2026-11-29T10:00:00.000Z', status: 'interrupted' };
    expect(store.runBriefs()).toEqual([brief]);
    // compare <id> names a run by its brief: a killed run reads as interrupted there too.
    expect(store.runBrief('r1')).toEqual(brief);
    store.close();
  });
});
