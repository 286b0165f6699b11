import type { CaseResult } from '../../src/run/types.js';
import type { NewRun } from '../../src/store/types.js';

/** A run as `avec run` begins it: one suite, one model; `overrides` changes any field. */
export function newRun(
  id: string,
  startedAt = '2026-11-29T10:00:00.000Z',
  overrides: Partial<NewRun> = {},
): NewRun {
  return {
    id,
    startedAt,
    suites: [
      {
        id: 'summary.x',
        version: '1.0.0',
        fingerprint: 'sha256:aa',
        path: '/s/suite.yaml',
        caseCount: 2,
        classification: 'synthetic',
      },
    ],
    models: [{ id: 'openai:gpt-4o-mini', destination: 'http://127.0.0.1/v1' }],
    options: { concurrency: 4, cache: true },
    plannedCount: 2,
    avecVersion: '0.1.0',
    pid: process.pid,
    host: 'test-host',
    ...overrides,
  };
}

/** A passing result of run r1 with every field set; `overrides` changes any of them. */
export function caseResult(overrides: Partial<CaseResult> = {}): CaseResult {
  return {
    runId: 'r1',
    suiteId: 'summary.x',
    suiteVersion: '1.0.0',
    suiteFingerprint: 'sha256:aa',
    caseId: 'c1',
    model: 'openai:gpt-4o-mini',
    servedModel: 'gpt-4o-mini-2024-07-18',
    repeat: 1,
    outcome: 'pass',
    grades: [
      {
        grader: 'contains',
        type: 'contains',
        pass: true,
        score: 1,
        reason: 'found 1/1',
        spans: [{ start: 0, end: 2, label: 'found' }],
      },
    ],
    output: 'ok',
    error: null,
    usage: { inputTokens: 10, outputTokens: 5 },
    latencyMs: 120.5,
    costUsd: 0.000004,
    cached: false,
    mutation: null,
    attempts: 1,
    finishedAt: '2026-11-29T10:00:01.000Z',
    ...overrides,
  };
}
