import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROOT } from './avec-cli.js';

type ShippedGraders = typeof import('./shipped-graders.js');

/**
 * shipped-graders.ts bundled as scripts/build-cli.mjs bundles the CLI (ES module, Node 20,
 * whitespace and syntax minified, names left as written), then imported.
 */
export async function loadShippedGraders(): Promise<ShippedGraders> {
  const dir = mkdtempSync(join(tmpdir(), 'avec-bench-graders-'));
  try {
    const outfile = join(dir, 'shipped-graders.mjs');
    await build({
      entryPoints: [join(ROOT, 'bench/lib/shipped-graders.ts')],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: ['better-sqlite3', 'vega', 'vega-lite'],
      minifyWhitespace: true,
      minifySyntax: true,
      banner: {
        js: "import { createRequire as __avecCreateRequire } from 'node:module'; const require = __avecCreateRequire(import.meta.url);",
      },
      logLevel: 'warning',
      absWorkingDir: ROOT,
    });
    return (await import(pathToFileURL(outfile).href)) as ShippedGraders;
  } finally {
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  }
}
