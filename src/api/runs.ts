import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SqliteStore } from '../store/sqlite.js';
import type { RunRecord } from '../store/types.js';

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
