/**
 * `npm run bench [-- name…]`: runs the named benchmarks (all by default), each printing one JSON
 * line of figures, so runs can be compared over time.
 */
const BENCHMARKS: Record<string, () => Promise<Record<string, unknown>>> = {
  history: async () => (await import('./history.js')).benchHistory(),
};

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(BENCHMARKS);
for (const name of names) {
  const run = BENCHMARKS[name];
  if (!run) {
    process.stderr.write(`unknown benchmark "${name}"; known: ${Object.keys(BENCHMARKS).join(', ')}\n`);
    process.exitCode = 2;
    continue;
  }
  process.stdout.write(`${JSON.stringify({ bench: name, ...(await run()) })}\n`);
}
