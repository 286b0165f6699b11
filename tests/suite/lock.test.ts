import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/shared/errors.js';
import { loadSuite } from '../../src/suite/load-suite.js';
import {
  checkAgainstLock,
  compareVersions,
  LOCK_FILE_NAME,
  lockPathFor,
  readLock,
  writeLock,
} from '../../src/suite/lock.js';
import type { Suite } from '../../src/suite/types.js';
import { tempDir } from '../helpers/cli.js';
import { copyFixtureSuite } from '../helpers/suite-copy.js';

describe('compareVersions', () => {
  it('orders by major, minor and patch, numerically', () => {
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.1', '1.0.0')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.1')).toBe(-1);
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
    expect(compareVersions('2.0.0', '1.99.99')).toBe(1);
    expect(compareVersions('0.0.10', '0.0.9')).toBe(1);
  });

  it('sorts a pre-release before its release, and after the previous release', () => {
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0.0', '1.0.0-rc.1')).toBe(1);
    expect(compareVersions('1.0.0-rc.1', '0.9.9')).toBe(1);
    expect(compareVersions('1.0.0-rc.1', '1.0.0-rc.1')).toBe(0);
  });

  it('follows the semver order of pre-releases', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        const a = ordered[i] as string;
        const b = ordered[j] as string;
        expect(compareVersions(a, b), `${a} vs ${b}`).toBe(Math.sign(i - j));
      }
    }
  });

  it('compares numeric pre-release identifiers as numbers (rc.10 after rc.9)', () => {
    expect(compareVersions('1.0.0-rc.10', '1.0.0-rc.9')).toBe(1);
    expect(compareVersions('1.0.0-2', '1.0.0-10')).toBe(-1);
  });

  it('keeps dashes inside a pre-release', () => {
    expect(compareVersions('1.0.0-rc-2', '1.0.0-rc-1')).toBe(1);
    expect(compareVersions('1.0.0-rc-1', '1.0.0-rc-1')).toBe(0);
  });

  it('is antisymmetric and reflexive on any valid versions', () => {
    const identifier = fc.oneof(fc.nat(20).map(String), fc.stringMatching(/^[0-9A-Za-z-]{1,4}$/));
    const version = fc
      .tuple(fc.nat(3), fc.nat(3), fc.nat(3), fc.option(fc.array(identifier, { minLength: 1, maxLength: 3 })))
      .map(([a, b, c, pre]) => `${a}.${b}.${c}${pre ? `-${pre.join('.')}` : ''}`);
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(compareVersions(a, a)).toBe(0);
        expect(compareVersions(a, b)).toBe(-compareVersions(b, a) || 0);
      }),
    );
  });
});

describe('checkAgainstLock', () => {
  const suite = (): Suite => loadSuite(copyFixtureSuite('summary.alpha'));

  it('accepts a suite whose version and fingerprint match the lock', () => {
    const s = suite();
    expect(checkAgainstLock(s, { [s.id]: { version: '1.0.0', fingerprint: s.fingerprint } })).toBeUndefined();
  });

  it('reports a suite missing from the lock', () => {
    const s = suite();
    const problem = checkAgainstLock(s, { 'form.beta': { version: '1.0.0', fingerprint: 'sha256:x' } });
    expect(problem?.suiteId).toBe('summary.alpha');
    expect(problem?.message).toMatch(/not in the lock/);
    expect(problem?.file).toMatch(/suite\.yaml$/);
  });

  it('reports changed content without a version bump', () => {
    const s = suite();
    const problem = checkAgainstLock(s, { [s.id]: { version: '1.0.0', fingerprint: 'sha256:old' } });
    expect(problem?.message).toMatch(
      /content of summary\.alpha changed but its version 1\.0\.0 was not bumped/,
    );
  });

  it('reports a version lower than the locked one', () => {
    const s = suite();
    for (const locked of ['1.0.1', '2.0.0', '1.1.0-rc.1']) {
      const problem = checkAgainstLock(s, { [s.id]: { version: locked, fingerprint: s.fingerprint } });
      expect(problem?.message, locked).toMatch(/lower than the locked/);
    }
  });

  it('reports a bumped version the lock has not recorded yet, changed content or not', () => {
    const s = suite();
    for (const fingerprint of [s.fingerprint, 'sha256:old']) {
      const problem = checkAgainstLock(s, { [s.id]: { version: '0.9.0', fingerprint } });
      expect(problem?.message).toMatch(/now 1\.0\.0 but the lock records 0\.9\.0/);
    }
  });

  it('treats the release after its pre-release as a bump', () => {
    const s = suite();
    const problem = checkAgainstLock(s, { [s.id]: { version: '1.0.0-rc.2', fingerprint: s.fingerprint } });
    expect(problem?.message).toMatch(/lock records 1\.0\.0-rc\.2/);
  });
});

describe('lock files', () => {
  it('lives beside the suite folders', () => {
    expect(lockPathFor({ dir: join('/x', 'suites', 'summary.alpha') })).toBe(
      join('/x', 'suites', LOCK_FILE_NAME),
    );
  });

  it('reads as empty when absent', () => {
    expect(readLock(join(tempDir(), LOCK_FILE_NAME))).toEqual({});
  });

  it('writes sorted entries and reads them back', () => {
    const path = join(tempDir(), LOCK_FILE_NAME);
    const entries = {
      'summary.b': { version: '1.0.0', fingerprint: 'sha256:b' },
      'form.a': { version: '2.1.0-rc.1', fingerprint: 'sha256:a' },
    };
    writeLock(path, entries);
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(text);
    expect(parsed.lockVersion).toBe(1);
    expect(Object.keys(parsed.suites)).toEqual(['form.a', 'summary.b']);
    expect(readLock(path)).toEqual(entries);
  });

  it('locks what loadSuite gives, so the suite then checks clean', () => {
    const s = loadSuite(copyFixtureSuite('form.beta'));
    const path = lockPathFor(s);
    expect(dirname(path)).toBe(dirname(s.dir));
    writeLock(path, { [s.id]: { version: s.version, fingerprint: s.fingerprint } });
    expect(checkAgainstLock(s, readLock(path))).toBeUndefined();
  });

  it.each([
    ['broken JSON', '{ "suites": '],
    ['null', 'null'],
    ['a list', '[]'],
    ['suites that are not an object', '{ "suites": [1] }'],
    ['an entry without a version', '{ "suites": { "summary.alpha": { "fingerprint": "sha256:x" } } }'],
    ['an entry that is a string', '{ "suites": { "summary.alpha": "1.0.0" } }'],
  ])('refuses a lock holding %s with a UserError', (_what, text) => {
    const path = join(tempDir(), LOCK_FILE_NAME);
    writeFileSync(path, text);
    expect(() => readLock(path)).toThrow(UserError);
    expect(() => readLock(path)).toThrow(/invalid lock file/);
  });
});
