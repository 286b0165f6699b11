import { findIdentifiers, type Identifier } from './identifiers.js';
import { nameKey } from './names.js';

/** One reference the output makes, with where it is written. */
export type Citation = { start: number; end: number; marker: string } & (
  | { kind: 'number'; from: number; to: number }
  | { kind: 'author-year'; name: string; year: string }
  | { kind: Identifier['kind']; value: string; pmid?: string }
);

const DASH = '[-–—‑]';
const ITEM = `\\d{1,4}(?:\\s*${DASH}\\s*\\d{1,4})?`;
/** "[1]", "[1, 2]", "[1-3]", "[1–3; 5]": digits only, so "[sic]" or "[NDLR]" are not citations. */
const NUMBERED = new RegExp(`\\[\\s*${ITEM}(?:\\s*[,;]\\s*${ITEM})*\\s*\\]`, 'gu');
const NUMBERED_ITEM = new RegExp(`(\\d{1,4})(?:\\s*${DASH}\\s*(\\d{1,4}))?`, 'gu');
/**
 * A bracket right after these is a confidence interval or a range of values, not references.
 * A bare percentage is not among them: "de 31 % à 58 % [4]" is a citation.
 */
const INTERVAL_BEFORE =
  /(?:\b(?:IC|CI|IIQ|EIQ|IQR)\s*(?:à\s*)?(?:\d{2}\s*%)?|\bintervalle\b[^.[]{0,40}|(?<!\p{L})écart(?!\p{L})[^.[]{0,30})\s*[:=]?\s*$/iu;

const PARTICLE = "(?:(?:de|du|des|da|di|van|von|der|den|le|la|ben|el)[^\\S\\n]+|[dl]['’])";
const TOKEN = "\\p{Lu}[\\p{L}\\p{M}'’-]*";
// Names stay on one line: a heading above is not part of the author's name.
const NAME = `${PARTICLE}?${TOKEN}(?:[^\\S\\n]+${PARTICLE}?${TOKEN}){0,2}`;
const ET_AL = '(?:\\s+et\\s+al\\.?|\\s+et\\s+(?:coll\\.|collaborateurs))';
const YEAR = '((?:19|20)\\d{2})[a-z]?';
/** "Martin et Durand (2019)", "Le Goff et al. (2022)", "Martin (2019)". */
const NARRATIVE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${NAME})(${ET_AL}|\\s+(?:et|&|and)\\s+${NAME})?\\s*\\(\\s*${YEAR}\\s*\\)`,
  'gu',
);
/**
 * What every NARRATIVE match ends with: a year in brackets. Searched first, as NARRATIVE tries
 * a name at each capital of the text, and most answers hold no such year.
 */
const BRACKETED_YEAR = new RegExp(`\\(\\s*${YEAR}\\s*\\)`, 'u');
/** One part of "(Martin et al., 2021 ; Durand et Petit, 2019)". */
const PARENTHETICAL_PART = new RegExp(
  `^(\\s*(?:(?:voir|cf\\.?|see)\\s+)?)(${NAME})((?:\\s*(?:,|et|&|and)\\s*${NAME})*${ET_AL}?)\\s*,?\\s+${YEAR}(?:\\s*,\\s*p\\.?\\s*\\d+(?:\\s*${DASH}\\s*\\d+)?)?\\s*$`,
  'u',
);

/** Capitalized words that start a French sentence and are nobody's surname. */
const LEAD_WORDS = new Set(
  [
    'selon',
    "d'apres",
    'pour',
    'dans',
    'chez',
    'comme',
    'ainsi',
    'apres',
    'avant',
    'depuis',
    'enfin',
    'puis',
    'mais',
    'et',
    'or',
    'donc',
    'cette',
    'cet',
    'ce',
    'ces',
    'une',
    'un',
    'leur',
    'leurs',
    'notamment',
    'egalement',
    'toutefois',
    'cependant',
    'par',
    'sur',
    'avec',
    'en',
    'voir',
  ].map(nameKey),
);

/** Every reference of the output, in order: numbered, author-year, DOI, PMID and URL. */
export function extractCitations(text: string): Citation[] {
  const citations: Citation[] = findIdentifiers(text).map((id) => ({
    ...id,
    marker: text.slice(id.start, id.end),
  }));
  // One flag per character, so checking a candidate against those already found stays linear.
  const used = new Uint8Array(text.length + 1);
  const take = (start: number, end: number) => used.fill(1, start, end);
  const taken = (start: number, end: number) => used.subarray(start, end).includes(1);
  for (const c of citations) take(c.start, c.end);
  for (const match of text.matchAll(NUMBERED)) {
    const at = match.index ?? 0;
    if (taken(at, at + match[0].length)) continue;
    if (INTERVAL_BEFORE.test(text.slice(Math.max(0, at - 60), at))) continue;
    for (const item of match[0].matchAll(NUMBERED_ITEM)) {
      const a = Number(item[1]);
      const b = item[2] === undefined ? a : Number(item[2]);
      const start = at + (item.index ?? 0);
      take(start, start + item[0].length);
      citations.push({
        kind: 'number',
        from: Math.min(a, b),
        to: Math.max(a, b),
        marker: match[0],
        start,
        end: start + item[0].length,
      });
    }
  }
  citations.push(...authorYears(text, taken, take));
  return citations.sort((a, b) => a.start - b.start);
}

/** Parenthetical ones first, so "Durand (Martin, 2019)" is read as one citation of Martin. */
function authorYears(
  text: string,
  taken: (start: number, end: number) => boolean,
  take: (start: number, end: number) => void,
): Citation[] {
  const found: Citation[] = [];
  const keep = (citation: Citation) => {
    if (taken(citation.start, citation.end)) return;
    take(citation.start, citation.end);
    found.push(citation);
  };
  for (const match of text.matchAll(/\(([^()]{3,300})\)/gu)) {
    let offset = (match.index ?? 0) + 1;
    for (const part of (match[1] ?? '').split(';')) {
      const parsed = PARENTHETICAL_PART.exec(part);
      if (parsed) {
        const lead = (parsed[1] ?? '').length;
        const start = offset + lead;
        const end = offset + part.trimEnd().length;
        keep(authorYear(text, parsed[2] ?? '', parsed[4] ?? '', start, end));
      }
      offset += part.length + 1;
    }
  }
  const narratives = BRACKETED_YEAR.test(text) ? text.matchAll(NARRATIVE) : [];
  for (const match of narratives) {
    const name = match[1] ?? '';
    const alone = match[2] === undefined;
    // "l'OMS (2019)", "la HAS (2019)": an acronym alone before a year is an organisation or a word.
    if (alone && /(?:^|[\s'’])\p{Lu}{2,}$/u.test(name)) continue;
    const start = match.index ?? 0;
    keep(authorYear(text, name, match[3] ?? '', start, start + match[0].length));
  }
  return found;
}

/** Leading words the name pattern took along ("Selon Martin") are left out of the name and span. */
function authorYear(text: string, rawName: string, year: string, start: number, end: number): Citation {
  let name = rawName;
  let from = start;
  for (;;) {
    const first = /^(\S+)\s+(?=\S)/u.exec(name);
    if (!first || !LEAD_WORDS.has(nameKey(first[1] ?? ''))) break;
    name = name.slice(first[0].length);
    from += first[0].length;
  }
  return { kind: 'author-year', name, year, marker: text.slice(from, end), start: from, end };
}
