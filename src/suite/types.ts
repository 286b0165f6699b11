import type { Place } from '../shared/errors.js';
import type { CaseList } from './dataset.js';

export const USES = ['summary', 'translation', 'form', 'report', 'education', 'scope'] as const;
export type Use = (typeof USES)[number];

export const CLASSIFICATIONS = ['synthetic', 'pseudonymized', 'identifying'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export interface Case {
  id: string;
  vars: Record<string, unknown>;
  expect: Record<string, unknown>;
  /** The answer a careful professional would accept; what builtin:reference replies. */
  reference?: string;
  tags?: string[];
  place: Place;
}

export interface GenerationParameters {
  temperature?: number;
  maxTokens?: number;
  topP?: number;
}

export interface GraderSpec {
  type: string;
  /** Unique within the suite; defaults to the type. */
  id: string;
  /** Everything but `type` and `id`, as written; a string starting with ./ or ../ is a path relative to the suite folder. */
  config: Record<string, unknown>;
  place: Place;
}

export interface Thresholds {
  minPassRate?: number;
  maxPiiLeaks?: number;
  maxErrorRate?: number;
}

export interface Suite {
  id: string;
  version: string;
  title: string;
  description?: string;
  use: Use;
  language: string;
  /** Absolute path of suite.yaml. */
  file: string;
  /** Absolute path of the folder holding suite.yaml; relative paths in the suite resolve here. */
  dir: string;
  dataset: { path: string; classification: Classification; sha256: string };
  prompts: { system?: string; user: string };
  parameters: GenerationParameters;
  graders: GraderSpec[];
  thresholds: Thresholds;
  repeats: number;
  /** Counted and iterated, not indexed: a JSONL dataset is read from its file each time. */
  cases: CaseList;
  /** sha256 of everything that changes what a model is asked or how it is judged. */
  fingerprint: string;
}
