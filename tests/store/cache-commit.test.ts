import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Completion } from '../../src/providers/types.js';
import type { CaseResult } from '../../src/run/types.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { tempDir } from '../helpers/cli.js';

const completion: Completion = {
  text: 'Réponse.',
  usage: { inputTokens: 3, outputTokens: 2 },
  servedModel: 'm-1',
  latencyMs: 12,
};

function result(caseId: string): CaseResult {
  return {
    runId: 'r1',
    suiteId: 'summary.x',
    suiteVersion: '1.0.0',
    suiteFingerprint: 'sha256:aa',
    caseId,
    model: 'openai:m',
    servedModel: 'm-1',
    repeat: 1,
    outcome: 'pass',
    grades: [],
    output: 'Réponse.',
    error: null,
    usage: completion.usage,
    latencyMs: 12,
    costUsd: null,
    cached: false,
    mutation: null,
    attempts: 1,
    finishedAt: '2026-11-30T10:00:00.000Z',
  };
}

function openRun(path: string): SqliteStore {
  const store = new SqliteStore(path);
  store.beginRun({
    id: 'r1',
    startedAt: '2026-11-30T10:00:00.000Z',
    suites: [],
    models: [],
    options: { concurrency: 1, cache: true },
    plannedCount: 2,
    avecVersion: 'test',
    pid: process.pid,
    host: 'h',
  });
  return store;
}

const committedAnswers = (path: string) =>
  (
    new Database(path, { readonly: true }).prepare('SELECT COUNT(*) AS n FROM response_cache').get() as {
      n: number;
    }
  ).n;

describe('answers enter the response cache with the result of their case', () => {
  it('in one commit, readable at once and by the next run', () => {
    const path = join(tempDir(), 'avec.db');
    const store = openRun(path);
    store.cache.set('k1', completion);
    expect(store.cache.get('k1')).toEqual(completion);
    expect(committedAnswers(path)).toBe(0);
    store.appendResult(result('c1'));
    expect(committedAnswers(path)).toBe(1);
    store.close();
    const again = new SqliteStore(path);
    expect(again.cache.get('k1')).toEqual(completion);
    again.close();
  });

  it('stores a batch of results in one commit', () => {
    const path = join(tempDir(), 'avec.db');
    const store = openRun(path);
    store.appendResults([result('c1'), result('c2'), { ...result('c3'), cached: true }]);
    expect([...store.iterateResults('r1')].map((r) => [r.caseId, r.cached])).toEqual([
      ['c1', false],
      ['c2', false],
      ['c3', true],
    ]);
    store.close();
  });

  it('keeps an answer whose result never came when the store closes', () => {
    const path = join(tempDir(), 'avec.db');
    const store = openRun(path);
    store.cache.set('k2', completion);
    store.close();
    expect(committedAnswers(path)).toBe(1);
  });
});
