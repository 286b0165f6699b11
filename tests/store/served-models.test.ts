import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { caseResult, newRun } from '../helpers/stored-run.js';

const MODELS = ['openai:a', 'anthropic:b'];
const SERVED = ['a-2024', 'a-2025', 'b-1'];
const STARTS = ['2026-11-29T10:00:00.000Z', '2026-11-29T11:00:00.000Z', '2026-11-29T12:00:00.000Z'];

function runOf(id: string, startedAt: string) {
  return newRun(id, startedAt, {
    suites: [],
    models: MODELS.map((model) => ({ id: model, destination: 'http://127.0.0.1/v1' })),
  });
}

/** An answer served under `servedModel`, or an error (no served id) when it is null. */
function result(runId: string, model: string, caseId: string, servedModel: string | null) {
  return caseResult({
    runId,
    model,
    caseId,
    servedModel,
    ...(servedModel === null ? { outcome: 'error', grades: [], output: null, error: 'délai dépassé' } : {}),
  });
}

/** The definition the query replaced: the whole history listed, then searched. */
function fromListing(store: Store, runId: string, model: string) {
  const current = store.getRun(runId);
  if (!current) return undefined;
  const earlier = store.listRuns().filter((run) => run.id !== runId && run.startedAt <= current.startedAt);
  const previous = earlier.find((run) => (run.servedModels[model] ?? []).length > 0);
  return previous ? { runId: previous.id, servedModels: previous.servedModels[model] ?? [] } : undefined;
}

describe('previousServedModels', () => {
  it('finds the newest earlier run that served the model, skipping runs that did not', () => {
    const store = new SqliteStore(':memory:');
    store.beginRun(runOf('r1', STARTS[0] as string));
    store.appendResults([result('r1', 'openai:a', 'c1', 'a-2024'), result('r1', 'openai:a', 'c2', 'a-2025')]);
    store.beginRun(runOf('r2', STARTS[1] as string));
    store.appendResults([result('r2', 'openai:a', 'c1', null), result('r2', 'anthropic:b', 'c1', 'b-1')]);
    store.beginRun(runOf('r3', STARTS[2] as string));
    expect(store.previousServedModels('r3', 'openai:a')).toEqual({
      runId: 'r1',
      servedModels: ['a-2024', 'a-2025'],
    });
    expect(store.previousServedModels('r3', 'anthropic:b')).toEqual({ runId: 'r2', servedModels: ['b-1'] });
    expect(store.previousServedModels('r1', 'openai:a')).toBeUndefined();
    expect(store.previousServedModels('nope', 'openai:a')).toBeUndefined();
    store.close();
  });

  it('agrees with searching the listed history, for any runs, start times and served ids', () => {
    const runShape = fc.record({
      start: fc.constantFrom(...STARTS),
      // An ended run is read from its stored summaries, a running one from its results.
      ended: fc.boolean(),
      results: fc.array(
        fc.record({ model: fc.constantFrom(...MODELS), served: fc.option(fc.constantFrom(...SERVED)) }),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(fc.array(runShape, { minLength: 1, maxLength: 6 }), (runs) => {
        const store = new SqliteStore(':memory:');
        try {
          runs.forEach((shape, index) => {
            const id = `r${(index * 7) % 10}${index}`;
            store.beginRun(runOf(id, shape.start));
            store.appendResults(shape.results.map((r, i) => result(id, r.model, `c${i}`, r.served)));
            if (shape.ended) store.finishRun(id, 'completed', '2026-11-29T13:00:00.000Z');
          });
          for (const { id } of store.listRuns()) {
            for (const model of MODELS) {
              expect(store.previousServedModels(id, model)).toEqual(fromListing(store, id, model));
            }
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});
