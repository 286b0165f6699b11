import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A lean OpenAI-compatible loopback server that answers every chat completion after a fixed
 * latency. Unlike tests/fakes/llm-server.ts it keeps no request log (100,000 requests must not
 * grow the bench process) and counts what a benchmark must check: requests received and the
 * most ever in flight at once.
 */
export interface BenchServer {
  openaiBaseUrl: string;
  stats(): ServerStats;
  /** Zeroes the counters between two workloads on the same server. */
  reset(): void;
  close(): Promise<void>;
}

export interface ServerStats {
  requests: number;
  maxInFlight: number;
  /** performance.now() of the first request received and of the last answer sent; 0 before any. */
  firstRequestAt: number;
  lastAnswerAt: number;
}

const ANSWER_CUE = /Réponds exactement\s*:\s*([\s\S]*)$/;

export async function startBenchServer(options: { latencyMs: number }): Promise<BenchServer> {
  let stats: ServerStats = { requests: 0, maxInFlight: 0, firstRequestAt: 0, lastAnswerAt: 0 };
  let inFlight = 0;
  const sockets = new Set<Socket>();

  const answer = (res: ServerResponse, raw: string): void => {
    const body = JSON.parse(raw) as { model?: string; messages?: Array<{ role: string; content: unknown }> };
    const messages = body.messages ?? [];
    const user = messages.findLast((m) => m.role === 'user')?.content;
    const prompt = typeof user === 'string' ? user : JSON.stringify(user ?? '');
    const text = ANSWER_CUE.exec(prompt)?.[1]?.trim() ?? 'Je ne sais pas.';
    const inputTokens = Math.ceil(prompt.length / 4);
    const outputTokens = Math.ceil(text.length / 4);
    const payload = JSON.stringify({
      id: `chatcmpl-${stats.requests}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model ?? 'bench-model',
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: inputTokens,
        completion_tokens: outputTokens,
        total_tokens: inputTokens + outputTokens,
      },
    });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    res.end(payload);
    inFlight--;
    stats.lastAnswerAt = performance.now();
  };

  const server = createServer((req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      return;
    }
    if (stats.requests === 0) stats.firstRequestAt = performance.now();
    stats.requests++;
    inFlight++;
    if (inFlight > stats.maxInFlight) stats.maxInFlight = inFlight;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (options.latencyMs > 0) setTimeout(answer, options.latencyMs, res, raw);
      else answer(res, raw);
    });
  });
  // Clients keep connections alive between requests, as SDKs do with real APIs.
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    openaiBaseUrl: `http://127.0.0.1:${port}/v1`,
    stats: () => ({ ...stats }),
    reset() {
      stats = { requests: 0, maxInFlight: 0, firstRequestAt: 0, lastAnswerAt: 0 };
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
