import { describe, expect, it } from 'vitest';
import type { StoredGrade } from '../../src/graders/types.js';
import type { CaseResult } from '../../src/run/types.js';
import { calibrate } from '../../src/stats/calibration.js';

function result(
  model: string,
  caseId: string,
  grades: Array<Partial<StoredGrade> & { grader: string; type: string; pass: boolean }>,
  mutation: string | null = null,
): CaseResult {
  const full = grades.map((g) => ({ score: g.pass ? 1 : 0, reason: '', ...g }));
  const judged = full.filter((g) => !g.skipped);
  return {
    runId: 'r',
    suiteId: 'form.x',
    suiteVersion: '1.0.0',
    suiteFingerprint: 'f',
    caseId,
    model,
    servedModel: model,
    repeat: 1,
    outcome: judged.every((g) => g.pass) ? 'pass' : 'fail',
    grades: full,
    output: 'o',
    error: null,
    usage: null,
    latencyMs: 0,
    costUsd: 0,
    cached: false,
    mutation,
    attempts: 1,
    finishedAt: '2026-11-29T00:00:00Z',
  };
}

const schema = (pass: boolean) => ({ grader: 'schema', type: 'json-schema', pass });
const facts = (pass: boolean) => ({ grader: 'facts', type: 'contains', pass });

describe('calibrate', () => {
  const results = [
    result('builtin:reference', 'c1', [schema(true), facts(true)]),
    result('builtin:reference', 'c2', [schema(true), facts(false)]),
    result('builtin:mutant', 'c1', [schema(false), facts(false)], 'break-json'),
    result('builtin:mutant', 'c2', [schema(true), facts(true)], 'drop-required-field'),
    result('builtin:mutant', 'c3', [schema(true), facts(true)], 'inject-nir'),
    result('builtin:mutant', 'c4', [schema(true), facts(true)], 'none'),
  ];
  const report = calibrate('r', results);

  it('counts false alarms per grader on the references', () => {
    const byGrader = Object.fromEntries(report.graders.map((g) => [g.grader, g]));
    expect(byGrader.schema?.falseAlarms).toMatchObject({ n: 2, k: 0 });
    expect(byGrader.facts?.falseAlarms).toMatchObject({ n: 2, k: 1, rate: 0.5 });
    expect(report.brokenReferences).toEqual([
      { suiteId: 'form.x', caseId: 'c2', repeat: 1, failing: ['facts'] },
    ]);
  });

  it('measures recall on the defects a grader is meant for, apart from the others', () => {
    const schemaRow = report.graders.find((g) => g.grader === 'schema');
    // json-schema is meant for break-json and drop-required-field: it caught 1 of those 2.
    expect(schemaRow?.intended).toMatchObject({ n: 2, k: 1, rate: 0.5 });
    expect(schemaRow?.caughtAny).toMatchObject({ n: 3, k: 1 });
    expect(schemaRow?.intended.interval?.low).toBeGreaterThan(0);
  });

  it('lists defects no grader caught, and leaves out mutants that carry none', () => {
    expect(report.blindSpots).toEqual([
      { suiteId: 'form.x', mutation: 'drop-required-field', n: 1 },
      { suiteId: 'form.x', mutation: 'inject-nir', n: 1 },
    ]);
    expect(report.mutants).toMatchObject({ n: 3, k: 1 });
    expect(report.mutations.find((m) => m.mutation === 'break-json')?.caughtBy).toEqual({
      schema: 1,
      facts: 1,
    });
  });

  it('ignores skipped grades and errors', () => {
    const skipped = calibrate('r', [
      result('builtin:reference', 'c1', [
        schema(true),
        { grader: 'judge', type: 'judge.factuality', pass: false, skipped: true },
      ]),
      { ...result('builtin:mutant', 'c2', [], 'break-json'), outcome: 'error' as const },
    ]);
    expect(skipped.graders.map((g) => g.grader)).toEqual(['schema']);
    expect(skipped.mutants.n).toBe(0);
  });
});
