/**
 * Machine identifiers of a source (DOI, PMID, URL): found the same way in the output and in the
 * provided source lines, and normalized so that two spellings of one identifier compare equal.
 */

export type IdentifierKind = 'doi' | 'pmid' | 'url';

export interface Identifier {
  kind: IdentifierKind;
  /** Normalized value: bare lower-case DOI, PMID digits, URL without scheme, www. or trailing slash. */
  value: string;
  /** For a PubMed URL, the PMID it points at, so a provided PMID resolves it. */
  pmid?: string;
  start: number;
  end: number;
}

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"«»“”[\]{}|\\^`]+/giu;
const DOI_PATTERN = /(?<![\p{L}\p{N}.])10\.\d{4,9}\/[^\s<>"«»“”[\]{}]+/giu;
const PMID_PATTERN = /\bPMID\s*:?\s*(\d{1,9})\b/giu;
const MAY_HOLD_URL = /http|www\./i;
const MAY_HOLD_PMID = /pmid/i;
// Written just before a bare DOI, it belongs to the marker: "doi:", "DOI : ", "https://doi.org/".
const DOI_PREFIX = /(?:\bdoi\s*:?\s*|https?:\/\/(?:dx\.)?doi\.org\/)$/iu;
const DOI_HOST = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\/(10\..+)$/iu;
const PUBMED_URL = /^(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed)\/(\d{1,9})$/u;

/**
 * Punctuation closing a sentence is not part of an identifier, nor a closing bracket that
 * opened before it; "10.0000/x(1)" keeps its balanced parenthesis.
 */
export function trimTrailing(text: string): string {
  let out = text;
  for (;;) {
    const last = out.at(-1);
    if (last === undefined) return out;
    if (/[.,;:!?…'"’»]/u.test(last)) out = out.slice(0, -1);
    else if (last === ')' && count(out, '(') < count(out, ')')) out = out.slice(0, -1);
    else return out;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** "doi:10.0000/AVEC.1.", "https://doi.org/10.0000/avec.1" → "10.0000/avec.1". */
export function normalizeDoi(text: string): string {
  const bare = trimTrailing(text.trim())
    .replace(/^doi\s*:?\s*/iu, '')
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//iu, '');
  return safeDecode(bare).toLowerCase();
}

/** Scheme, "www.", fragment and trailing slash dropped; the host lower-cased, the path kept as is. */
export function normalizeUrl(text: string): string {
  const bare = trimTrailing(text.trim())
    .replace(/^https?:\/\//iu, '')
    .replace(/^www\./iu, '')
    .replace(/#.*$/u, '')
    .replace(/\/+$/u, '');
  const slash = bare.indexOf('/');
  return slash === -1 ? bare.toLowerCase() : `${bare.slice(0, slash).toLowerCase()}${bare.slice(slash)}`;
}

export function normalizePmid(text: string): string {
  return text.replace(/\D/gu, '').replace(/^0+(?=\d)/u, '');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Every DOI, PMID and URL of a text, in order. A doi.org link is a DOI; a DOI inside another
 * site's URL belongs to that URL, which is what the text cites.
 */
export function findIdentifiers(text: string): Identifier[] {
  const found: Identifier[] = [];
  // Each of the \b…/iu patterns reads the text unit by unit; a plain search that every match
  // needs ("http", "www.", "pmid") rules most texts out at a fraction of that. No character is
  // equal to h, t, p, w, m, i or d under /iu folding but their two cases.
  const urls = MAY_HOLD_URL.test(text) ? text.matchAll(URL_PATTERN) : [];
  for (const match of urls) {
    const raw = trimTrailing(match[0]);
    const start = match.index ?? 0;
    const end = start + raw.length;
    const doi = DOI_HOST.exec(raw.replace(/^www\./iu, ''))?.[1];
    if (doi !== undefined) {
      found.push({ kind: 'doi', value: normalizeDoi(doi), start, end });
      continue;
    }
    const value = normalizeUrl(raw);
    if (!value.includes('.')) continue;
    const pmid = PUBMED_URL.exec(value)?.[1];
    found.push({ kind: 'url', value, start, end, ...(pmid ? { pmid: normalizePmid(pmid) } : {}) });
  }
  const inUrl = (at: number) => found.some((id) => id.start <= at && at < id.end);
  for (const match of text.matchAll(DOI_PATTERN)) {
    const at = match.index ?? 0;
    if (inUrl(at)) continue;
    const raw = trimTrailing(match[0]);
    const prefix = DOI_PREFIX.exec(text.slice(Math.max(0, at - 20), at))?.[0] ?? '';
    found.push({ kind: 'doi', value: normalizeDoi(raw), start: at - prefix.length, end: at + raw.length });
  }
  const pmids = MAY_HOLD_PMID.test(text) ? text.matchAll(PMID_PATTERN) : [];
  for (const match of pmids) {
    const at = match.index ?? 0;
    if (inUrl(at)) continue;
    found.push({
      kind: 'pmid',
      value: normalizePmid(match[1] ?? ''),
      start: at,
      end: at + match[0].length,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}
