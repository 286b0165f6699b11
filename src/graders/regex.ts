import { stringsFrom } from './expectations.js';
import { type GraderDefinition, GraderError, type Span } from './types.js';

export interface RegexConfig {
  pattern?: string;
  flags?: string;
  negate?: boolean;
}

/** The output matches a JavaScript regular expression (or, with negate, does not). */
export const regex: GraderDefinition<RegexConfig> = {
  description: 'The output matches a regular expression, or does not with negate.',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      pattern: { type: 'string', minLength: 1 },
      flags: { type: 'string', pattern: '^[dgimsuvy]*$' },
      negate: { type: 'boolean' },
    },
  },
  create(id, config, context) {
    const flags = (config.flags ?? '').replace(/g/g, '');
    // A pattern in the suite is checked when the suite loads, not case after case.
    if (config.pattern !== undefined) compile(config.pattern, flags, id, context.place.file);
    return {
      id,
      type: 'regex',
      grade(input) {
        const [pattern = ''] = stringsFrom(config.pattern, input, 'regex', id);
        const expression = compile(pattern, `${flags}g`, id);
        const spans: Span[] = [];
        for (const match of input.output.matchAll(expression)) {
          if (spans.length >= 50) break;
          if (match[0] === '') continue;
          const start = match.index ?? 0;
          spans.push({ start, end: start + match[0].length, label: config.negate ? 'forbidden' : 'match' });
        }
        // Spans skip empty matches; the test does not, so /^$/ still means what it says.
        const found = spans.length > 0 || new RegExp(pattern, flags).test(input.output);
        const pass = config.negate ? !found : found;
        return {
          pass,
          score: pass ? 1 : 0,
          reason: config.negate
            ? found
              ? `forbidden pattern found ${spans.length || 1} time(s)`
              : 'forbidden pattern absent'
            : found
              ? 'pattern found'
              : 'pattern not found',
          spans,
        };
      },
    };
  },
};

function compile(pattern: string, flags: string, id: string, file?: string): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    throw new GraderError(
      `grader "${id}"${file ? ` in ${file}` : ''}: invalid regular expression: ${(error as Error).message}`,
    );
  }
}
