import type { Completion, CompletionRequest, Provider } from '../providers/types.js';
import { sha256, sortKeys } from '../shared/canonical-json.js';

/** Answers already paid for, so a re-run with the same prompt asks nothing again. */
export interface ResponseCache {
  get(key: string): Completion | undefined;
  set(key: string, completion: Completion): void;
}

/**
 * Keyed by endpoint, model, parameters, rendered prompt and repeat: the repeat is in the key so
 * that repeats stay independent samples rather than one answer replayed.
 */
export function cacheKey(provider: Provider, request: CompletionRequest, repeat: number): string {
  // canonicalJson of these six members, spelled in sorted order so that only the parameters
  // need sorting: this runs once per case, a cached re-run of 10,000 cases sorts nothing else.
  return sha256(
    JSON.stringify({
      endpoint: provider.connectionKey,
      model: provider.model,
      parameters: sortKeys(request.parameters),
      repeat,
      system: request.system ?? null,
      user: request.user,
    }),
  );
}
