import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let built: { cli: string; dir: string | undefined } | undefined;

/**
 * The CLI a user runs, built from the working tree into a private folder so that a benchmark
 * never races with tests rebuilding dist/. The folder mirrors the package layout (package.json
 * beside dist/, node_modules linked) because avec reads its version from ../../package.json.
 * AVEC_BENCH_CLI=path/to/main.js skips the build and measures that CLI instead.
 */
export function avecCli(): string {
  if (built) return built.cli;
  const given = process.env.AVEC_BENCH_CLI;
  if (given) {
    built = { cli: given, dir: undefined };
    return given;
  }
  const dir = mkdtempSync(join(tmpdir(), 'avec-bench-build-'));
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  try {
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/typescript/bin/tsc'),
        '-p',
        'tsconfig.build.json',
        '--outDir',
        join(dir, 'dist'),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    // Type errors still emit JavaScript; only a build that produced no CLI is fatal.
    const output = String((error as { stdout?: Buffer }).stdout ?? '');
    process.stderr.write(
      `bench: tsc reported errors, measuring what it emitted:\n${output.slice(0, 2000)}\n`,
    );
  }
  // The CLI users run is the bundle that `npm run build` makes after tsc.
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), join(dir, 'dist')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const cli = join(dir, 'dist/cli/main.js');
  if (!existsSync(cli)) throw new Error(`bench: building avec produced no ${cli}`);
  built = { cli, dir };
  return cli;
}

/** Removes the private build; called once every benchmark has run. */
export function removeAvecBuild(): void {
  if (built?.dir && !process.env.KEEP) rmSync(built.dir, { recursive: true, force: true });
  built = undefined;
}
