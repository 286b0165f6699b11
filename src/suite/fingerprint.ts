import { canonicalJson, sha256 } from '../shared/canonical-json.js';
import type { GenerationParameters, GraderSpec } from './types.js';

/** Bump when the fingerprint's recipe changes, so old and new fingerprints never collide. */
const RECIPE = 1;

export interface FingerprintInput {
  language: string;
  prompts: { system?: string; user: string };
  parameters: GenerationParameters;
  graders: Array<Pick<GraderSpec, 'type' | 'id' | 'config'>>;
  datasetSha256: string;
  /** sha256 of each file a grader config refers to, by its path relative to the suite. */
  referencedFiles: Record<string, string>;
}

/**
 * What a model is asked and how it is judged. Title, description and thresholds are left out:
 * changing them does not change any result, so results stay comparable across such edits.
 */
export function fingerprintSuite(input: FingerprintInput): string {
  return `sha256:${sha256(canonicalJson({ recipe: RECIPE, ...input }))}`;
}
