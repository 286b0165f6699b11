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
          const found = fact.flatMap((variant) => findAll(output, normalize(foldWithOffsets(variant)).text));
          if (found.length === 0) missing.push(fact);
          spans.push(
            ...found.map((range) => ({ ...originalRange(output, range.start, range.end), label: 'fact' })),
          );
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

// Unicode folding keeps them whole, while French writes "cœur" and "coeur" alike.
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae' };

/**
 * Folded text with number formats made one: thousands separators dropped ("1 240", "1.240"),
 * decimal point made a comma ("6.1" → "6,1"), no space before % or ‰, ligatures spelled out.
 * Keeps the map to the original, so a fact found can be highlighted.
 */
function normalize(folded: FoldedText): FoldedText {
  const { text, origin } = folded;
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const before = text.slice(Math.max(0, i - 4), i);
    const after = text.slice(i + 1, i + 5);
    const digitBefore = /\d$/.test(before);
    // A group of three digits after one to three: "1 240", "1.240" (not "2021 300").
    const thousands = /(?:^|[^\d.,])\d{1,3}$/.test(before) && /^\d{3}(?!\d)/.test(after);
    if (char === ' ' && digitBefore && (thousands || /^[%‰]/.test(after))) continue;
    if (char === '.' && thousands) continue;
    const written = char === '.' && digitBefore && /^\d/.test(after) ? ',' : (LIGATURES[char] ?? char);
    for (const piece of written) {
      out += piece;
      map.push(origin[i] ?? 0);
    }
  }
  map.push(origin[text.length] ?? 0);
  return { text: out, origin: map };
}

/** Every whole-word occurrence: "un tiers" is not found in "aucun tiers", nor "52 %" in "152 %". */
function findAll(haystack: FoldedText, needle: string): Array<{ start: number; end: number }> {
  const target = needle.trim();
  if (target === '') return [];
  const found: Array<{ start: number; end: number }> = [];
  const text = haystack.text;
  for (let at = text.indexOf(target); at !== -1; at = text.indexOf(target, at + 1)) {
    const end = at + target.length;
    const wordy = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
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

function describe(fact: Fact): string {
  return fact
    .map((variant) => JSON.stringify(variant.length > 60 ? `${variant.slice(0, 57)}…` : variant))
    .join(' | ');
}
