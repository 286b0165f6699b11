import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/providers/provider-error.js';
import { resolveProvider } from '../../src/providers/registry.js';
import type { CompletionRequest } from '../../src/providers/types.js';
import { type FakeServer, startFakeServer } from '../fakes/llm-server.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const request: CompletionRequest = {
  system: 'Sois bref.',
  user: 'Réponds exactement : Bonjour.',
  parameters: { temperature: 0.2, maxTokens: 64, topP: 0.9 },
  case: { suiteId: 's', caseId: 'c', expect: {}, reference: 'Référence.' },
};
const signal = new AbortController().signal;

describe('providers through the real SDKs', () => {
  it('openai: sends system, user and parameters; reads text, usage and the served model', async () => {
    server = await startFakeServer({ servedModel: () => 'gpt-4o-mini-2024-07-18' });
    const provider = resolveProvider(
      'openai:gpt-4o-mini',
      {},
      { OPENAI_API_KEY: 'k1', OPENAI_BASE_URL: server.openaiBaseUrl },
    );
    const completion = await provider.complete(request, signal);
    expect(completion.text).toBe('Bonjour.');
    expect(completion.servedModel).toBe('gpt-4o-mini-2024-07-18');
    expect(completion.usage.outputTokens).toBeGreaterThan(0);
    const sent = server.requests[0];
    expect(sent?.system).toBe('Sois bref.');
    expect(sent?.body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.2, max_tokens: 64, top_p: 0.9 });
    expect(sent?.headers.authorization).toBe('Bearer k1');
  });

  it('anthropic: sends system apart and max_tokens; reads text blocks', async () => {
    server = await startFakeServer({ servedModel: () => 'claude-sonnet-4-5-20250929' });
    const provider = resolveProvider(
      'anthropic:claude-sonnet-4-5',
      {},
      { ANTHROPIC_API_KEY: 'k2', ANTHROPIC_BASE_URL: server.anthropicBaseUrl },
    );
    const completion = await provider.complete(request, signal);
    expect(completion.text).toBe('Bonjour.');
    expect(completion.servedModel).toBe('claude-sonnet-4-5-20250929');
    const sent = server.requests[0];
    expect(sent?.body).toMatchObject({ model: 'claude-sonnet-4-5', max_tokens: 64, system: 'Sois bref.' });
    // SDK 1.x sends the key as a bearer token; older ones used x-api-key.
    expect([sent?.headers['x-api-key'], sent?.headers.authorization]).toContain(
      sent?.headers['x-api-key'] ?? 'Bearer k2',
    );
    expect(JSON.stringify(sent?.headers)).toContain('k2');
  });

  it('a named endpoint uses its own base URL, key variable and concurrency', async () => {
    server = await startFakeServer();
    const provider = resolveProvider(
      'local:llama3:8b',
      {
        providers: {
          local: {
            type: 'openai',
            baseUrl: server.openaiBaseUrl,
            apiKeyEnv: 'LOCAL_KEY',
            concurrency: 3,
            approvedFor: ['identifying'],
          },
        },
      },
      { LOCAL_KEY: 'k3', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' },
    );
    expect(provider.model).toBe('llama3:8b');
    expect(provider.maxConcurrency).toBe(3);
    expect(provider.approvedFor).toEqual(['identifying']);
    await provider.complete(request, signal);
    expect(server.requests[0]?.model).toBe('llama3:8b');
  });

  it('maps HTTP errors to retry classes with Retry-After', async () => {
    server = await startFakeServer({ fault: () => ({ kind: 'status', status: 429, retryAfter: '7' }) });
    const provider = resolveProvider(
      'openai:gpt-4o-mini',
      {},
      { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: server.openaiBaseUrl },
    );
    const error = await provider.complete(request, signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ retryClass: 'rate_limit', status: 429, retryAfterMs: 7000 });
  });

  it('turns a timeout into a transient error', async () => {
    server = await startFakeServer({ fault: () => ({ kind: 'hang' }) });
    const provider = resolveProvider(
      'anthropic:claude-haiku-4-5',
      { timeoutMs: 200 },
      { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: server.anthropicBaseUrl },
    );
    const error = await provider.complete(request, signal).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryClass: 'transient' });
    expect((error as Error).message).toMatch(/timeout/i);
  });

  it('builtin:reference answers the case reference, and errors without one', async () => {
    const provider = resolveProvider('builtin:reference', {});
    expect((await provider.complete(request, signal)).text).toBe('Référence.');
    const { reference: _omit, ...withoutReference } = request.case;
    await expect(provider.complete({ ...request, case: withoutReference }, signal)).rejects.toMatchObject({
      retryClass: 'fatal',
    });
  });
});
