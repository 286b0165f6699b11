import { describe, expect, it } from 'vitest';
import { costUsd, findPrice } from '../../src/providers/pricing.js';

describe('pricing', () => {
  it('prices a dated snapshot like its family, preferring the longest match', () => {
    expect(
      findPrice({ id: 'openai:gpt-4o-mini-2024-07-18', model: 'gpt-4o-mini-2024-07-18', kind: 'openai' }),
    ).toEqual({ inputPerMillion: 0.15, outputPerMillion: 0.6 });
    expect(findPrice({ id: 'openai:gpt-4o', model: 'gpt-4o', kind: 'openai' })).toEqual({
      inputPerMillion: 2.5,
      outputPerMillion: 10,
    });
  });
  it('lets the config override by spec or model, and knows nothing of unknown models', () => {
    const overrides = {
      'mistral:tiny': { inputPerMillion: 1, outputPerMillion: 2 },
      'gpt-4o': { inputPerMillion: 9, outputPerMillion: 9 },
    };
    expect(findPrice({ id: 'mistral:tiny', model: 'tiny', kind: 'openai' }, overrides)).toEqual({
      inputPerMillion: 1,
      outputPerMillion: 2,
    });
    expect(
      findPrice({ id: 'openai:gpt-4o', model: 'gpt-4o', kind: 'openai' }, overrides)?.inputPerMillion,
    ).toBe(9);
    expect(findPrice({ id: 'openai:my-finetune', model: 'my-finetune', kind: 'openai' })).toBeUndefined();
  });
  it('computes cost per million tokens, null when unknown', () => {
    expect(
      costUsd(
        { inputTokens: 1_000_000, outputTokens: 500_000 },
        { inputPerMillion: 3, outputPerMillion: 15 },
      ),
    ).toBeCloseTo(10.5, 10);
    expect(costUsd({ inputTokens: 10, outputTokens: 10 }, undefined)).toBeNull();
    expect(findPrice({ id: 'builtin:reference', model: 'reference', kind: 'builtin' })).toEqual({
      inputPerMillion: 0,
      outputPerMillion: 0,
    });
  });
});
