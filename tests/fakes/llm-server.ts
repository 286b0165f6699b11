import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback server speaking OpenAI's chat-completions and Anthropic's messages wire formats,
 * so tests run the real `openai` and `@anthropic-ai/sdk` clients end to end.
 */

export type Wire = 'openai' | 'anthropic';

export interface FakeRequest {
  wire: Wire;
  model: string;
  system: string | undefined;
  user: string;
  headers: IncomingMessage['headers'];
  /** 1-based count of requests received so far, this one included. */
  index: number;
  body: Record<string, unknown>;
}

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'truncated' }
  | { kind: 'not-json' };

export interface FakeServerOptions {
  latencyMs?: number;
  /** The text to answer; by default whatever follows "Réponds exactement :" in the prompt. */
  answer?: (request: FakeRequest) => string;
  /** A fault to inject instead of answering; undefined answers normally. */
  fault?: (request: FakeRequest) => Fault | undefined;
  /** The model id reported back, e.g. a dated snapshot. */
  servedModel?: (request: FakeRequest) => string;
}

export interface FakeServer {
  url: string;
  /** Base URL for the OpenAI SDK (…/v1). */
  openaiBaseUrl: string;
  /** Base URL for the Anthropic SDK (the SDK appends /v1/messages). */
  anthropicBaseUrl: string;
  requests: FakeRequest[];
  /** How many requests carried each user prompt. */
  countByPrompt(): Map<string, number>;
  close(): Promise<void>;
}

export function defaultAnswer(request: FakeRequest): string {
  const match = /Réponds exactement\s*:\s*([\s\S]*)$/.exec(request.user);
  return match ? (match[1] ?? '').trim() : 'Je ne sais pas.';
}

export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const wire: Wire | undefined = req.url?.endsWith('/chat/completions')
      ? 'openai'
      : req.url?.endsWith('/messages')
        ? 'anthropic'
        : undefined;
    if (!wire || req.method !== 'POST') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    const request = parseRequest(wire, body, req.headers, requests.length + 1);
    requests.push(request);

    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    const fault = options.fault?.(request);
    if (fault) return injectFault(fault, req, res);

    const text = (options.answer ?? defaultAnswer)(request);
    const served = options.servedModel?.(request) ?? request.model;
    const inputTokens = Math.ceil(((request.system ?? '') + request.user).length / 4);
    const outputTokens = Math.ceil(text.length / 4);
    const payload =
      wire === 'openai'
        ? {
            id: `chatcmpl-${request.index}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: served,
            choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
            usage: {
              prompt_tokens: inputTokens,
              completion_tokens: outputTokens,
              total_tokens: inputTokens + outputTokens,
            },
          }
        : {
            id: `msg_${request.index}`,
            type: 'message',
            role: 'assistant',
            model: served,
            content: [{ type: 'text', text }],
            stop_reason: 'end_turn',
            stop_sequence: null,
            usage: { input_tokens: inputTokens, output_tokens: outputTokens },
          };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload));
  }

  function injectFault(fault: Fault, req: IncomingMessage, res: ServerResponse): void {
    switch (fault.kind) {
      case 'status': {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
        res.writeHead(fault.status, headers);
        res.end(
          fault.body ?? JSON.stringify({ error: { message: `injected ${fault.status}`, type: 'injected' } }),
        );
        return;
      }
      case 'reset':
        req.socket.destroy();
        return;
      case 'hang':
        // Never answers; the client's timeout must end it.
        return;
      case 'truncated':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '400' });
        res.write('{"id":"x","choices":[{"mess');
        req.socket.destroy();
        return;
      case 'not-json':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('<html>Bad gateway</html>');
        return;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openaiBaseUrl: `${url}/v1`,
    anthropicBaseUrl: url,
    requests,
    countByPrompt() {
      const counts = new Map<string, number>();
      for (const r of requests) counts.set(r.user, (counts.get(r.user) ?? 0) + 1);
      return counts;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function parseRequest(
  wire: Wire,
  body: Record<string, unknown>,
  headers: IncomingMessage['headers'],
  index: number,
): FakeRequest {
  const messages = (body.messages ?? []) as Array<{ role: string; content: unknown }>;
  const text = (content: unknown): string =>
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? content.map((part) => (part as { text?: string }).text ?? '').join('')
        : '';
  const system =
    wire === 'openai'
      ? text(messages.find((m) => m.role === 'system')?.content) || undefined
      : text(body.system) || undefined;
  const user = text([...messages].reverse().find((m) => m.role === 'user')?.content);
  return { wire, model: String(body.model), system, user, headers, index, body };
}
