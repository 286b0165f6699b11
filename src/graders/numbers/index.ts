import { SOURCE_VAR_SCHEMA, sourceTexts } from '../expectations.js';
import { recentSources } from '../text/recent-sources.js';
import type { GraderDefinition, Span } from '../types.js';
import { extractQuantities, type Quantity } from './extract.js';
import { compileIgnore, rangesOf } from './masks.js';
import { isSupported } from './support.js';

export interface NumbersConfig {
  /** The var (or vars, joined) holding the text the figures must come from; default `source`. */
  sourceVar?: string | string[];
  /** Figures to skip: "/regex/flags" or a literal string, e.g. "/\\b(19|20)\\d{2}\\b/" for years. */
  ignore?: string[];
  /** Relative difference allowed (0.05: 5 %); default 0, the exact figure. */
  tolerance?: number;
  /** "5 mg" is not supported by "5 g"; default true. False compares the values alone. */
  requireUnitMatch?: boolean;
}

/**
 * Every figure of the output (dose, duration, percentage, count, range bound, year) must be in
 * the source, whatever its spelling: "1 240" and "1240", "6,1" and "6.1", "deux" and "2",
 * "0,5 g" and "500 mg", "7 jours" and "1 semaine", "35-49 ans" and "entre 35 et 49 ans".
 * A figure the output computed ("2 882 participants" from 1 870 and 1 012) is not in the
 * source and fails: the output should quote, not derive. Years are figures too; citation markers
 * "[1]", list numbering, URLs and DOIs are not. See parse-number.ts for how "1.240" is read.
 */
export const numbers: GraderDefinition<NumbersConfig> = {
  description:
    'Every figure of the output (doses, durations, percentages, counts, ranges, with their units) appears in the source.',
  catches: ['change-number', 'change-unit'],
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      sourceVar: SOURCE_VAR_SCHEMA,
      ignore: { type: 'array', items: { type: 'string', minLength: 1 } },
      tolerance: { type: 'number', minimum: 0, maximum: 1 },
      requireUnitMatch: { type: 'boolean' },
    },
  },
  create(id, config) {
    const ignore = compileIgnore(config.ignore ?? [], id);
    const options = { tolerance: config.tolerance ?? 0, requireUnitMatch: config.requireUnitMatch ?? true };
    const masksOf = (text: string) => ignore.flatMap((pattern) => rangesOf(text, pattern));
    // The figures of the latest sources, which isSupported only reads.
    const supportOf = recentSources((source) => extractQuantities(source, 'support', masksOf(source)));
    return {
      id,
      type: 'numbers',
      grade(input) {
        const source = sourceTexts(input, id, config.sourceVar);
        const supporting = supportOf(source);
        const figures = extractQuantities(input.output, 'claim', masksOf(input.output));
        const unsupported = figures.filter((figure) => !isSupported(figure, supporting, options));
        const spans: Span[] = unsupported.map((figure) => ({
          start: figure.start,
          end: figure.end,
          label: 'unsupported-number',
        }));
        const total = figures.length;
        if (total === 0) return { pass: true, score: 1, reason: 'no figure to check', spans };
        const supported = total - unsupported.length;
        return {
          pass: unsupported.length === 0,
          score: supported / total,
          reason:
            unsupported.length === 0
              ? `all ${total} figures found in the source`
              : `${unsupported.length} of ${total} figures not in the source: ${describe(unsupported)}`,
          spans,
        };
      },
    };
  },
};

/** The figures, quoted; a long run of digits is not, as it may be an identifier or a phone number. */
function describe(figures: Quantity[]): string {
  const shown = figures.slice(0, 5).map((figure) => {
    const digits = figure.text.replace(/\D/g, '').length;
    return digits > 6 || figure.text.length > 30 ? '(a long number)' : JSON.stringify(figure.text);
  });
  return `${shown.join(', ')}${figures.length > 5 ? `, and ${figures.length - 5} more` : ''}`;
}
