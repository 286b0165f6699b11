import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../shared/errors.js';
import { displayPath } from './load-suite.js';
import type { Suite } from './types.js';

/**
 * The lock records, for every suite, the version and fingerprint last accepted. It lives beside
 * the suite folders (their parent folder), is committed, and is what lint compares against.
 */
export const LOCK_FILE_NAME = 'avec-lock.json';

export interface LockEntry {
  version: string;
  fingerprint: string;
}
export type LockFile = Record<string, LockEntry>;

export function lockPathFor(suite: Pick<Suite, 'dir'>): string {
  return join(dirname(suite.dir), LOCK_FILE_NAME);
}

export function readLock(path: string): LockFile {
  if (!existsSync(path)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error('not a JSON object');
    }
    const suites = (parsed as { suites?: unknown }).suites ?? {};
    const isEntry = (entry: unknown) =>
      typeof (entry as LockEntry | null)?.version === 'string' &&
      typeof (entry as LockEntry | null)?.fingerprint === 'string';
    if (typeof suites !== 'object' || Array.isArray(suites) || !Object.values(suites).every(isEntry)) {
      throw new Error('"suites" must map each suite id to { "version", "fingerprint" }');
    }
    return suites as LockFile;
  } catch (error) {
    throw new UserError(`invalid lock file: ${(error as Error).message}`, {
      place: { file: displayPath(path) },
      hint: 'Delete it and run `avec suites lock` to write it again',
    });
  }
}

export function writeLock(path: string, entries: LockFile): void {
  const sorted: LockFile = {};
  for (const id of Object.keys(entries).sort()) sorted[id] = entries[id] as LockEntry;
  writeFileSync(path, `${JSON.stringify({ lockVersion: 1, suites: sorted }, null, 2)}\n`);
}

export interface LockProblem {
  suiteId: string;
  file: string;
  message: string;
}

/** Compares semantic versions; pre-releases sort before their release, as semver orders them. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    // The pre-release is everything after the first dash: it may hold dashes itself (1.0.0-rc-1).
    const dash = v.indexOf('-');
    const core = dash === -1 ? v : v.slice(0, dash);
    return { parts: core.split('.').map(Number), pre: dash === -1 ? undefined : v.slice(dash + 1) };
  };
  const left = parse(a);
  const right = parse(b);
  for (let i = 0; i < 3; i++) {
    const diff = (left.parts[i] ?? 0) - (right.parts[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  if (left.pre === right.pre) return 0;
  if (left.pre === undefined) return 1;
  if (right.pre === undefined) return -1;
  return comparePrerelease(left.pre, right.pre);
}

/** Dot-separated identifiers in turn: numbers numerically and before words; fewer before more. */
function comparePrerelease(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const xNumeric = /^\d+$/.test(x);
    const yNumeric = /^\d+$/.test(y);
    if (xNumeric && yNumeric) return Math.sign(Number(x) - Number(y)) || (x < y ? -1 : 1);
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

export function checkAgainstLock(suite: Suite, lock: LockFile): LockProblem | undefined {
  const entry = lock[suite.id];
  const file = displayPath(suite.file);
  const problem = (message: string) => ({ suiteId: suite.id, file, message });
  if (!entry)
    return problem(`suite ${suite.id} is not in the lock: run \`avec suites lock\` and commit the lock`);
  const order = compareVersions(suite.version, entry.version);
  if (order === 0 && entry.fingerprint !== suite.fingerprint) {
    return problem(
      `content of ${suite.id} changed but its version ${suite.version} was not bumped: bump "version" in suite.yaml (and the CHANGELOG), then run \`avec suites lock\``,
    );
  }
  if (order < 0) {
    return problem(
      `version ${suite.version} of ${suite.id} is lower than the locked ${entry.version}: versions only go up`,
    );
  }
  if (order > 0) {
    return problem(
      `${suite.id} is now ${suite.version} but the lock records ${entry.version}: run \`avec suites lock\` and commit the lock`,
    );
  }
  return undefined;
}
