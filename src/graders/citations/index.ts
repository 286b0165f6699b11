import type { GraderDefinition, Span } from '../types.js';
import { claimCoverage } from './coverage.js';
import { type Citation, extractCitations } from './extract.js';
import { unresolved } from './resolve.js';
import { readSources } from './sources.js';

export interface CitationsConfig {
  /** The var holding the provided sources; default `sources`. */
  sourcesVar?: string;
  /** An answer that cites nothing fails; default false. */
  required?: boolean;
  /** Share of claim sentences (see coverage.ts) that must carry a citation; default 0. */
  minCoverage?: number;
}

/**
 * Every reference of the output resolves to a source the case provides: "[n]" (lists and ranges
 * too) to a provided id, a DOI, PMID or URL to one a source gives, "(Martin et al., 2021)" or
 * "Martin et Durand (2019)" to a source with that author surname and year. Anything else is an
 * invented reference. Score: the share of citations that resolve (1 when there are none, 0 when
 * there are none and `required`), times min(1, coverage / minCoverage) when minCoverage is set.
 */
export const citations: GraderDefinition<CitationsConfig> = {
  description:
    'Every citation of the output ([n], ranges, author-year, DOI, PMID, URL) resolves to a source the case provides (vars.sources); optionally required, and covering a share of the claim sentences.',
  catches: ['invent-citation'],
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      sourcesVar: { type: 'string', minLength: 1 },
      required: { type: 'boolean' },
      minCoverage: { type: 'number', minimum: 0, maximum: 1 },
    },
  },
  create(id, config) {
    const sourcesVar = config.sourcesVar ?? 'sources';
    const minCoverage = config.minCoverage ?? 0;
    return {
      id,
      type: 'citations',
      grade(input) {
        const sources = readSources(input, id, sourcesVar);
        const found = extractCitations(input.output);
        const invented = found.flatMap((citation) => {
          const why = unresolved(citation, sources);
          return why === undefined ? [] : [{ citation, why }];
        });
        const spans: Span[] = invented.map(({ citation }) => ({
          start: citation.start,
          end: citation.end,
          label: 'invented-citation',
        }));
        const parts: string[] = [];
        let pass = invented.length === 0;
        let score = found.length === 0 ? 1 : (found.length - invented.length) / found.length;
        if (found.length === 0) {
          parts.push('no citation');
          if (config.required) {
            pass = false;
            score = 0;
            parts.push('at least one is required');
          }
        } else if (invented.length === 0) {
          parts.push(`all ${found.length} citations resolve to the ${sources.length} provided sources`);
        } else {
          parts.push(
            `${invented.length} of ${found.length} citations match no provided source: ${listed(invented.map(describe))}`,
          );
        }
        if (minCoverage > 0) {
          const { claims, uncovered } = claimCoverage(input.output, found);
          const coverage = claims.length === 0 ? 1 : (claims.length - uncovered.length) / claims.length;
          score *= Math.min(1, coverage / minCoverage);
          const share = `${claims.length - uncovered.length}/${claims.length} claim sentences cite a source`;
          if (coverage < minCoverage) {
            pass = false;
            parts.push(`${share}, below the ${Math.round(minCoverage * 100)} % required`);
            spans.push(...uncovered.map((range) => ({ ...range, label: 'uncited-claim' })));
          } else parts.push(share);
        }
        return { pass, score, reason: parts.join('; '), spans };
      },
    };
  },
};

/** The first ten, so a runaway answer does not make a runaway reason. */
function listed(items: string[]): string {
  const shown = items.slice(0, 10).join('; ');
  return items.length > 10 ? `${shown}; and ${items.length - 10} more` : shown;
}

function describe({ citation, why }: { citation: Citation; why: string }): string {
  const marker = citation.marker.length > 80 ? `${citation.marker.slice(0, 77)}…` : citation.marker;
  return `${marker} (${why})`;
}
