/**
 * What a match of a simple pattern may start with, read from the pattern itself, so that a
 * caller can skip the patterns that cannot match where it looks. Simple: literal characters,
 * escaped punctuation, (?:…|…) groups and the ? quantifier; on anything else it gives up.
 */

/**
 * The first `length` UTF-16 units of the matches of `pattern`, or the whole match when it is
 * shorter; undefined when the pattern is not simple.
 */
export function prefixes(pattern: string, length: number): Set<string> | undefined {
  const found = new Set<string>();
  const alternatives = split(pattern);
  if (!alternatives) return undefined;
  for (const alternative of alternatives) {
    const heads = sequencePrefixes(alternative, length);
    if (!heads) return undefined;
    for (const head of heads) found.add(head);
  }
  return found;
}

/** The top-level alternatives of a pattern, or undefined when its parentheses do not pair. */
function split(pattern: string): string[] | undefined {
  const alternatives: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return undefined;
    else if (char === '|' && depth === 0) {
      alternatives.push(pattern.slice(from, i));
      from = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  alternatives.push(pattern.slice(from));
  return alternatives;
}

function sequencePrefixes(sequence: string, length: number): Set<string> | undefined {
  if (length === 0 || sequence === '') return new Set(['']);
  const element = firstElement(sequence, length);
  if (!element) return undefined;
  const found = new Set<string>();
  const follow = (heads: Iterable<string>) => {
    for (const head of heads) {
      if (head.length >= length) {
        found.add(head.slice(0, length));
        continue;
      }
      const tails = sequencePrefixes(element.rest, length - head.length);
      if (!tails) return false;
      for (const tail of tails) found.add(head + tail);
    }
    return true;
  };
  if (!follow(element.heads)) return undefined;
  // An optional element may be left out: the match starts with what follows it.
  if (element.optional && !follow([''])) return undefined;
  return found;
}

const ESCAPED_PUNCTUATION = /^[$.()[\]{}?*+|^\\/-]$/;
const SPECIAL = /^[.()[\]{}?*+|^$\\]/;

function firstElement(
  sequence: string,
  length: number,
): { heads: Set<string>; rest: string; optional: boolean } | undefined {
  let heads: Set<string> | undefined;
  let rest: string;
  if (sequence.startsWith('(?:')) {
    let depth = 0;
    let close = 0;
    for (; close < sequence.length; close++) {
      if (sequence[close] === '\\') close++;
      else if (sequence[close] === '(') depth++;
      else if (sequence[close] === ')' && --depth === 0) break;
    }
    if (close >= sequence.length) return undefined;
    heads = prefixes(sequence.slice(3, close), length);
    rest = sequence.slice(close + 1);
  } else if (sequence[0] === '\\' && ESCAPED_PUNCTUATION.test(sequence[1] ?? '')) {
    heads = new Set([sequence[1] as string]);
    rest = sequence.slice(2);
  } else if (!SPECIAL.test(sequence)) {
    heads = new Set([sequence[0] as string]);
    rest = sequence.slice(1);
  } else return undefined;
  if (!heads) return undefined;
  if (/^[*+{]|^\?\?/.test(rest)) return undefined;
  const optional = rest.startsWith('?');
  return { heads, rest: optional ? rest.slice(1) : rest, optional };
}
