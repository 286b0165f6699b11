import { CLASSIFICATIONS } from '../suite/types.js';
import { ProviderError } from './provider-error.js';
import type { Completion, CompletionRequest, Provider } from './types.js';

/** A rough token count for models that have no tokenizer: about four characters a token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Answers each case's reference output, with no network: what lets `npm start` run end to end
 * and what the graders' false-alarm rate is measured against.
 */
export class BuiltinReferenceProvider implements Provider {
  readonly id = 'builtin:reference';
  readonly kind = 'builtin' as const;
  readonly model = 'reference';
  readonly connectionKey = 'builtin';
  readonly maxConcurrency = undefined;
  readonly cacheable = false;
  readonly approvedFor = CLASSIFICATIONS;
  readonly destination = 'local (no network)';

  async complete(request: CompletionRequest): Promise<Completion> {
    const reference = request.case.reference;
    if (reference === undefined) {
      throw new ProviderError(
        `builtin:reference: case "${request.case.caseId}" of ${request.case.suiteId} has no reference output`,
        { retryClass: 'fatal' },
      );
    }
    return {
      text: reference,
      usage: {
        inputTokens: estimateTokens((request.system ?? '') + request.user),
        outputTokens: estimateTokens(reference),
      },
      servedModel: 'builtin:reference',
      latencyMs: 0,
    };
  }
}
