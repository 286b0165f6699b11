import { type FoldedText, foldWithOffsets, originalRange } from './text/normalize.js';
import { type GradeInput, type GraderDefinition, GraderError, type Span } from './types.js';

export interface KeyFactsConfig {
  /** Share of the facts that must be found to pass; default 1 (all). */
  minShare?: number;
}

/** A fact and the other ways of writing it that also count: ["un tiers", "33 %"]. */
type Fact = string[];

/**
 * The facts a case lists in `expect.facts` are in the output, whatever the case, accents,
 * spacing or number format: "1 240", "1240" and "1 240" are one fact, as are "6,1" and "6.1".
 * Each item is a string or a list of accepted variants.
 */
export const keyFacts: GraderDefinition<KeyFactsConfig> = {
  description:
    'The facts listed in expect.facts (each a string or a list of variants) are in the output, ignoring case, accents, spacing and number format.',
  catches: ['drop-key-fact'],
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { minShare: { type: 'number', minimum: 0, maximum: 1 } },
  },
  create(id, config) {
    const minShare = config.minShare ?? 1;
    return {
      id,
      type: 'key-facts',
      grade(input) {
        const facts = factsOf(input, id);
        const output = normalize(foldWithOffsets(input.output));
        const spans: Span[] = [];
        const missing: Fact[] = [];
        for (const fact of facts) {
          let found = false;
          for (const variant of fact) {
            for (const range of findAll(output, normalize(foldWithOffsets(variant)).text)) {
              found = true;
              const { start, end } = originalRange(output, range.start, range.end);
              spans.push({ start, end, label: 'fact' });
            }
          }
          if (!found) missing.push(fact);
        }
        const score = (facts.length - missing.length) / facts.length;
        const pass = score >= minShare;
        return {
          pass,
          score,
          reason:
            missing.length === 0
              ? `all ${facts.length} facts found`
              : `found ${facts.length - missing.length}/${facts.length}; missing: ${missing.map(describe).join(', ')}`,
          spans,
        };
      },
    };
  },
};

function factsOf(input: GradeInput, id: string): Fact[] {
  const value = input.case.expect.facts;
  const list = Array.isArray(value) ? value : value === undefined || value === null ? undefined : [value];
  if (!list || list.length === 0) {
    throw new GraderError(`grader "${id}" needs the facts to find: give the case "expect.facts" (a list)`);
  }
  return list.map((item) => {
    const variants = Array.isArray(item) ? item : [item];
    const texts = variants.filter((variant) => typeof variant === 'string' || typeof variant === 'number');
    if (
      texts.length === 0 ||
      texts.length !== variants.length ||
      texts.some((text) => String(text).trim() === '')
    ) {
      throw new GraderError(
        `grader "${id}": each item of expect.facts must be a non-empty string or a list of them`,
      );
    }
    return texts.map(String);
  });
}

const SPACE = 0x20;
const DOT = 0x2e;
const COMMA = 0x2c;

/**
 * Folded text with number formats made one: thousands separators dropped ("1 240", "1.240"),
 * decimal point made a comma ("6.1" → "6,1"), no space before % or ‰, ligatures spelled out.
 * Keeps the map to the original, so a fact found can be highlighted. Only spaces, dots and
 * ligatures change: the text is copied in runs between them, and the map is the folded text's
 * until the first change.
 */
function normalize(folded: FoldedText): FoldedText {
  const { text, origin } = folded;
  const length = text.length;
  let map: number[] | undefined;
  let out = '';
  let copiedTo = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let written: string | undefined;
    if (code === SPACE) {
      const next = text.charCodeAt(i + 1);
      const percent = next === 0x25 || next === 0x2030;
      if (isDigit(text.charCodeAt(i - 1)) && (percent || thousands(text, i))) written = '';
    } else if (code === DOT) {
      if (thousands(text, i)) written = '';
      else if (isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) written = ',';
    } else if (code === 0x153 || code === 0xe6) {
      // Unicode folding keeps "œ" and "æ" whole, while French writes "cœur" and "coeur" alike.
      written = code === 0x153 ? 'oe' : 'ae';
    }
    if (written === undefined) {
      map?.push(origin[i] ?? 0);
      continue;
    }
    if (!map) {
      map = [];
      for (let unit = 0; unit < i; unit++) map.push(origin[unit] ?? 0);
    }
    out += text.slice(copiedTo, i) + written;
    copiedTo = i + 1;
    for (let unit = 0; unit < written.length; unit++) map.push(origin[i] ?? 0);
  }
  if (!map) return folded;
  out += text.slice(copiedTo);
  map.push(origin[length] ?? 0);
  return { text: out, origin: map };
}

/**
 * Whether the character at `at` sits between a group of one to three digits (the whole number
 * so far: "1 240", not "2021 300", nor the decimals of "6,125 300") and a group of exactly three.
 */
function thousands(text: string, at: number): boolean {
  let digits = 0;
  while (digits < 4 && isDigit(text.charCodeAt(at - 1 - digits))) digits++;
  if (digits === 0 || digits > 3) return false;
  const before = text.charCodeAt(at - 1 - digits);
  if (before === DOT || before === COMMA) return false;
  return (
    isDigit(text.charCodeAt(at + 1)) &&
    isDigit(text.charCodeAt(at + 2)) &&
    isDigit(text.charCodeAt(at + 3)) &&
    !isDigit(text.charCodeAt(at + 4))
  );
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Every whole-word occurrence: "un tiers" is not found in "aucun tiers", nor "52 %" in "152 %". */
function findAll(haystack: FoldedText, needle: string): Array<{ start: number; end: number }> {
  const target = needle.trim();
  if (target === '') return [];
  const found: Array<{ start: number; end: number }> = [];
  const text = haystack.text;
  for (let at = text.indexOf(target); at !== -1; at = text.indexOf(target, at + 1)) {
    const end = at + target.length;
    // "1 %" must not match the decimals of "6,1 %" either.
    const openStart =
      (wordy(target[0]) && wordy(text[at - 1])) ||
      (/\d/.test(target[0] ?? '') && /\d[.,]$/.test(text.slice(Math.max(0, at - 2), at)));
    const openEnd = wordy(target[target.length - 1]) && wordy(text[end]);
    // "6,1" must not match inside "6,15" either.
    const decimalGoesOn =
      /\d/.test(target[target.length - 1] ?? '') && /^[.,]\d/.test(text.slice(end, end + 2));
    if (!openStart && !openEnd && !decimalGoesOn) found.push({ start: at, end });
  }
  return found;
}

const WORDY = /[\p{L}\p{N}]/u;

function wordy(char: string | undefined): boolean {
  return char !== undefined && WORDY.test(char);
}

function describe(fact: Fact): string {
  return fact
    .map((variant) => JSON.stringify(variant.length > 60 ? `${variant.slice(0, 57)}…` : variant))
    .join(' | ');
}
