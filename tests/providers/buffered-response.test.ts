import { describe, expect, it } from 'vitest';
import { bufferedResponse } from '../../src/providers/buffered-response.js';

const payload = { choices: [{ message: { content: 'Bonjour, évitez le soleil.' } }] };
const bytes = () => new TextEncoder().encode(JSON.stringify(payload));
const make = () =>
  bufferedResponse(bytes(), {
    status: 200,
    statusText: 'OK',
    headers: new Headers({ 'content-type': 'application/json', 'x-request-id': 'req_1' }),
  });

describe('bufferedResponse', () => {
  it('is a Response with the status, headers and body it was given', async () => {
    const response = make();
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get('x-request-id')).toBe('req_1');
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual(payload);
    expect(response.bodyUsed).toBe(true);
  });

  it('can be read once, as a real Response', async () => {
    const response = make();
    expect(await response.text()).toBe(JSON.stringify(payload));
    await expect(response.json()).rejects.toThrow(TypeError);
    await expect(response.arrayBuffer()).rejects.toThrow(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
  });

  it('gives the same bytes through arrayBuffer, blob, a clone and the body stream', async () => {
    expect(new Uint8Array(await make().arrayBuffer())).toEqual(bytes());
    const blob = await make().blob();
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe(JSON.stringify(payload));
    const original = make();
    const copy = original.clone();
    expect(await copy.json()).toEqual(payload);
    expect(await original.json()).toEqual(payload);
    const streamed = make();
    expect(streamed.body).toBeInstanceOf(ReadableStream);
    expect(await new Response(streamed.body).text()).toBe(JSON.stringify(payload));
    expect(streamed.bodyUsed).toBe(true);
  });

  it('keeps a body read through text() used when its stream is asked for afterwards', async () => {
    const response = make();
    await response.text();
    expect(response.body).not.toBeNull();
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(() => new Response(response.body)).toThrow(TypeError);
  });
});
