import type { Use } from '../suite/types.js';
import { CLASSIFICATIONS } from '../suite/types.js';
import { estimateTokens } from './builtin-reference.js';
import { type MutationName, mutate, seedOf } from './mutations.js';
import { ProviderError } from './provider-error.js';
import type { Completion, CompletionRequest, Provider } from './types.js';

/** The defects that make sense for each allowed use; the others never apply or test nothing. */
export const MUTATIONS_BY_USE: Record<Use, readonly MutationName[]> = {
  summary: [
    'change-number',
    'change-unit',
    'flip-negation',
    'drop-key-fact',
    'invent-citation',
    'inject-nir',
    'inject-phone',
    'inject-name',
  ],
  translation: ['change-number', 'change-unit', 'switch-language', 'drop-key-fact', 'inject-phone'],
  form: ['break-json', 'drop-required-field', 'inject-nir', 'inject-name', 'inject-phone'],
  report: [
    'change-number',
    'change-unit',
    'flip-negation',
    'drop-key-fact',
    'inject-nir',
    'inject-phone',
    'inject-name',
  ],
  education: ['flip-negation', 'drop-key-fact', 'change-number', 'give-dose', 'inject-name'],
  scope: ['give-dose', 'drop-key-fact', 'inject-nir', 'inject-phone', 'inject-name'],
};

/**
 * Answers each case's reference output with one known defect, chosen deterministically per case,
 * and says which: what `avec calibrate` measures the graders' recall with.
 */
export class BuiltinMutantProvider implements Provider {
  readonly id = 'builtin:mutant';
  readonly kind = 'builtin' as const;
  readonly model = 'mutant';
  readonly connectionKey = 'builtin';
  readonly maxConcurrency = undefined;
  readonly cacheable = false;
  readonly approvedFor = CLASSIFICATIONS;
  readonly destination = 'local (no network)';

  async complete(request: CompletionRequest): Promise<Completion> {
    const { reference, suiteId, caseId, expect, vars, use } = request.case;
    if (reference === undefined) {
      throw new ProviderError(`builtin:mutant: case "${caseId}" of ${suiteId} has no reference output`, {
        retryClass: 'fatal',
      });
    }
    const context = { reference, expect, vars: vars ?? {}, seed: seedOf(suiteId, caseId) };
    const mutated = mutate(context, use ? MUTATIONS_BY_USE[use] : undefined) ?? mutate(context);
    const text = mutated?.text ?? reference;
    return {
      text,
      usage: {
        inputTokens: estimateTokens((request.system ?? '') + request.user),
        outputTokens: estimateTokens(text),
      },
      servedModel: 'builtin:mutant',
      latencyMs: 0,
      mutation: mutated?.name ?? 'none',
    };
  }
}
