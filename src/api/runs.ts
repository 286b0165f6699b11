import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../shared/errors.js';
import { SqliteStore } from '../store/sqlite.js';
import type { PurgeSummary, RunRecord } from '../store/types.js';

export interface RunListing {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  models: Array<{ id: string; servedModels: string[]; destination: string }>;
  suites: Array<{ id: string; version: string; fingerprint: string }>;
  planned: number;
  counts: { pass: number; fail: number; error: number };
  avecVersion: string;
}

export function listRuns(dbPath: string, cwd = process.cwd()): RunListing[] {
  const file = resolve(cwd, dbPath);
  // No database yet simply means no run yet.
  if (!existsSync(file)) return [];
  const store = new SqliteStore(file, { readonly: true });
  try {
    return store.listRuns().map(toListing);
  } finally {
    store.close();
  }
}

function toListing(run: RunRecord): RunListing {
  return {
    id: run.id,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    status: run.status,
    models: run.models.map((m) => ({
      id: m.id,
      destination: m.destination,
      servedModels: run.servedModels[m.id] ?? [],
    })),
    suites: run.suites.map((s) => ({ id: s.id, version: s.version, fingerprint: s.fingerprint })),
    planned: run.plannedCount,
    counts: run.counts,
    avecVersion: run.avecVersion,
  };
}

export interface PurgeResult extends PurgeSummary {
  runId: string;
  reportFolders: string[];
}

/**
 * `avec runs purge <run-id>`: for a data-retention request, deletes the run's answers from the
 * database (and the cached answers it used) and its report folder; with keepScores, the verdicts
 * stay and only the texts go.
 */
export function purgeRun(options: {
  dbPath: string;
  runId: string;
  keepScores?: boolean;
  reportsDir?: string;
  cwd?: string;
}): PurgeResult {
  const cwd = options.cwd ?? process.cwd();
  const file = resolve(cwd, options.dbPath);
  if (!existsSync(file)) throw new UserError('no result database here', { place: { file: options.dbPath } });
  const store = new SqliteStore(file);
  try {
    if (!store.runBrief(options.runId)) {
      throw new UserError(`no run "${options.runId}" in this database`, {
        hint: 'List runs with `avec runs list`',
      });
    }
    const summary = store.purgeRun(options.runId, { keepScores: options.keepScores ?? false });
    const folder = resolve(cwd, options.reportsDir ?? 'reports', options.runId);
    const reportFolders: string[] = [];
    if (existsSync(folder)) {
      rmSync(folder, { recursive: true, force: true });
      reportFolders.push(folder);
    }
    return { runId: options.runId, ...summary, reportFolders };
  } finally {
    store.close();
  }
}
