import type Anthropic from '@anthropic-ai/sdk';
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
  private client: Promise<{ client: Anthropic; sdk: typeof Anthropic }> | undefined;
  private readonly apiKey: string;
  private readonly timeoutMs: number | undefined;

  constructor(options: HttpProviderOptions) {
    this.id = options.id;
    this.model = options.model;
    this.apiKey = options.apiKey;
    this.maxConcurrency = options.maxConcurrency;
    this.approvedFor = options.approvedFor;
    this.timeoutMs = options.timeoutMs;
    // What the SDK would use, known without loading it: the SDK costs about 0.27 s to load, which
    // a run that asks no Anthropic model should not pay.
    this.destination = options.baseUrl || process.env.ANTHROPIC_BASE_URL || 'https://api.anthropic.com';
    this.connectionKey = `anthropic|${this.destination}`;
  }

  private sdkClient(): Promise<{ client: Anthropic; sdk: typeof Anthropic }> {
    this.client ??= import('@anthropic-ai/sdk').then(({ default: sdk }) => ({
      sdk,
      client: new sdk({
        apiKey: this.apiKey,
        baseURL: this.destination,
        maxRetries: 0,
        ...(this.timeoutMs !== undefined ? { timeout: this.timeoutMs } : {}),
      }),
    }));
    return this.client;
  }

  async complete(request: CompletionRequest, signal: AbortSignal): Promise<Completion> {
    const { temperature, maxTokens, topP } = request.parameters;
    const started = performance.now();
    const { client, sdk } = await this.sdkClient();
    try {
      const response = await client.messages.create(
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
      throw toProviderError(error, sdk, { providerId: this.id, secrets: [this.apiKey] });
    }
  }
}
