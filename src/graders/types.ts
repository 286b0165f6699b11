import type { MutationName } from '../providers/mutations.js';
import type { Provider, Usage } from '../providers/types.js';
import type { Place } from '../shared/errors.js';
import type { Case, Use } from '../suite/types.js';

/** Where in the output a grader found what it reports, so reports can highlight or mask it. */
export interface Span {
  start: number;
  end: number;
  label: string;
}

export interface GradeResult {
  pass: boolean;
  /** 0..1 */
  score: number;
  /** Words for a person; never the raw personal data a grader found. */
  reason: string;
  spans?: Span[];
  /** A grader that could not run (e.g. a judge with no judge configured): not a pass, not a fail. */
  skipped?: boolean;
  /** What an LLM judge spent on this grade, recorded apart from the model under test. */
  judge?: { model: string; usage: Usage; costUsd: number | null };
}

export interface GradeInput {
  output: string;
  case: Pick<Case, 'id' | 'vars' | 'expect' | 'reference'>;
  suite: { id: string; use?: Use; language: string; dir: string };
}

export interface Grader {
  readonly id: string;
  readonly type: string;
  grade(input: GradeInput): GradeResult | Promise<GradeResult>;
}

export interface GraderContext {
  /** Folder that relative paths in the config resolve against. */
  dir: string;
  place: Place;
  /** The model that judges, when one is configured; judge graders skip without it. */
  judge?: Provider;
}

export interface GraderDefinition<TConfig = Record<string, unknown>> {
  description: string;
  /** JSON Schema of the config (every key beside `type` and `id`), checked when a suite loads. */
  configSchema: object;
  create(id: string, config: TConfig, context: GraderContext): Grader;
  /** The builtin:mutant defects this grader exists to catch: what calibration holds it to. */
  catches?: readonly MutationName[];
}

/** The grader cannot judge this case (missing expectation, broken config): the case is an error, not a fail. */
export class GraderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraderError';
  }
}

/** A grade as stored with a result. */
export interface StoredGrade extends GradeResult {
  grader: string;
  type: string;
}
