import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Integration tests run the CLI as users do, from dist/: build it once, fresh. Each vitest
 * process gets its own folder for test files, so two test runs at once (a developer and an
 * editor plugin, or parallel CI jobs on one machine) never delete each other's databases.
 */
export default function setup(): () => void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // The CLI users run is the bundle (see scripts/build-cli.mjs): test that one.
  execFileSync(process.execPath, ['scripts/build-cli.mjs', 'dist'], { cwd: root, stdio: 'inherit' });
  const parent = join(tmpdir(), 'avec-tests');
  mkdirSync(parent, { recursive: true });
  const testRoot = mkdtempSync(join(parent, 'run-'));
  // Workers start after global setup and inherit this environment.
  process.env.AVEC_TEST_ROOT = testRoot;
  return () => rmSync(testRoot, { recursive: true, force: true });
}
