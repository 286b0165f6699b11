import { join } from 'node:path';
import type { GradeInput, Grader } from '../src/graders/types.js';
import { BuiltinMutantProvider } from '../src/providers/builtin-mutant.js';
import type { GraderSpec, Suite } from '../src/suite/types.js';
import { ROOT } from './lib/avec-cli.js';
import { round } from './lib/runners.js';
import { loadShippedGraders } from './lib/shipped-graders-build.js';

/** Each grader is timed for at least this long, so a fast one is not measured on a few microseconds. */
const MIN_SECONDS = 1;
const MIN_PASSES = 3;
/**
 * Untimed passes first, for at least this long: a run grades thousands of answers, so what
 * matters is the speed once V8 has optimised the grader (the first passes of pii ran 3-5x
 * slower than the steady ones on the 2-vCPU VM), not the first hundred milliseconds.
 */
const WARM_UP_SECONDS = 1;

/**
 * Graders that no shipped suite configures, with the config they get for the bench and the
 * suite whose outputs they read. A type in the registry that is neither in a suite nor here is
 * skipped with a note, so adding a grader never breaks the bench.
 */
const EXTRA_SAMPLES: ReadonlyArray<{
  type: string;
  suite: string;
  config: (suite: Suite) => Record<string, unknown> | undefined;
}> = [
  {
    type: 'contains',
    suite: 'summary.articles',
    config: () => ({ values: ['essai', 'résultats'], mode: 'any' }),
  },
  { type: 'regex', suite: 'summary.articles', config: () => ({ pattern: '\\[\\d+\\]' }) },
  {
    type: 'json-schema',
    suite: 'form.admin',
    config: (suite) => {
      const schema = suite.graders.find((g) => g.type === 'form')?.config.schema;
      return schema === undefined ? undefined : { schema };
    },
  },
];

interface Workload {
  grader: Grader;
  inputs: GradeInput[];
}

/**
 * Throughput of every deterministic grader, in MB (10⁶ bytes of UTF-8) of output text per
 * second, on realistic configs and French outputs: each grader as the shipped suites configure
 * it, over every case's reference answer and its builtin:mutant variant (one known defect), so
 * both passing and failing paths are timed.
 */
export async function benchGraders(): Promise<Record<string, unknown>> {
  const { createGraders, GRADERS, discoverSuiteFiles, loadSuite } = await loadShippedGraders();
  const notes: Record<string, string> = {};
  const suites: Suite[] = [];
  for (const file of discoverSuiteFiles([join(ROOT, 'suites')])) {
    try {
      suites.push(loadSuite(file));
    } catch (error) {
      notes[file] = `suite not loaded: ${(error as Error).message}`;
    }
  }
  const outputs = new Map<Suite, GradeInput[]>();
  for (const suite of suites) outputs.set(suite, await outputsOf(suite));

  const workloads = new Map<string, Workload[]>();
  const add = (suite: Suite, spec: GraderSpec) => {
    try {
      const [grader] = createGraders([spec], suite.dir);
      if (!grader) return;
      const list = workloads.get(spec.type) ?? [];
      list.push({ grader, inputs: outputs.get(suite) ?? [] });
      workloads.set(spec.type, list);
    } catch (error) {
      notes[`${suite.id}/${spec.id}`] = `grader not built: ${(error as Error).message}`;
    }
  };
  for (const suite of suites) {
    for (const spec of suite.graders) if (!spec.type.startsWith('judge.')) add(suite, spec);
  }
  for (const sample of EXTRA_SAMPLES) {
    if (workloads.has(sample.type)) continue;
    const suite = suites.find((s) => s.id === sample.suite);
    const config = suite ? sample.config(suite) : undefined;
    if (!suite || !config) continue;
    add(suite, { type: sample.type, id: sample.type, config, place: { file: 'bench/graders.ts' } });
  }

  const graders: Record<string, Record<string, unknown>> = {};
  const skipped: Record<string, string> = {};
  // AVEC_BENCH_GRADERS=a,b times only those, e.g. to profile one grader.
  const only = process.env.AVEC_BENCH_GRADERS?.split(',');
  for (const type of Object.keys(GRADERS)) {
    if (type.startsWith('judge.') || (only && !only.includes(type))) continue;
    const list = workloads.get(type);
    if (!list || list.every((w) => w.inputs.length === 0)) {
      skipped[type] = 'no sample: no suite configures it and bench/graders.ts has no config for it';
      continue;
    }
    graders[type] = await measure(list);
  }
  const rates = Object.entries(graders).map(([type, figures]) => [type, figures.MBps as number] as const);
  const slowest = rates.reduce<readonly [string, number] | undefined>(
    (low, rate) => (low === undefined || rate[1] < low[1] ? rate : low),
    undefined,
  );
  return {
    suites: suites.map((s) => `${s.id}@${s.version}`),
    minMBps: slowest?.[1],
    slowest: slowest?.[0],
    graders,
    ...(Object.keys(skipped).length > 0 ? { skipped } : {}),
    ...(Object.keys(notes).length > 0 ? { notes } : {}),
  };
}

/** Every case's reference and its mutant, as the outputs the suite's graders will read. */
async function outputsOf(suite: Suite): Promise<GradeInput[]> {
  const mutant = new BuiltinMutantProvider();
  const inputs: GradeInput[] = [];
  const context = { id: suite.id, language: suite.language, dir: suite.dir, use: suite.use };
  for (const testCase of suite.cases) {
    if (testCase.reference === undefined) continue;
    const { reference, id, vars, expect } = testCase;
    const mutated = await mutant.complete({
      user: '',
      parameters: {},
      case: { suiteId: suite.id, caseId: id, expect, vars, use: suite.use, reference },
    });
    for (const output of [reference, mutated.text]) {
      inputs.push({ output, case: { id, vars, expect, reference }, suite: context });
    }
  }
  return inputs;
}

async function measure(workloads: Workload[]): Promise<Record<string, unknown>> {
  const bytes = workloads.reduce(
    (sum, w) => sum + w.inputs.reduce((s, input) => s + Buffer.byteLength(input.output), 0),
    0,
  );
  let errors = 0;
  let passes = 0;
  const pass = async () => {
    errors = 0;
    for (const { grader, inputs } of workloads) {
      for (const input of inputs) {
        try {
          const graded = grader.grade(input);
          if (graded instanceof Promise) await graded;
        } catch {
          errors++;
        }
      }
    }
  };
  // Warm-up: JIT, lazily built lexicons and compiled schemas.
  const warmUpStarted = performance.now();
  do await pass();
  while ((performance.now() - warmUpStarted) / 1000 < WARM_UP_SECONDS);
  // Each pass timed on its own, and the median pass reported: on a shared VM a pass now and then
  // runs twice as long (another process, the host), which a total over all passes would count.
  const started = performance.now();
  const passSeconds: number[] = [];
  while (passes < MIN_PASSES || (performance.now() - started) / 1000 < MIN_SECONDS) {
    const passStarted = performance.now();
    await pass();
    passSeconds.push((performance.now() - passStarted) / 1000);
    passes++;
  }
  passSeconds.sort((a, b) => a - b);
  const medianSeconds = passSeconds[Math.floor((passSeconds.length - 1) / 2)] as number;
  const outputs = workloads.reduce((sum, w) => sum + w.inputs.length, 0);
  return {
    MBps: round(bytes / medianSeconds / 1e6, 2),
    passes,
    outputs,
    kB: round(bytes / 1000, 1),
    ...(errors > 0 ? { errorsPerPass: errors } : {}),
  };
}
