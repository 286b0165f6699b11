/**
 * A Response whose body is already in memory, for the keep-alive fetch (http-fetch.ts). Node's
 * Response wraps every body in a web ReadableStream and reads it back through it: about a tenth
 * of a millisecond per answer, as much as everything else avec does for a case. The SDKs read a
 * non-streamed answer with text() or json(), which here decode the bytes directly. Anything else
 * (`body`, formData(), a clone taken after `body` was touched) goes to a real Response built on
 * first use, so the object keeps the semantics of the one it replaces.
 */
const UTF8 = new TextDecoder();

export function bufferedResponse(bytes: Uint8Array, init: ResponseInit & { headers: Headers }): Response {
  // Built without a body, then given one: status, headers and `instanceof Response` stay Node's own.
  const response = new Response(null, init);
  let read = false;
  let real: Response | undefined;

  const streamed = (): Response => {
    if (!real) {
      real = new Response(bytes, init);
      // A body already read through text() or json() stays used on the real Response too.
      if (read) real.arrayBuffer().catch(() => undefined);
    }
    return real;
  };
  const take = (): Uint8Array => {
    if (read) throw new TypeError('Body is unusable: Body has already been read');
    read = true;
    return bytes;
  };
  const text = async (): Promise<string> => (real ? real.text() : UTF8.decode(take()));

  Object.defineProperties(response, {
    body: { get: () => streamed().body, enumerable: true },
    bodyUsed: { get: () => read || (real?.bodyUsed ?? false), enumerable: true },
    text: { value: text },
    json: { value: async () => (real ? real.json() : JSON.parse(await text())) },
    arrayBuffer: {
      value: async () => {
        if (real) return real.arrayBuffer();
        const taken = take();
        return taken.buffer.slice(taken.byteOffset, taken.byteOffset + taken.byteLength);
      },
    },
    blob: {
      value: async () =>
        real ? real.blob() : new Blob([take()], { type: response.headers.get('content-type') ?? '' }),
    },
    formData: { value: async () => streamed().formData() },
    clone: {
      value: (): Response => {
        if (real) return real.clone();
        if (read) throw new TypeError('Response.clone: Body has already been consumed.');
        return bufferedResponse(bytes, { ...init, headers: new Headers(response.headers) });
      },
    },
  });
  return response;
}
