import type { Completion, CompletionRequest, Provider } from '../providers/types.js';
import { canonicalJson, sha256 } from '../shared/canonical-json.js';

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
  return sha256(
    canonicalJson({
      endpoint: provider.connectionKey,
      model: provider.model,
      parameters: request.parameters,
      system: request.system ?? null,
      user: request.user,
      repeat,
    }),
  );
}
