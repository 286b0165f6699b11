import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEST_ROOT = join(tmpdir(), 'avec-tests');

/** Integration tests run the CLI as users do, from dist/: build it once, fresh. */
export default function setup(): () => void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  return () => rmSync(TEST_ROOT, { recursive: true, force: true });
}
