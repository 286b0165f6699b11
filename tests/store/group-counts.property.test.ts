import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredGrade } from '../../src/graders/types.js';
import type { CaseResult } from '../../src/run/types.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { GroupCounts } from '../../src/store/types.js';
import { tempDir } from '../helpers/cli.js';
import { caseResult, newRun } from '../helpers/stored-run.js';

const SUITES = ['summary.x', 'translation.y'];
const MODELS = ['openai:a', 'anthropic:b'];

const grade: fc.Arbitrary<StoredGrade> = fc
  .record({
    type: fc.constantFrom('pii', 'contains', 'factuality'),
    pass: fc.boolean(),
    skipped: fc.option(fc.boolean(), { nil: undefined }),
    judgeCost: fc.option(fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: null }), {
      nil: undefined,
    }),
  })
  .map(({ type, pass, skipped, judgeCost }) => ({
    grader: `${type}-grader`,
    type,
    pass,
    score: pass ? 1 : 0,
    // A reason may name what the flags look for without being it.
    reason: 'no "pii" failed, nothing "skipped", no "judge"',
    spans: [],
    ...(skipped === undefined ? {} : { skipped }),
    ...(judgeCost === undefined
      ? {}
      : { judge: { model: 'openai:judge', usage: { inputTokens: 1, outputTokens: 1 }, costUsd: judgeCost } }),
  }));

const results: fc.Arbitrary<CaseResult[]> = fc
  .uniqueArray(
    fc.record({
      suiteId: fc.constantFrom(...SUITES),
      model: fc.constantFrom(...MODELS),
      caseId: fc.constantFrom('c1', 'c2', 'c3', 'c4'),
      grades: fc.array(grade, { maxLength: 5 }),
    }),
    { selector: (r) => `${r.suiteId}|${r.model}|${r.caseId}`, maxLength: 24 },
  )
  .map((list) =>
    list.map(({ suiteId, model, caseId, grades }) =>
      caseResult({ suiteId, model, caseId, grades, outcome: grades.every((g) => g.pass) ? 'pass' : 'fail' }),
    ),
  );

/** What groupCounts counts of the grades, from the results themselves. */
function expected(list: readonly CaseResult[]) {
  const groups = new Map<string, { piiLeaks: number; skippedGrades: number; judgeCostUsd: number }>();
  for (const result of list) {
    const key = `${result.suiteId}|${result.model}`;
    const group = groups.get(key) ?? { piiLeaks: 0, skippedGrades: 0, judgeCostUsd: 0 };
    if (result.grades.some((g) => g.type === 'pii' && !g.pass)) group.piiLeaks++;
    if (result.grades.some((g) => g.skipped === true)) group.skippedGrades++;
    for (const g of result.grades) group.judgeCostUsd += g.judge?.costUsd ?? 0;
    groups.set(key, group);
  }
  return groups;
}

function gradeCounts(counts: readonly GroupCounts[]) {
  return new Map(
    counts.map((g) => [
      `${g.suiteId}|${g.model}`,
      { piiLeaks: g.piiLeaks, skippedGrades: g.skippedGrades, judgeCostUsd: g.judgeCostUsd },
    ]),
  );
}

function expectSame(actual: ReturnType<typeof gradeCounts>, wanted: ReturnType<typeof expected>) {
  expect([...actual.keys()].sort()).toEqual([...wanted.keys()].sort());
  for (const [key, want] of wanted) {
    const got = actual.get(key);
    expect(got?.piiLeaks).toBe(want.piiLeaks);
    expect(got?.skippedGrades).toBe(want.skippedGrades);
    expect(got?.judgeCostUsd).toBeCloseTo(want.judgeCostUsd, 12);
  }
}

describe('groupCounts over the flags stored with each result', () => {
  it('counts as the grades say, whether a result has its flags or was stored before them', () => {
    const dir = tempDir('avec-group-counts-');
    let round = 0;
    fc.assert(
      fc.property(results, fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }), (list, stale) => {
        const path = join(dir, `${round++}.db`);
        const store = new SqliteStore(path);
        store.beginRun(newRun('r1'));
        store.appendResults(list);
        expectSame(gradeCounts(store.groupCounts('r1')), expected(list));
        store.close();
        // Results stored before migration 8 have no flags: some of them, mixed with the others.
        const db = new Database(path);
        const rows = db.prepare('SELECT rowid FROM results ORDER BY rowid').all() as Array<{ rowid: number }>;
        const clear = db.prepare(
          'UPDATE results SET pii_leak = NULL, skipped_grades = NULL, judge_cost_usd = NULL WHERE rowid = ?',
        );
        rows.forEach(({ rowid }, index) => {
          if (stale[index]) clear.run(rowid);
        });
        db.close();
        const reopened = new SqliteStore(path);
        expectSame(gradeCounts(reopened.groupCounts('r1')), expected(list));
        reopened.close();
      }),
      { numRuns: 60 },
    );
  });

  it('updates the flags when a result is stored again under the same key (a resumed case)', () => {
    const store = new SqliteStore(':memory:');
    store.beginRun(newRun('r1'));
    const leak: StoredGrade = {
      grader: 'pii',
      type: 'pii',
      pass: false,
      score: 0,
      reason: 'courriel',
      spans: [],
    };
    store.appendResult(caseResult({ outcome: 'fail', grades: [leak] }));
    expect(store.groupCounts('r1')[0]?.piiLeaks).toBe(1);
    store.appendResult(caseResult({ outcome: 'pass', grades: [{ ...leak, pass: true, score: 1 }] }));
    expect(store.groupCounts('r1')[0]?.piiLeaks).toBe(0);
    store.close();
  });
});
