import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpFetch } from '../../src/providers/http-fetch.js';
import { ProviderError } from '../../src/providers/provider-error.js';
import { resolveProvider } from '../../src/providers/registry.js';
import { AbortedError } from '../../src/providers/retry.js';
import type { CompletionRequest } from '../../src/providers/types.js';
import { type FakeServer, type Fault, startFakeServer } from '../fakes/llm-server.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const request: CompletionRequest = {
  user: 'Réponds exactement : Bonjour.',
  parameters: {},
  case: { suiteId: 's', caseId: 'c', expect: {} },
};

function openai(baseUrl: string, timeoutMs = 2000) {
  return resolveProvider('openai:m', { timeoutMs }, { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: baseUrl });
}

async function failureFor(fault: Fault): Promise<unknown> {
  server = await startFakeServer({ fault: () => fault });
  return openai(server.openaiBaseUrl, 300)
    .complete(request, new AbortController().signal)
    .catch((e: unknown) => e);
}

describe('the openai provider over the lean fetch', () => {
  it('keeps connections alive across requests', async () => {
    server = await startFakeServer();
    const provider = openai(server.openaiBaseUrl);
    for (let i = 0; i < 3; i++) {
      expect((await provider.complete(request, new AbortController().signal)).text).toBe('Bonjour.');
    }
    const connections = new Set(server.requests.map((r) => r.headers.connection));
    expect(connections).toEqual(new Set(['keep-alive']));
  });

  it.each([
    ['a reset connection', { kind: 'reset' }, /connection error/],
    ['a truncated body', { kind: 'truncated' }, /connection error|terminated/],
    ['a body that is not JSON', { kind: 'not-json' }, /./],
    ['no answer before the timeout', { kind: 'hang' }, /timeout/i],
  ] as const)('makes %s a transient error', async (_name, fault, message) => {
    const error = await failureFor(fault);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ retryClass: 'transient' });
    expect((error as Error).message).toMatch(message);
  });

  it('reads an HTTP error status and its Retry-After', async () => {
    const error = await failureFor({ kind: 'status', status: 503, retryAfter: '2' });
    expect(error).toMatchObject({ retryClass: 'transient', status: 503, retryAfterMs: 2000 });
  });

  it('says nobody listens when the connection is refused', async () => {
    server = await startFakeServer();
    const url = server.openaiBaseUrl;
    await server.close();
    server = undefined;
    const error = await openai(url)
      .complete(request, new AbortController().signal)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ retryClass: 'transient', unreachable: true });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('stops a request in flight when the run is aborted', async () => {
    server = await startFakeServer({ fault: () => ({ kind: 'hang' }) });
    const controller = new AbortController();
    const pending = openai(server.openaiBaseUrl)
      .complete(request, controller.signal)
      .catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toBeInstanceOf(AbortedError);
  });
});

describe('createHttpFetch', () => {
  it('decodes a compressed body and reports status and headers', async () => {
    const http = createServer((_req, res) => {
      res.writeHead(201, {
        'content-encoding': 'gzip',
        'x-request-id': 'r1',
        'content-type': 'application/json',
      });
      res.end(gzipSync(JSON.stringify({ ok: 'é' })));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = http.address() as AddressInfo;
      const response = await createHttpFetch()(`http://127.0.0.1:${port}/x`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(201);
      expect(response.headers.get('x-request-id')).toBe('r1');
      expect(await response.json()).toEqual({ ok: 'é' });
    } finally {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    }
  });

  it('sends the body with its length and every header', async () => {
    server = await startFakeServer();
    const response = await createHttpFetch()(`${server.openaiBaseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-trace': 't' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'Réponds exactement : là' }] }),
    });
    expect(response.ok).toBe(true);
    const sent = server.requests[0];
    expect(sent?.headers['x-trace']).toBe('t');
    expect(sent?.headers['content-length']).toBeDefined();
    expect(sent?.user).toBe('Réponds exactement : là');
  });
});
