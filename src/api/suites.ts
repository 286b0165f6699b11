import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGraders } from '../graders/registry.js';
import { UserError } from '../shared/errors.js';
import { discoverSuiteFiles } from '../suite/discover.js';
import { displayPath, loadSuite } from '../suite/load-suite.js';
import { checkAgainstLock, type LockFile, lockPathFor, readLock, writeLock } from '../suite/lock.js';
import type { Suite } from '../suite/types.js';

export interface SuiteListing {
  id: string;
  version: string;
  title: string;
  use: string;
  language: string;
  classification: string;
  cases: number;
  repeats: number;
  graders: string[];
  fingerprint: string;
  file: string;
}

export function listSuites(paths: string[]): SuiteListing[] {
  return discoverSuiteFiles(paths).map((file) => {
    const suite = loadSuite(file);
    return {
      id: suite.id,
      version: suite.version,
      title: suite.title,
      use: suite.use,
      language: suite.language,
      classification: suite.dataset.classification,
      cases: suite.cases.length,
      repeats: suite.repeats,
      graders: suite.graders.map((g) => (g.id === g.type ? g.type : `${g.id} (${g.type})`)),
      fingerprint: suite.fingerprint,
      file: displayPath(suite.file),
    };
  });
}

export interface LintProblem {
  /** Where, as "file:line (pointer)" when known. */
  where: string;
  message: string;
}

export interface LintReport {
  checked: number;
  problems: LintProblem[];
}

/**
 * Checks every suite fully (schema, dataset, placeholders, grader configs, changelog, lock) and
 * keeps going after a broken suite, so one lint run lists every problem.
 */
export function lintSuites(paths: string[]): LintReport {
  const problems: LintProblem[] = [];
  const files = discoverSuiteFiles(paths);
  const locks = new Map<string, LockFile>();
  const seenIds = new Map<string, string>();
  for (const file of files) {
    let suite: Suite;
    try {
      suite = loadSuite(file);
      createGraders(suite.graders, suite.dir);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push({ where: whereOf(error), message: withHint(error) });
      continue;
    }
    const shown = displayPath(suite.file);
    const other = seenIds.get(suite.id);
    if (other) problems.push({ where: shown, message: `suite id "${suite.id}" is also used by ${other}` });
    seenIds.set(suite.id, shown);
    const changelogProblem = checkChangelog(suite);
    if (changelogProblem)
      problems.push({ where: displayPath(join(suite.dir, 'CHANGELOG.md')), message: changelogProblem });
    const lockPath = lockPathFor(suite);
    if (!locks.has(lockPath)) locks.set(lockPath, readLock(lockPath));
    const lockProblem = checkAgainstLock(suite, locks.get(lockPath) ?? {});
    if (lockProblem) problems.push({ where: shown, message: lockProblem.message });
  }
  return { checked: files.length, problems };
}

function whereOf(error: UserError): string {
  const { file, line, pointer } = error.place;
  if (!file) return '(suite)';
  return `${file}${line !== undefined ? `:${line}` : ''}${pointer ? ` (${pointer})` : ''}`;
}

function withHint(error: UserError): string {
  return error.hint ? `${error.message}. ${error.hint}` : error.message;
}

function checkChangelog(suite: Suite): string | undefined {
  const file = join(suite.dir, 'CHANGELOG.md');
  if (!existsSync(file)) return 'missing: every suite says what changed in each version in CHANGELOG.md';
  const text = readFileSync(file, 'utf8');
  const escaped = suite.version.replace(/[.+]/g, '\\$&');
  if (!new RegExp(`^#{1,3}\\s*\\[?v?${escaped}\\b`, 'm').test(text)) {
    return `no entry for version ${suite.version}: add a "## ${suite.version}" heading saying what changed`;
  }
  return undefined;
}

export interface LockUpdate {
  lockFile: string;
  suiteId: string;
  version: string;
  fingerprint: string;
  change: 'added' | 'updated' | 'unchanged';
}

/**
 * Records each suite's version and fingerprint. Refuses a suite whose content changed while its
 * version did not: the lock must never bless an unversioned change.
 */
export function lockSuites(paths: string[]): LockUpdate[] {
  const suites = discoverSuiteFiles(paths).map((file) => loadSuite(file));
  const byLock = new Map<string, Suite[]>();
  for (const suite of suites) {
    const path = lockPathFor(suite);
    byLock.set(path, [...(byLock.get(path) ?? []), suite]);
  }
  const updates: LockUpdate[] = [];
  for (const [lockPath, lockSuitesHere] of byLock) {
    const lock = readLock(lockPath);
    for (const suite of lockSuitesHere) {
      const entry = lock[suite.id];
      if (entry && entry.version === suite.version && entry.fingerprint !== suite.fingerprint) {
        throw new UserError(
          `content of ${suite.id} changed but its version ${suite.version} was not bumped`,
          {
            place: { file: displayPath(suite.file), pointer: '/version' },
            hint: 'Bump "version" (and add a CHANGELOG entry) before locking',
          },
        );
      }
      const change = !entry
        ? 'added'
        : entry.fingerprint === suite.fingerprint && entry.version === suite.version
          ? 'unchanged'
          : 'updated';
      lock[suite.id] = { version: suite.version, fingerprint: suite.fingerprint };
      updates.push({
        lockFile: displayPath(lockPath),
        suiteId: suite.id,
        version: suite.version,
        fingerprint: suite.fingerprint,
        change,
      });
    }
    writeLock(lockPath, lock);
  }
  return updates;
}
