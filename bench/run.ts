import { removeAvecBuild } from './lib/avec-cli.js';

type Figures = Record<string, unknown>;

/**
 * `npm run bench [-- name…]`: runs the named benchmarks (all by default). Each prints one JSON
 * line of figures per workload it measures, so runs can be compared over time.
 */
const BENCHMARKS: Record<string, () => AsyncIterable<Figures> | Promise<Figures>> = {
  overhead: async function* () {
    yield* (await import('./overhead.js')).benchOverhead();
  },
  scale: async function* () {
    yield* (await import('./scale.js')).benchScale();
  },
  cache: async () => (await import('./cache.js')).benchCache(),
  graders: async () => (await import('./graders.js')).benchGraders(),
  history: async () => (await import('./history.js')).benchHistory(),
};

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(BENCHMARKS);
try {
  for (const name of names) {
    const run = BENCHMARKS[name];
    if (!run) {
      process.stderr.write(`unknown benchmark "${name}"; known: ${Object.keys(BENCHMARKS).join(', ')}\n`);
      process.exitCode = 2;
      continue;
    }
    const produced = run();
    const lines = Symbol.asyncIterator in produced ? produced : [await produced];
    for await (const figures of lines)
      process.stdout.write(`${JSON.stringify({ bench: name, ...figures })}\n`);
  }
} finally {
  removeAvecBuild();
}
