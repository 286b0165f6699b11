import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGraders, graderTypes, isGraderType } from '../graders/registry.js';
import type { Grader, StoredGrade } from '../graders/types.js';
import { gradeOutput } from '../run/grade-output.js';
import { UserError } from '../shared/errors.js';
import { loadSuite } from '../suite/load-suite.js';
import type { GraderSpec } from '../suite/types.js';

export interface GradeLine {
  id: string;
  pass: boolean;
  grades: Array<Pick<StoredGrade, 'grader' | 'type' | 'pass' | 'score' | 'reason' | 'spans' | 'skipped'>>;
  /** Set when the line could not be graded (a missing expectation): neither a pass nor a model failure. */
  error?: string;
}

export interface GradeOptions {
  input: string;
  /** Grader types with their default configuration (values read from each line's expect). */
  graders?: string[];
  /** Or the graders of a suite, with its configuration. */
  suite?: string;
  cwd?: string;
}

function gradersFor(
  options: GradeOptions,
  cwd: string,
): { graders: Grader[]; language: string; dir: string } {
  if (options.suite) {
    const suite = loadSuite(resolve(cwd, options.suite));
    return { graders: createGraders(suite.graders, suite.dir), language: suite.language, dir: suite.dir };
  }
  const names = options.graders ?? [];
  if (names.length === 0) {
    throw new UserError('no grader given', {
      hint: `Use --graders a,b (known: ${graderTypes().join(', ')}) or --suite`,
    });
  }
  const specs: GraderSpec[] = names.map((name) => {
    if (!isGraderType(name)) {
      throw new UserError(`unknown grader "${name}"`, { hint: `Known graders: ${graderTypes().join(', ')}` });
    }
    return { type: name, id: name, config: {}, place: { file: '--graders' } };
  });
  return { graders: createGraders(specs, cwd), language: 'fr', dir: cwd };
}

/**
 * Grades outputs produced elsewhere, one JSONL line in, one out, streaming: lines are
 * `{ id, output, vars?, expect?, reference? }`.
 */
export async function* gradeOutputs(options: GradeOptions): AsyncGenerator<GradeLine> {
  const cwd = options.cwd ?? process.cwd();
  const { graders, language, dir } = gradersFor(options, cwd);
  const file = resolve(cwd, options.input);
  if (options.input !== '-' && !existsSync(file)) {
    throw new UserError('input file not found', {
      place: { file: options.input },
      hint: 'Check the --input path',
    });
  }
  const stream = options.input === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber++;
    if (raw.trim() === '') continue;
    const place = { file: options.input, line: lineNumber };
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(raw) as Record<string, unknown>;
    } catch (error) {
      throw new UserError(`invalid JSON: ${(error as Error).message}`, {
        place,
        hint: 'Each line is one JSON object',
      });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new UserError('line is not a JSON object', {
        place,
        hint: 'Each line is { "id", "output", "vars", "expect" }',
      });
    }
    if (typeof value.output !== 'string') {
      throw new UserError('"output" is missing or not a string', {
        place: { ...place, pointer: '/output' },
        hint: 'Give the model output as a string',
      });
    }
    const id =
      typeof value.id === 'string' || typeof value.id === 'number' ? String(value.id) : `line-${lineNumber}`;
    const testCase = {
      id,
      vars: isObject(value.vars) ? value.vars : {},
      expect: isObject(value.expect) ? value.expect : {},
      ...(typeof value.reference === 'string' ? { reference: value.reference } : {}),
    };
    const graded = await gradeOutput(graders, value.output, testCase, { id: 'offline', language, dir });
    yield {
      id,
      pass: graded.outcome === 'pass',
      grades: graded.grades.map(({ grader, type, pass, score, reason, spans, skipped }) => ({
        grader,
        type,
        pass,
        score,
        reason,
        ...(spans && spans.length > 0 ? { spans } : {}),
        ...(skipped ? { skipped } : {}),
      })),
      ...(graded.error ? { error: graded.error } : {}),
    };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
