import type { Citation } from './extract.js';
import { nameMatches } from './names.js';
import type { Source } from './sources.js';

/** Wider than any reference list a case provides: "[1-2024]" is not a range of sources. */
const MAX_RANGE = 500;

/** Why a citation matches no provided source, in words; undefined when it resolves. */
export function unresolved(citation: Citation, sources: readonly Source[]): string | undefined {
  switch (citation.kind) {
    case 'number': {
      const ids = new Set(sources.map((source) => numericId(source.id)));
      if (citation.to - citation.from > MAX_RANGE) return 'range wider than any source list';
      const missing: number[] = [];
      for (let n = citation.from; n <= citation.to; n++) if (!ids.has(String(n))) missing.push(n);
      if (missing.length === 0) return undefined;
      return `no source ${missing.length === 1 ? missing[0] : `${missing[0]}–${missing.at(-1)}`} among ${describeIds(sources)}`;
    }
    case 'doi':
      return sources.some((source) => source.dois.includes(citation.value)) ? undefined : 'DOI not provided';
    case 'pmid':
      return sources.some((source) => source.pmids.includes(citation.value))
        ? undefined
        : 'PMID not provided';
    case 'url': {
      const pmid = citation.pmid;
      const found = sources.some(
        (source) =>
          source.urls.includes(citation.value) || (pmid !== undefined && source.pmids.includes(pmid)),
      );
      return found ? undefined : 'URL not provided';
    }
    case 'author-year': {
      const byName = sources.filter((source) => nameMatches(citation.name, source.surnames));
      if (byName.length === 0) return 'no provided source by that author';
      // A source that gives no year can only be matched on its authors.
      if (byName.some((source) => source.year === undefined || source.year === citation.year))
        return undefined;
      return `that author's source is from ${byName.map((source) => source.year).join(', ')}, not ${citation.year}`;
    }
  }
}

/** "01" and 1 are the same numbered source. */
function numericId(id: string): string {
  return /^\d+$/u.test(id) ? String(Number(id)) : id;
}

function describeIds(sources: readonly Source[]): string {
  if (sources.length === 0) return 'no provided source';
  const ids = sources.map((source) => numericId(source.id));
  const numeric = ids.every((id) => /^\d+$/u.test(id));
  const sorted = numeric ? ids.map(Number).sort((a, b) => a - b) : ids;
  const contiguous = numeric && sorted.every((n, i) => n === (sorted[0] as number) + i);
  if (contiguous && sorted.length > 2) return `sources ${sorted[0]}–${sorted.at(-1)}`;
  return `source${ids.length > 1 ? 's' : ''} ${sorted.join(', ')}`;
}
