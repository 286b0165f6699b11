import { join } from 'node:path';
import type { CaseResult } from '../../src/run/types.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { tempDir } from '../helpers/cli.js';

/** A NIR with a valid key, as a leaking answer would carry it. */
export const LEAKED_NIR = '2 84 05 75 116 204 49';
export const XSS_OUTPUT =
  '<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true"> Réponse & "guillemets"';

function result(overrides: Partial<CaseResult>): CaseResult {
  return {
    runId: 'r-report',
    suiteId: 'summary.report',
    suiteVersion: '1.2.0',
    suiteFingerprint: `sha256:${'a'.repeat(64)}`,
    caseId: 'c',
    model: 'openai:gpt-4o-mini',
    servedModel: 'gpt-4o-mini-2024-07-18',
    repeat: 1,
    outcome: 'pass',
    grades: [{ grader: 'facts', type: 'contains', pass: true, score: 1, reason: 'found 1/1' }],
    output: 'La couverture vaccinale atteint 52 %.',
    error: null,
    usage: { inputTokens: 100, outputTokens: 20 },
    latencyMs: 420,
    costUsd: 0.00003,
    cached: false,
    mutation: null,
    attempts: 1,
    finishedAt: '2026-11-29T10:00:00.000Z',
    ...overrides,
  };
}

/** A stored run with a pass, a failure carrying script payloads, a leaked NIR and an error. */
export function storeWithReportableRun(): { store: SqliteStore; dir: string; runId: string } {
  const dir = tempDir();
  const store = new SqliteStore(join(dir, 'avec.db'));
  store.beginRun({
    id: 'r-report',
    startedAt: '2026-11-29T10:00:00.000Z',
    suites: [
      {
        id: 'summary.report',
        version: '1.2.0',
        fingerprint: `sha256:${'a'.repeat(64)}`,
        path: '/x/suite.yaml',
        caseCount: 4,
        classification: 'synthetic',
        thresholds: { minPassRate: 0.8, maxPiiLeaks: 0 },
        title: 'Synthèses',
      },
    ],
    models: [{ id: 'openai:gpt-4o-mini', destination: 'https://api.openai.com/v1' }],
    options: { concurrency: 4, cache: true },
    plannedCount: 4,
    avecVersion: '0.1.0',
    pid: 0,
    host: 'elsewhere',
  });
  store.appendResult(result({ caseId: 'c-pass' }));
  store.appendResult(
    result({
      caseId: 'c-xss',
      outcome: 'fail',
      output: XSS_OUTPUT,
      grades: [
        {
          grader: 'facts',
          type: 'contains',
          pass: false,
          score: 0,
          reason: 'missing 1/1: "52 %"',
          spans: [{ start: 0, end: 8, label: 'found' }],
        },
      ],
    }),
  );
  const leak = `Le patient (NIR ${LEAKED_NIR}) peut sortir.`;
  const start = leak.indexOf(LEAKED_NIR);
  store.appendResult(
    result({
      caseId: 'c-leak',
      outcome: 'fail',
      output: leak,
      grades: [
        {
          grader: 'pii',
          type: 'pii',
          pass: false,
          score: 0,
          reason: '1 leak: nir ×1',
          spans: [{ start, end: start + LEAKED_NIR.length, label: 'nir' }],
        },
      ],
    }),
  );
  store.appendResult(
    result({
      caseId: 'c-error',
      outcome: 'error',
      output: null,
      error: 'openai:gpt-4o-mini: HTTP 500: injected',
      usage: null,
      servedModel: null,
      latencyMs: null,
      costUsd: null,
      grades: [],
    }),
  );
  store.finishRun('r-report', 'incomplete', '2026-11-29T10:01:00.000Z');
  return { store, dir, runId: 'r-report' };
}
