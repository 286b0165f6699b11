import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Config, loadConfig } from '../config/config.js';
import { UserError } from '../shared/errors.js';
import {
  type CompareOptions,
  type Comparison,
  compareRuns,
  DEFAULT_COMPARE_OPTIONS,
} from '../stats/compare.js';
import { type ProcurementRow, procurementMatrix } from '../stats/procurement.js';
import { SqliteStore } from '../store/sqlite.js';
import type { RunRecord, Store } from '../store/types.js';

export interface RunComparison extends Comparison {
  runA: Pick<RunRecord, 'id' | 'startedAt' | 'status'>;
  runB: Pick<RunRecord, 'id' | 'startedAt' | 'status'>;
}

export function compareOptionsFrom(config: Config): CompareOptions {
  return { ...DEFAULT_COMPARE_OPTIONS, ...config.compare };
}

export function openExistingStore(dbPath: string, cwd: string): SqliteStore {
  const file = resolve(cwd, dbPath);
  if (!existsSync(file)) {
    throw new UserError('no result database here', {
      place: { file: dbPath },
      hint: 'Run `avec run` first, or point --db at a database',
    });
  }
  return new SqliteStore(file, { readonly: true });
}

/** "latest" is the newest finished run other than `excluding`; anything else must be a stored id. */
export function resolveRunId(
  store: Store,
  id: string,
  excluding?: string,
): Pick<RunRecord, 'id' | 'startedAt' | 'status'> {
  if (id === 'latest') {
    const latest = store.runBriefs().find((run) => run.id !== excluding && run.status !== 'running');
    if (!latest)
      throw new UserError('no earlier run to compare with', {
        hint: 'Run the suites once to make a baseline',
      });
    return latest;
  }
  const run = store.runBrief(id);
  if (!run)
    throw new UserError(`no run "${id}" in this database`, { hint: 'List runs with `avec runs list`' });
  return run;
}

/** `only` restricts the comparison to one suite × model (a trend's change point). */
export function compareStoredRuns(
  store: Store,
  a: string,
  b: string,
  options: CompareOptions,
  only?: { suiteId: string; model: string },
): RunComparison {
  const runA = resolveRunId(store, a);
  const runB = resolveRunId(store, b, runA.id);
  const comparison = compareRuns(
    store.iterateResults(runA.id, only),
    store.iterateResults(runB.id, only),
    options,
  );
  const brief = (run: Pick<RunRecord, 'id' | 'startedAt' | 'status'>) => ({
    id: run.id,
    startedAt: run.startedAt,
    status: run.status,
  });
  return { ...comparison, runA: brief(runA), runB: brief(runB) };
}

/** `avec compare A B`: every suite × model the two runs share, paired case by case. */
export function compare(options: {
  dbPath: string;
  runA: string;
  runB: string;
  configPath?: string;
  cwd?: string;
}): RunComparison {
  const cwd = options.cwd ?? process.cwd();
  const config = loadConfig(options.configPath, cwd);
  const store = openExistingStore(options.dbPath, cwd);
  try {
    return compareStoredRuns(store, options.runA, options.runB, compareOptionsFrom(config));
  } finally {
    store.close();
  }
}

/** `avec compare <run>`: the candidate models of one run side by side (the procurement matrix). */
export function compareModels(options: {
  dbPath: string;
  runId: string;
  configPath?: string;
  cwd?: string;
}): {
  runId: string;
  models: ProcurementRow[];
} {
  const cwd = options.cwd ?? process.cwd();
  const config = loadConfig(options.configPath, cwd);
  const store = openExistingStore(options.dbPath, cwd);
  try {
    const brief = resolveRunId(store, options.runId);
    const run = store.getRun(brief.id) as RunRecord;
    const models = procurementMatrix(
      store.groupCounts(run.id),
      store.caseTallies(run.id),
      new Map(run.suites.map((s) => [s.id, s.use ?? s.id.split('.')[0] ?? ''])),
      config.energy,
    );
    return { runId: run.id, models };
  } finally {
    store.close();
  }
}
