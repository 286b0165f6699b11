import { stringsFrom } from './expectations.js';
import type { GraderDefinition, Span } from './types.js';

export interface ContainsConfig {
  value?: string;
  values?: string[];
  mode?: 'all' | 'any';
  caseSensitive?: boolean;
  /** Pass only when none of the values appear: for phrases the answer must not hold. */
  negate?: boolean;
}

function findAll(haystack: string, needle: string): Span[] {
  const spans: Span[] = [];
  if (needle === '') return spans;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    spans.push({ start: at, end: at + needle.length, label: 'match' });
  }
  return spans;
}

export const contains: GraderDefinition<ContainsConfig> = {
  description: 'The output holds the given strings (all or any), or none of them with negate.',
  catches: ['drop-key-fact'],
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      value: { type: 'string' },
      values: { type: 'array', items: { type: 'string' }, minItems: 1 },
      mode: { enum: ['all', 'any'] },
      caseSensitive: { type: 'boolean' },
      negate: { type: 'boolean' },
    },
    not: { required: ['value', 'values'] },
  },
  create(id, config) {
    const mode = config.mode ?? 'all';
    const configured = config.values ?? (config.value === undefined ? undefined : [config.value]);
    return {
      id,
      type: 'contains',
      grade(input) {
        const values = stringsFrom(configured, input, 'contains', id);
        // toLowerCase keeps string length, so spans stay aligned, for every letter but İ (U+0130),
        // which it turns into two code units: folded to a plain i first.
        const fold = (text: string) =>
          config.caseSensitive ? text : text.replace(/\u0130/g, 'i').toLowerCase();
        const output = fold(input.output);
        const found: string[] = [];
        const missing: string[] = [];
        const spans: Span[] = [];
        for (const value of values) {
          const matches = findAll(output, fold(value));
          if (matches.length > 0) {
            found.push(value);
            spans.push(...matches.map((s) => ({ ...s, label: config.negate ? 'forbidden' : 'found' })));
          } else missing.push(value);
        }
        if (config.negate) {
          const pass = found.length === 0;
          return {
            pass,
            score: values.length === 0 ? 1 : missing.length / values.length,
            reason: pass
              ? `none of ${values.length} forbidden strings found`
              : `forbidden: ${found.map(quote).join(', ')}`,
            spans,
          };
        }
        const pass = mode === 'all' ? missing.length === 0 : found.length > 0;
        const score = mode === 'all' ? found.length / values.length : found.length > 0 ? 1 : 0;
        return {
          pass,
          score,
          reason: pass
            ? `found ${found.length}/${values.length}`
            : mode === 'all'
              ? `missing ${missing.length}/${values.length}: ${missing.map(quote).join(', ')}`
              : `none of ${values.map(quote).join(', ')}`,
          spans,
        };
      },
    };
  },
};

function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return JSON.stringify(short);
}
