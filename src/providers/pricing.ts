import type { Price } from '../config/config.js';
import type { Usage } from './types.js';

/**
 * List prices in USD per million tokens, as vendors published them; they change, so a config's
 * `pricing` overrides them, and an unknown model has no cost rather than a made-up one.
 * Keys are bare model names; a dated snapshot ("gpt-4o-mini-2024-07-18") takes its family's price.
 */
export const PRICE_TABLE: Readonly<Record<string, Price>> = {
  'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8 },
  'gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'gpt-4.1-nano': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  'gpt-5': { inputPerMillion: 1.25, outputPerMillion: 10 },
  'gpt-5-mini': { inputPerMillion: 0.25, outputPerMillion: 2 },
  'gpt-5-nano': { inputPerMillion: 0.05, outputPerMillion: 0.4 },
  'claude-opus-4-1': { inputPerMillion: 15, outputPerMillion: 75 },
  'claude-sonnet-4-5': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-sonnet-4': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-haiku-4-5': { inputPerMillion: 1, outputPerMillion: 5 },
  'claude-3-5-haiku': { inputPerMillion: 0.8, outputPerMillion: 4 },
  'mistral-large-latest': { inputPerMillion: 2, outputPerMillion: 6 },
  'mistral-medium-latest': { inputPerMillion: 0.4, outputPerMillion: 2 },
  'mistral-small-latest': { inputPerMillion: 0.1, outputPerMillion: 0.3 },
};

export function findPrice(
  spec: { id: string; model: string; kind: string },
  overrides: Readonly<Record<string, Price>> = {},
): Price | undefined {
  if (spec.kind === 'builtin') return { inputPerMillion: 0, outputPerMillion: 0 };
  const exact = overrides[spec.id] ?? overrides[spec.model];
  if (exact) return exact;
  return longestPrefixMatch(spec.model, overrides) ?? longestPrefixMatch(spec.model, PRICE_TABLE);
}

function longestPrefixMatch(model: string, table: Readonly<Record<string, Price>>): Price | undefined {
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if ((model === key || model.startsWith(`${key}-`)) && (!best || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : table[best];
}

export function costUsd(usage: Usage, price: Price | undefined): number | null {
  if (!price) return null;
  return (
    (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1_000_000
  );
}
