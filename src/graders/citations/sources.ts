import type { ProvidedSource } from '../expectations.js';
import { type GradeInput, GraderError } from '../types.js';
import { findIdentifiers, normalizeDoi, normalizePmid, normalizeUrl } from './identifiers.js';
import { surnamesOf } from './names.js';

/** A provided source, reduced to what a citation can be matched on. */
export interface Source {
  id: string;
  /** Folded surname keys of its authors (see names.ts). */
  surnames: string[];
  year?: string;
  dois: string[];
  pmids: string[];
  urls: string[];
}

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/u;
const ENTRY = /^\s*\[\s*([^\]\s]+)\s*\]\s*(.*)$/u;

/**
 * The sources the case provides, from `vars.<sourcesVar>`: either a list of objects
 * { id, title, authors, year, doi, pmid, url } (a missing id is the 1-based position), or a
 * string of lines "[n] Authors. Title. Journal. Year. doi:…", where the authors are the text
 * before the first ". " and a line not starting with "[n]" continues the one above.
 */
export function readSources(input: GradeInput, graderId: string, sourcesVar: string): Source[] {
  const fail = (problem: string): never => {
    throw new GraderError(
      `grader "${graderId}" needs the provided sources in vars.${sourcesVar}: a list of { id, authors, year, doi, pmid, url }, or lines like "[1] Martin A, et al. Titre. Revue. 2022. doi:10.0000/…" (${problem}); give them in the case, or set "sourcesVar"`,
    );
  };
  const value = input.case.vars[sourcesVar];
  let sources: Source[];
  if (typeof value === 'string') sources = fromLines(value, fail);
  else if (Array.isArray(value)) sources = value.map((item, index) => fromObject(item, index, fail));
  else return fail(value === undefined || value === null ? 'it is missing' : `got ${typeof value}`);
  const seen = new Set<string>();
  for (const source of sources) {
    if (seen.has(source.id)) fail(`source id "${source.id}" is given twice`);
    seen.add(source.id);
  }
  return sources;
}

function fromLines(text: string, fail: (problem: string) => never): Source[] {
  const entries: Array<{ id: string; text: string }> = [];
  text.split(/\r?\n/u).forEach((line, index) => {
    const entry = ENTRY.exec(line);
    if (entry) entries.push({ id: entry[1] ?? '', text: entry[2] ?? '' });
    else if (line.trim() === '') return;
    else if (entries.length === 0) fail(`line ${index + 1} does not start with "[n] "`);
    else {
      const last = entries[entries.length - 1] as { text: string };
      last.text += ` ${line.trim()}`;
    }
  });
  return entries.map(({ id, text: line }) => fromLine(id, line));
}

function fromLine(id: string, line: string): Source {
  const identifiers = findIdentifiers(line);
  let rest = line;
  for (const found of [...identifiers].reverse()) rest = rest.slice(0, found.start) + rest.slice(found.end);
  const stop = line.indexOf('. ');
  const year = YEAR.exec(rest)?.[0];
  return {
    id,
    surnames: surnamesOf(stop === -1 ? line : line.slice(0, stop)),
    ...(year ? { year } : {}),
    dois: identifiers.filter((found) => found.kind === 'doi').map((found) => found.value),
    pmids: identifiers.flatMap((found) =>
      found.kind === 'pmid' ? [found.value] : found.pmid ? [found.pmid] : [],
    ),
    urls: identifiers.filter((found) => found.kind === 'url').map((found) => found.value),
  };
}

function fromObject(item: unknown, index: number, fail: (problem: string) => never): Source {
  const where = `item ${index + 1}`;
  if (item === null || typeof item !== 'object' || Array.isArray(item)) fail(`${where} is not an object`);
  const source = item as Record<string, unknown> & ProvidedSource;
  const text = (key: keyof ProvidedSource, allowNumber = false): string | undefined => {
    const field = source[key];
    if (field === undefined || field === null) return undefined;
    if (typeof field === 'string' && field.trim() !== '') return field.trim();
    if (allowNumber && typeof field === 'number' && Number.isFinite(field)) return String(field);
    return fail(`${where}: "${key}" must be a non-empty ${allowNumber ? 'string or number' : 'string'}`);
  };
  const id = text('id', true) ?? String(index + 1);
  text('title');
  const year = text('year', true);
  if (year !== undefined && !/^(?:19|20)\d{2}$/u.test(year))
    fail(`${where}: "year" must be a year like 2021`);
  const authors = source.authors as unknown;
  if (
    authors !== undefined &&
    authors !== null &&
    typeof authors !== 'string' &&
    !(Array.isArray(authors) && authors.every((name) => typeof name === 'string'))
  ) {
    fail(`${where}: "authors" must be a string or a list of strings`);
  }
  const doi = text('doi');
  const pmid = text('pmid', true);
  const url = text('url');
  const urlIds = url === undefined ? [] : findIdentifiers(url);
  return {
    id,
    surnames: typeof authors === 'string' || Array.isArray(authors) ? surnamesOf(authors) : [],
    ...(year ? { year } : {}),
    dois: [
      ...(doi ? [normalizeDoi(doi)] : []),
      ...urlIds.filter((found) => found.kind === 'doi').map((found) => found.value),
    ],
    pmids: [...(pmid ? [normalizePmid(pmid)] : []), ...urlIds.flatMap((found) => found.pmid ?? [])],
    urls: url && !urlIds.some((found) => found.kind === 'doi') ? [normalizeUrl(url)] : [],
  };
}
