import Anthropic from '@anthropic-ai/sdk';
import type { Classification } from '../suite/types.js';
import type { HttpProviderOptions } from './openai.js';
import { ProviderError } from './provider-error.js';
import { toProviderError } from './sdk-errors.js';
import type { Completion, CompletionRequest, Provider } from './types.js';

/** Anthropic's messages API requires max_tokens; this is used when a suite sets none. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 1024;

export class AnthropicProvider implements Provider {
  readonly kind = 'anthropic' as const;
  readonly cacheable = true;
  readonly id: string;
  readonly model: string;
  readonly connectionKey: string;
  readonly maxConcurrency: number | undefined;
  readonly approvedFor: readonly Classification[];
  readonly destination: string;
  private readonly client: Anthropic;
  private readonly apiKey: string;

  constructor(options: HttpProviderOptions) {
    this.id = options.id;
    this.model = options.model;
    this.apiKey = options.apiKey;
    this.maxConcurrency = options.maxConcurrency;
    this.approvedFor = options.approvedFor;
    this.client = new Anthropic({
      apiKey: options.apiKey,
      ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
      maxRetries: 0,
      timeout: options.timeoutMs,
    });
    this.destination = this.client.baseURL;
    this.connectionKey = `anthropic|${this.client.baseURL}`;
  }

  async complete(request: CompletionRequest, signal: AbortSignal): Promise<Completion> {
    const { temperature, maxTokens, topP } = request.parameters;
    const started = performance.now();
    try {
      const response = await this.client.messages.create(
        {
          model: this.model,
          max_tokens: maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
          ...(request.system ? { system: request.system } : {}),
          messages: [{ role: 'user', content: request.user }],
          ...(temperature !== undefined ? { temperature: Math.min(temperature, 1) } : {}),
          ...(topP !== undefined ? { top_p: topP } : {}),
        },
        { signal },
      );
      if (!Array.isArray(response.content)) {
        throw new ProviderError(`${this.id}: the response holds no content`, { retryClass: 'transient' });
      }
      const text = response.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
      return {
        text,
        usage: {
          inputTokens: response.usage?.input_tokens ?? 0,
          outputTokens: response.usage?.output_tokens ?? 0,
        },
        servedModel: response.model || this.model,
        latencyMs: performance.now() - started,
      };
    } catch (error) {
      throw toProviderError(error, Anthropic, { providerId: this.id, secrets: [this.apiKey] });
    }
  }
}
