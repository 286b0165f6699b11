import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompletionRequest, Provider } from '../../src/providers/types.js';
import { cacheKey } from '../../src/run/cache.js';
import { canonicalJson, sha256 } from '../../src/shared/canonical-json.js';

const provider = (connectionKey: string, model: string) => ({ connectionKey, model }) as unknown as Provider;

const request = (user: string, parameters: Record<string, unknown>, system?: string) =>
  ({
    user,
    system,
    parameters,
    case: { suiteId: 's', caseId: 'c', expect: {} },
  }) as unknown as CompletionRequest;

/** The key as defined: the hash of the canonical JSON of what the answer depends on. */
const definition = (p: Provider, r: CompletionRequest, repeat: number) =>
  sha256(
    canonicalJson({
      endpoint: p.connectionKey,
      model: p.model,
      parameters: r.parameters,
      system: r.system ?? null,
      user: r.user,
      repeat,
    }),
  );

describe('cacheKey', () => {
  it('is the hash of the canonical JSON of endpoint, model, parameters, prompt and repeat', () => {
    const parameters = fc.dictionary(
      fc.string({ maxLength: 12 }),
      fc.oneof(fc.constant(undefined), fc.double({ noNaN: true }), fc.string(), fc.jsonValue()),
      { maxKeys: 6 },
    );
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.option(fc.string(), { nil: undefined }),
        parameters,
        fc.integer({ min: 1, max: 20 }),
        (endpoint, model, user, system, params, repeat) => {
          const p = provider(endpoint, model);
          const r = request(user, params, system);
          expect(cacheKey(p, r, repeat)).toBe(definition(p, r, repeat));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('ignores the order of parameters and changes with anything the answer depends on', () => {
    const p = provider('openai|http://127.0.0.1/v1', 'gpt-4o-mini');
    const key = cacheKey(p, request('Bonjour', { temperature: 0, maxTokens: 100 }), 1);
    expect(cacheKey(p, request('Bonjour', { maxTokens: 100, temperature: 0 }), 1)).toBe(key);
    expect(cacheKey(p, request('Bonjour', { temperature: 0.2, maxTokens: 100 }), 1)).not.toBe(key);
    expect(cacheKey(p, request('Bonjour', { temperature: 0, maxTokens: 100 }, 'Sois bref.'), 1)).not.toBe(
      key,
    );
    expect(cacheKey(p, request('Bonsoir', { temperature: 0, maxTokens: 100 }), 1)).not.toBe(key);
    expect(cacheKey(p, request('Bonjour', { temperature: 0, maxTokens: 100 }), 2)).not.toBe(key);
    expect(
      cacheKey(provider('other', 'gpt-4o-mini'), request('Bonjour', { temperature: 0, maxTokens: 100 }), 1),
    ).not.toBe(key);
  });
});
