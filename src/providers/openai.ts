import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Classification } from '../suite/types.js';
import { createHttpFetch } from './http-fetch.js';
import { ProviderError } from './provider-error.js';
import { toProviderError } from './sdk-errors.js';
import type { Completion, CompletionRequest, Provider } from './types.js';

export interface HttpProviderOptions {
  id: string;
  model: string;
  apiKey: string;
  baseUrl: string | undefined;
  timeoutMs: number;
  maxConcurrency: number | undefined;
  approvedFor: readonly Classification[];
}

/**
 * Any server speaking OpenAI's chat-completions format: OpenAI, Mistral, Azure, vLLM, Ollama,
 * llama.cpp. The SDK's own retries are off: avec retries itself, with one policy for all. Its
 * requests go through a lean fetch over node:http (http-fetch.ts): the harness's overhead per
 * request is mostly the HTTP client's.
 */
export class OpenAIProvider implements Provider {
  readonly kind = 'openai' as const;
  readonly cacheable = true;
  readonly id: string;
  readonly model: string;
  readonly connectionKey: string;
  readonly maxConcurrency: number | undefined;
  readonly approvedFor: readonly Classification[];
  readonly destination: string;
  private readonly client: OpenAI;
  private readonly apiKey: string;

  constructor(options: HttpProviderOptions) {
    this.id = options.id;
    this.model = options.model;
    this.apiKey = options.apiKey;
    this.maxConcurrency = options.maxConcurrency;
    this.approvedFor = options.approvedFor;
    this.client = new OpenAI({
      apiKey: options.apiKey,
      ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
      maxRetries: 0,
      timeout: options.timeoutMs,
      fetch: createHttpFetch(),
    });
    this.destination = this.client.baseURL;
    this.connectionKey = `openai|${this.client.baseURL}`;
  }

  async complete(request: CompletionRequest, signal: AbortSignal): Promise<Completion> {
    const messages: ChatCompletionMessageParam[] = [];
    if (request.system) messages.push({ role: 'system', content: request.system });
    messages.push({ role: 'user', content: request.user });
    const { temperature, maxTokens, topP } = request.parameters;
    const started = performance.now();
    try {
      const response = await this.client.chat.completions.create(
        {
          model: this.model,
          messages,
          ...(temperature !== undefined ? { temperature } : {}),
          ...(maxTokens !== undefined ? { max_tokens: maxTokens } : {}),
          ...(topP !== undefined ? { top_p: topP } : {}),
        },
        { signal },
      );
      const choice = response.choices?.[0];
      if (!choice || typeof choice.message?.content !== 'string') {
        throw new ProviderError(`${this.id}: the response holds no message content`, {
          retryClass: 'transient',
        });
      }
      return {
        text: choice.message.content,
        usage: {
          inputTokens: response.usage?.prompt_tokens ?? 0,
          outputTokens: response.usage?.completion_tokens ?? 0,
        },
        servedModel: response.model || this.model,
        latencyMs: performance.now() - started,
      };
    } catch (error) {
      throw toProviderError(error, OpenAI, { providerId: this.id, secrets: [this.apiKey] });
    }
  }
}
