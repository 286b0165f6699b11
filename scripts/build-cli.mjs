#!/usr/bin/env node
/**
 * Bundles the CLI into dist/cli/ after tsc has emitted dist/ (library, types, source maps).
 *
 * Why: Node 20 resolves and compiles every ES module file on its own, and the CLI reaches a few
 * hundred of them (the OpenAI SDK alone is about a hundred). Loading them took ~0.7 s before the
 * first request of every run; one bundle takes less than half that. Code loaded only on demand
 * (the Anthropic SDK, chart rendering) stays in chunks of its own, loaded when first asked.
 *
 * Usage: node scripts/build-cli.mjs [outdir]   (default dist; the bench builds into a temp folder)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import bundleOptions from './bundle-options.json' with { type: 'json' };

const outdir = process.argv[2] ?? 'dist';

const SHIPPED_SCHEMAS = [
  'src/suite/suite.schema.json',
  'src/suite/case.schema.json',
  'src/config/config.schema.json',
];

/**
 * src/shared/precompiled-validators.ts, as the bundle holds it: ajv's standalone code for the
 * shipped schemas and for every grader's config schema, made with the options compileSchema
 * uses, so that no run compiles them at start-up (the graders' alone took ~60 ms of every run
 * of the shipped suites). From sources the module stays empty and they are compiled on first use.
 * The graders' schemas are read from the registry tsc has just emitted into the output folder.
 */
const precompiledValidators = {
  name: 'precompiled-validators',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]src[\\/]shared[\\/]precompiled-validators\.ts$/ }, async () => {
      const registry = pathToFileURL(resolve(join(outdir, 'graders/registry.js'))).href;
      const { GRADERS, graderConfigKey } = await import(registry);
      const schemas = [
        ...SHIPPED_SCHEMAS.map((file) => {
          const schema = JSON.parse(readFileSync(file, 'utf8'));
          return { key: schema.$id, schema };
        }),
        ...Object.entries(GRADERS).map(([type, definition]) => ({
          key: graderConfigKey(type),
          schema: definition.configSchema,
        })),
      ];
      const options = JSON.parse(readFileSync('src/shared/ajv-options.json', 'utf8'));
      const ajv = new Ajv({ ...options, code: { source: true, esm: true } });
      for (const { key, schema } of schemas) ajv.addSchema(schema, schema.$id === key ? undefined : key);
      // ajv names its own functions validate0, validate1…: the exports must not take those names.
      const names = schemas.map((_, i) => `shippedSchema${i}`);
      const code = standaloneCode(ajv, Object.fromEntries(schemas.map(({ key }, i) => [names[i], key])));
      const byId = schemas.map(({ key }, i) => `${JSON.stringify(key)}: ${names[i]}`).join(', ');
      return {
        contents: `${code}\nexport const PRECOMPILED = { ${byId} };\n`,
        loader: 'js',
        resolveDir: process.cwd(),
      };
    });
  },
};

await build({
  // The provider thread (src/providers/provider-thread.ts) is a second entry: the CLI starts it
  // from beside its own bundle.
  entryPoints: {
    'cli/main': 'src/cli/main.ts',
    'cli/provider-thread': 'src/providers/provider-thread-entry.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  // Chunks sit beside main.js: src/shared/version.ts reads ../../package.json from where it runs.
  chunkNames: 'cli/[name]-[hash]',
  // bundle-options.json, shared with the graders benchmark so that it times the code as shipped:
  // ES modules for Node 20; better-sqlite3 (a native binding found from its own package folder)
  // and vega (large, optional, loaded only to draw charts) left out; whitespace and syntax
  // minified, for less text for V8 to scan at start-up, identifiers kept so that stack traces
  // stay readable; a require() for the bundled CommonJS dependencies to load Node's modules.
  ...bundleOptions,
  sourcemap: 'linked',
  plugins: [precompiledValidators],
  logLevel: 'warning',
});
