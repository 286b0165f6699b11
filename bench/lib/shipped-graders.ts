/**
 * What the graders benchmark times: the graders as avec ships them. Re-exported here and
 * bundled by esbuild with the CLI's settings (shipped-graders-build.ts), because tsx, which runs
 * the benchmarks, keeps function names by wrapping them, and that made graders measure slower
 * than the bundle users run.
 */
export { createGraders, GRADERS } from '../../src/graders/registry.js';
export { discoverSuiteFiles } from '../../src/suite/discover.js';
export { loadSuite } from '../../src/suite/load-suite.js';
