import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { stringify } from 'csv-stringify';
import type { CaseResult } from '../run/types.js';
import { maskPersonalData } from './mask.js';

export const CSV_COLUMNS = [
  'runId',
  'suiteId',
  'suiteVersion',
  'caseId',
  'model',
  'servedModel',
  'repeat',
  'outcome',
  'failingGraders',
  'reasons',
  'inputTokens',
  'outputTokens',
  'latencyMs',
  'costUsd',
  'cached',
  'mutation',
  'error',
  'output',
] as const;

/** One row per result, streamed to the file; the output column is masked unless showPii. */
export async function writeCsv(
  results: Iterable<CaseResult>,
  file: string,
  options: { showPii?: boolean } = {},
): Promise<void> {
  const stringifier = stringify({ header: true, columns: [...CSV_COLUMNS] });
  const out = createWriteStream(file, { encoding: 'utf8' });
  stringifier.pipe(out);
  for (const result of results) {
    const failing = result.grades.filter((g) => !g.pass && !g.skipped);
    const row = {
      runId: result.runId,
      suiteId: result.suiteId,
      suiteVersion: result.suiteVersion,
      caseId: result.caseId,
      model: result.model,
      servedModel: result.servedModel ?? '',
      repeat: result.repeat,
      outcome: result.outcome,
      failingGraders: failing.map((g) => g.grader).join(';'),
      reasons: failing.map((g) => `${g.grader}: ${g.reason}`).join(' | '),
      inputTokens: result.usage?.inputTokens ?? '',
      outputTokens: result.usage?.outputTokens ?? '',
      latencyMs: result.latencyMs ?? '',
      costUsd: result.costUsd ?? '',
      cached: result.cached,
      mutation: result.mutation ?? '',
      error: result.error ?? '',
      output:
        result.output === null
          ? ''
          : options.showPii
            ? result.output
            : maskPersonalData(result.output, result.grades).text,
    };
    if (!stringifier.write(row)) await once(stringifier, 'drain');
  }
  stringifier.end();
  await once(out, 'finish');
}
