import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';
import { bufferedResponse } from './buffered-response.js';

const DECODERS: Record<string, (buffer: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

/**
 * A fetch() over node:http(s) with kept-alive connections, for the SDKs' `fetch` option. Node's
 * own fetch (undici, web streams, one AbortSignal per request) costs about twice the CPU per
 * request, which at a hundred requests in flight is most of what the harness adds to a model's
 * latency (see bench/overhead). Bodies are read whole, since avec never streams; anything this
 * does not handle (a streamed or multipart request body, another protocol) goes to the built-in
 * fetch. Failures look like undici's, which the SDKs and sdk-errors.ts know how to read: a
 * TypeError("fetch failed") whose cause holds the system error code, or an AbortError.
 */
export function createHttpFetch(): typeof fetch {
  // One pool per provider; avec's own limits bound the sockets, so the agent does not.
  const agents = {
    'http:': new HttpAgent({ keepAlive: true, scheduling: 'lifo' }),
    'https:': new HttpsAgent({ keepAlive: true, scheduling: 'lifo' }),
  };
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = init?.body;
    const protocol = url.protocol === 'http:' || url.protocol === 'https:' ? url.protocol : undefined;
    if (
      input instanceof Request ||
      !protocol ||
      !(body == null || typeof body === 'string' || body instanceof Uint8Array)
    ) {
      return fetch(input, init);
    }
    const payload = body == null ? undefined : typeof body === 'string' ? Buffer.from(body) : body;
    const headers: Record<string, string> = {};
    const given = init?.headers;
    for (const [name, value] of given instanceof Headers ? given : new Headers(given)) headers[name] = value;
    if (payload) headers['content-length'] = String(payload.byteLength);
    const options = { method: init?.method ?? 'GET', headers, agent: agents[protocol] };
    const send = protocol === 'https:' ? httpsRequest : httpRequest;
    let message: IncomingMessage;
    try {
      message = await exchange(() => send(url, options), payload, init?.signal ?? undefined);
    } catch (error) {
      // A kept-alive connection the server closed as the request left: it was never read, ask once more.
      if ((error as RetryableReset).reusedSocketReset) {
        message = await exchange(() => send(url, options), payload, init?.signal ?? undefined);
      } else throw error;
    }
    return toResponse(message, init?.signal ?? undefined);
  };
}

interface RetryableReset {
  reusedSocketReset?: boolean;
}

function abortError(): DOMException {
  return new DOMException('This operation was aborted', 'AbortError');
}

function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

/** Sends the request and resolves with the response once its headers have arrived. */
function exchange(
  start: () => ReturnType<typeof httpRequest>,
  payload: Uint8Array | undefined,
  signal: AbortSignal | undefined,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const request = start();
    const onAbort = () => {
      request.destroy();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('response', (response) => {
      signal?.removeEventListener('abort', onAbort);
      resolve(response);
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(abortError());
      const failure = fetchFailed(error) as TypeError & RetryableReset;
      if (request.reusedSocket && error.code === 'ECONNRESET') failure.reusedSocketReset = true;
      reject(failure);
    });
    request.end(payload);
  });
}

/** Reads the whole body, then builds the Response the SDK parses. */
function toResponse(message: IncomingMessage, signal: AbortSignal | undefined): Promise<Response> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = () =>
      settle(() => {
        message.destroy();
        reject(abortError());
      });
    signal?.addEventListener('abort', onAbort, { once: true });
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('error', () => {
      // 'close' follows and says what happened.
    });
    // Closed before the whole body came (a reset, a truncated answer): what undici calls terminated.
    message.on('close', () => {
      if (!message.complete) {
        settle(() => reject(fetchFailed(Object.assign(new Error('terminated'), { code: 'ECONNRESET' }))));
      }
    });
    message.on('end', () => {
      if (!message.complete) return;
      settle(() => {
        decodeBody(message, Buffer.concat(chunks)).then(resolve, (error: unknown) =>
          reject(fetchFailed(error)),
        );
      });
    });
  });
}

async function decodeBody(message: IncomingMessage, bytes: Buffer): Promise<Response> {
  const headers = new Headers();
  const raw = message.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i] as string, raw[i + 1] as string);
    } catch {
      // A header value fetch would refuse says nothing the SDK reads; keep the others.
    }
  }
  const encoding = headers.get('content-encoding')?.trim().toLowerCase();
  const decode = encoding ? DECODERS[encoding] : undefined;
  const body = decode ? await decode(bytes) : bytes;
  if (decode) headers.delete('content-encoding');
  const status = message.statusCode ?? 0;
  const empty = status === 204 || status === 205 || status === 304;
  const init = { status, statusText: message.statusMessage ?? '', headers };
  return empty ? new Response(null, init) : bufferedResponse(body, init);
}
