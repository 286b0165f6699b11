import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import bundleOptions from '../../scripts/bundle-options.json' with { type: 'json' };
import { ROOT } from './avec-cli.js';

type ShippedGraders = typeof import('./shipped-graders.js');

/**
 * shipped-graders.ts bundled with the CLI's options (scripts/bundle-options.json), then imported.
 */
export async function loadShippedGraders(): Promise<ShippedGraders> {
  const dir = mkdtempSync(join(tmpdir(), 'avec-bench-graders-'));
  try {
    const outfile = join(dir, 'shipped-graders.mjs');
    await build({
      entryPoints: [join(ROOT, 'bench/lib/shipped-graders.ts')],
      outfile,
      bundle: true,
      ...(bundleOptions as BuildOptions),
      logLevel: 'warning',
      absWorkingDir: ROOT,
    });
    return (await import(pathToFileURL(outfile).href)) as ShippedGraders;
  } finally {
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  }
}
