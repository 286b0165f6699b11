import type { Classification, GenerationParameters, Use } from '../suite/types.js';

export interface CompletionRequest {
  system?: string;
  user: string;
  parameters: GenerationParameters;
  /** The case being asked. Network providers ignore it; built-in models answer from it. */
  case: {
    suiteId: string;
    caseId: string;
    reference?: string;
    expect: Record<string, unknown>;
    vars?: Record<string, unknown>;
    use?: Use;
  };
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

export interface Completion {
  text: string;
  usage: Usage;
  /** The model id the server says answered (e.g. a dated snapshot); how vendor updates are seen. */
  servedModel: string;
  latencyMs: number;
  /** Set by builtin:mutant: which known defect the answer carries. */
  mutation?: string;
}

export type ProviderKind = 'openai' | 'anthropic' | 'builtin';

export interface Provider {
  /** What the user typed: "openai:gpt-4o-mini", "mistral:mistral-small-latest". */
  readonly id: string;
  readonly kind: ProviderKind;
  readonly model: string;
  /** Requests to the same endpoint share one concurrency pool (Inspect's connection key). */
  readonly connectionKey: string;
  /** Most requests in flight at once to this endpoint; undefined means only the global limit. */
  readonly maxConcurrency: number | undefined;
  /** Built-in models answer instantly and deterministically: caching them only costs disk. */
  readonly cacheable: boolean;
  /** Data classifications this provider may receive. */
  readonly approvedFor: readonly Classification[];
  /** Where the data goes, in words, for reports: "https://api.openai.com/v1", "local". */
  readonly destination: string;
  complete(request: CompletionRequest, signal: AbortSignal): Promise<Completion>;
}
