import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/providers/provider-error.js';
import { ProviderThread } from '../../src/providers/provider-thread.js';
import { resolveProvider } from '../../src/providers/registry.js';
import { AbortedError } from '../../src/providers/retry.js';
import type { CompletionRequest, Provider } from '../../src/providers/types.js';
import { type FakeServer, type FakeServerOptions, startFakeServer } from '../fakes/llm-server.js';
import { ROOT } from '../helpers/cli.js';

/**
 * The CLI sends network requests from a worker thread (dist/cli/provider-thread.js, built by the
 * test setup as `npm run build` does). What comes back must be what the provider gives in the
 * main thread: the same completion, the same typed errors, the same reaction to an abort.
 */
const BUNDLE_ENTRY = pathToFileURL(join(ROOT, 'dist/cli/main.js')).href;

let server: FakeServer | undefined;
let thread: ProviderThread | undefined;
afterEach(async () => {
  await thread?.close();
  await server?.close();
  server = undefined;
  thread = undefined;
});

const request = (user = 'Réponds exactement : Bonjour.'): CompletionRequest => ({
  user,
  system: 'Sois bref.',
  parameters: { temperature: 0, maxTokens: 50 },
  case: { suiteId: 's', caseId: 'c', expect: {} },
});

async function providers(
  wire: 'openai' | 'anthropic',
  options: FakeServerOptions = {},
  timeoutMs = 2000,
): Promise<{ direct: Provider; threaded: Provider }> {
  server = await startFakeServer(options);
  thread = ProviderThread.beside(BUNDLE_ENTRY);
  if (!thread) throw new Error('no dist/cli/provider-thread.js: the test setup builds it');
  const env =
    wire === 'openai'
      ? { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: server.openaiBaseUrl }
      : { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: server.anthropicBaseUrl };
  const spec = `${wire}:m`;
  return {
    direct: resolveProvider(spec, { timeoutMs }, env),
    threaded: resolveProvider(spec, { timeoutMs }, env, { thread }),
  };
}

const ask = (provider: Provider, signal = new AbortController().signal) =>
  provider.complete(request(), signal).catch((error: unknown) => error);

describe('network providers in the provider thread', () => {
  it('is found beside the bundle only', () => {
    expect(ProviderThread.beside(BUNDLE_ENTRY)).toBeInstanceOf(ProviderThread);
    expect(ProviderThread.beside(import.meta.url)).toBeUndefined();
  });

  it.each(['openai', 'anthropic'] as const)(
    'answer %s requests as the provider does in the main thread',
    async (wire) => {
      const { direct, threaded } = await providers(wire, { servedModel: () => 'm-2026-11-01' });
      expect(threaded).toMatchObject({
        id: direct.id,
        kind: direct.kind,
        model: direct.model,
        connectionKey: direct.connectionKey,
        destination: direct.destination,
        cacheable: true,
      });
      const [a, b] = [await direct.complete(request(), new AbortController().signal), await ask(threaded)];
      expect(b).toMatchObject({ text: a.text, usage: a.usage, servedModel: 'm-2026-11-01' });
      expect((b as { latencyMs: number }).latencyMs).toBeGreaterThan(0);
      // What reached the server is the same request, system prompt and parameters included.
      const [first, second] = server?.requests ?? [];
      expect(second?.body).toEqual(first?.body);
      expect(second?.system).toBe('Sois bref.');
    },
  );

  it('serves every provider given to it, before or after it started', async () => {
    server = await startFakeServer({ servedModel: (r) => `${r.wire}-snapshot` });
    thread = ProviderThread.beside(BUNDLE_ENTRY);
    const env = {
      OPENAI_API_KEY: 'k',
      OPENAI_BASE_URL: server.openaiBaseUrl,
      ANTHROPIC_API_KEY: 'k',
      ANTHROPIC_BASE_URL: server.anthropicBaseUrl,
    };
    // Warmed up before any provider: each one is then given to a thread already running.
    thread?.warmUp();
    const first = resolveProvider('openai:a', {}, env, { thread });
    const second = resolveProvider('anthropic:b', {}, env, { thread });
    expect(await ask(first)).toMatchObject({ servedModel: 'openai-snapshot' });
    expect(await ask(second)).toMatchObject({ servedModel: 'anthropic-snapshot' });
    // Given once the thread is running, and again after it was started anew.
    const third = resolveProvider('openai:c', {}, env, { thread });
    expect(await ask(third)).toMatchObject({ text: 'Bonjour.' });
    await thread?.close();
    expect(await ask(second)).toMatchObject({ servedModel: 'anthropic-snapshot' });
    expect(server.requests.map((r) => r.model)).toEqual(['a', 'b', 'c', 'b']);
  });

  it('gives back typed errors: status, Retry-After, authentication', async () => {
    const { direct, threaded } = await providers('openai', {
      fault: (r) =>
        r.index <= 2
          ? { kind: 'status', status: 429, retryAfter: '3' }
          : { kind: 'status', status: 401, body: '{"error":{"message":"bad key"}}' },
    });
    const limited = [await ask(direct), await ask(threaded)];
    const refused = [await ask(direct), await ask(threaded)];
    for (const [a, b] of [limited, refused]) {
      expect(b).toBeInstanceOf(ProviderError);
      const [x, y] = [a as ProviderError, b as ProviderError];
      expect({ ...y, message: y.message }).toEqual({ ...x, message: x.message });
      expect([y.retryClass, y.retryable, y.authentication]).toEqual([
        x.retryClass,
        x.retryable,
        x.authentication,
      ]);
    }
    expect((limited[1] as ProviderError).retryAfterMs).toBe(3000);
    expect((refused[1] as ProviderError).authentication).toBe(true);
  });

  it('says nobody listens when the connection is refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    thread = ProviderThread.beside(BUNDLE_ENTRY);
    const provider = resolveProvider(
      'openai:m',
      {},
      { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` },
      { thread },
    );
    const error = (await ask(provider)) as ProviderError;
    expect(error).toBeInstanceOf(ProviderError);
    expect([error.unreachable, error.retryClass]).toEqual([true, 'transient']);
  });

  it('stops a request in flight when it is aborted, and keeps serving the others', async () => {
    const { threaded } = await providers('openai', {
      fault: (r) => (r.user.includes('attends') ? { kind: 'hang' } : undefined),
    });
    const controller = new AbortController();
    const hanging = threaded.complete(request('attends'), controller.signal).catch((e: unknown) => e);
    await expect.poll(() => server?.requests.length).toBe(1);
    controller.abort();
    expect(await hanging).toBeInstanceOf(AbortedError);
    expect(await ask(threaded)).toMatchObject({ text: 'Bonjour.' });
    const aborted = new AbortController();
    aborted.abort();
    expect(await ask(threaded, aborted.signal)).toBeInstanceOf(AbortedError);
  });

  it('fails the requests of a thread that died as transient, then starts a new one', async () => {
    const { threaded } = await providers('openai', {
      fault: (r) => (r.index === 1 ? { kind: 'hang' } : undefined),
    });
    const lost = ask(threaded);
    await expect.poll(() => server?.requests.length).toBe(1);
    await thread?.close();
    const error = (await lost) as ProviderError;
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.retryClass).toBe('transient');
    expect(error.message).toMatch(/provider thread stopped/);
    expect(await ask(threaded)).toMatchObject({ text: 'Bonjour.' });
  });
});
