/**
 * A Response whose body is already in memory, for the keep-alive fetch (http-fetch.ts). Node's
 * Response wraps every body in a web ReadableStream and reads it back through it: about a tenth
 * of a millisecond per answer, as much as everything else avec does for a case. The SDKs read a
 * non-streamed answer with text() or json(), which here decode the bytes directly. Anything else
 * (`body`, formData(), a clone taken after `body` was touched) goes to a real Response built on
 * first use, so the object keeps the semantics of the one it replaces.
 */
export function bufferedResponse(bytes: Uint8Array, init: ResponseInit & { headers: Headers }): Response {
  // Built without a body, then given one: status, headers and `instanceof Response` stay Node's own.
  const response = new (bufferedResponseClass())(null, init);
  response[STATE] = { bytes, init, read: false, real: undefined };
  return response;
}

const STATE = Symbol('buffered body');
const UTF8 = new TextDecoder();

interface BodyState {
  bytes: Uint8Array;
  init: ResponseInit;
  read: boolean;
  /** The real Response, once something asked for what only a stream gives. */
  real: Response | undefined;
}

interface BufferedResponse extends Response {
  [STATE]: BodyState;
}

/**
 * Defined on first use: extending Response loads Node's fetch implementation (undici, ~30 ms),
 * which the CLI's main thread never needs since network requests go from the provider thread.
 */
let defined: (new (body: null, init: ResponseInit) => BufferedResponse) | undefined;

function bufferedResponseClass(): new (body: null, init: ResponseInit) => BufferedResponse {
  if (defined) return defined;
  const BufferedResponseClass = class extends Response {} as unknown as new (
    body: null,
    init: ResponseInit,
  ) => BufferedResponse;
  // On the prototype, once: defining them on each answer cost more than the stream they replace.
  Object.defineProperties(BufferedResponseClass.prototype, BODY_METHODS);
  defined = BufferedResponseClass;
  return defined;
}

function streamed(state: BodyState): Response {
  if (!state.real) {
    state.real = new Response(state.bytes, state.init);
    // A body already read through text() or json() stays used on the real Response too.
    if (state.read) state.real.arrayBuffer().catch(() => undefined);
  }
  return state.real;
}

function take(state: BodyState): Uint8Array {
  if (state.read) throw new TypeError('Body is unusable: Body has already been read');
  state.read = true;
  return state.bytes;
}

const BODY_METHODS: PropertyDescriptorMap & ThisType<BufferedResponse> = {
  body: {
    get(this: BufferedResponse) {
      return streamed(this[STATE]).body;
    },
  },
  bodyUsed: {
    get(this: BufferedResponse) {
      const state = this[STATE];
      return state.read || (state.real?.bodyUsed ?? false);
    },
  },
  text: {
    async value(this: BufferedResponse): Promise<string> {
      const state = this[STATE];
      return state.real ? state.real.text() : UTF8.decode(take(state));
    },
  },
  json: {
    async value(this: BufferedResponse): Promise<unknown> {
      const state = this[STATE];
      return state.real ? state.real.json() : JSON.parse(UTF8.decode(take(state)));
    },
  },
  arrayBuffer: {
    async value(this: BufferedResponse): Promise<ArrayBuffer> {
      const state = this[STATE];
      if (state.real) return state.real.arrayBuffer();
      const bytes = take(state);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  },
  blob: {
    async value(this: BufferedResponse): Promise<Blob> {
      const state = this[STATE];
      if (state.real) return state.real.blob();
      return new Blob([take(state)], { type: this.headers.get('content-type') ?? '' });
    },
  },
  formData: {
    async value(this: BufferedResponse): Promise<FormData> {
      return streamed(this[STATE]).formData();
    },
  },
  clone: {
    value(this: BufferedResponse): Response {
      const state = this[STATE];
      if (state.real) return state.real.clone();
      if (state.read) throw new TypeError('Response.clone: Body has already been consumed.');
      return bufferedResponse(state.bytes, { ...state.init, headers: new Headers(this.headers) });
    },
  },
};
