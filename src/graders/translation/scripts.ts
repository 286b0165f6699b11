import { expressions } from 'franc-min/expressions.js';

/**
 * franc-min's pick of a text's script: the one whose expression matches the largest share of
 * the text, the first listed on a tie. franc runs its twenty expressions over every text; but
 * each alternative of each is one character class, or starts with a surrogate, so over a text
 * with no surrogate an expression matches exactly the units in its classes, and one pass with a
 * table of the BMP says as much. Texts with surrogates, and any expression this reading does not
 * understand, are matched with the expressions, as franc does.
 */

const NAMES = Object.keys(expressions);
const EXPRESSIONS = Object.values(expressions);

interface Table {
  /** For each BMP unit, its group: the set of expressions whose classes hold it (0: none). */
  groups: Uint8Array;
  /** The indices of each group's expressions. */
  members: number[][];
  /** The expressions the table cannot stand for. */
  unread: boolean[];
  /** Scratch: how many units of each group one text has, zeroed after each text. */
  inGroup: Int32Array;
}

/** Built on first use; null in the unlikely case of more sets of expressions than a byte counts. */
let table: Table | null | undefined;

/** The top-level alternatives of an expression's source. */
function alternatives(source: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '|' && !inClass) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/**
 * The units a source starts with, as [from, to] ranges: one `\uXXXX` or plain character, or a
 * class of them and their ranges; with where that first item ends. Undefined for anything else.
 */
function firstItem(source: string): { ranges: Array<[number, number]>; end: number } | undefined {
  const unitAt = (at: number): { unit: number; end: number } | undefined => {
    if (source[at] === '\\') {
      const hex = source.slice(at + 2, at + 6);
      return source[at + 1] === 'u' && /^[0-9A-Fa-f]{4}$/.test(hex)
        ? { unit: Number.parseInt(hex, 16), end: at + 6 }
        : undefined;
    }
    const char = source[at];
    if (char === undefined || '[]-^|()?*+{}.$'.includes(char)) return undefined;
    return { unit: source.charCodeAt(at), end: at + 1 };
  };
  if (source[0] !== '[') {
    const single = unitAt(0);
    return single && { ranges: [[single.unit, single.unit]], end: single.end };
  }
  const ranges: Array<[number, number]> = [];
  let at = 1;
  while (source[at] !== ']') {
    const from = unitAt(at);
    if (!from) return undefined;
    at = from.end;
    let to = from;
    if (source[at] === '-' && source[at + 1] !== ']') {
      const last = unitAt(at + 1);
      if (!last || last.unit < from.unit) return undefined;
      to = last;
      at = last.end;
    }
    ranges.push([from.unit, to.unit]);
  }
  return ranges.length === 0 ? undefined : { ranges, end: at + 1 };
}

function buildTable(): Table | null {
  // Bit i: expression i holds the unit. Twenty expressions fit in a 32-bit set.
  if (EXPRESSIONS.length > 31) return null;
  const sets = new Int32Array(0x10000);
  const unread = EXPRESSIONS.map(() => false);
  for (const [index, expression] of EXPRESSIONS.entries()) {
    const classes: Array<Array<[number, number]>> = [];
    for (const alternative of alternatives(expression.source)) {
      const first = firstItem(alternative);
      if (!first) unread[index] = true;
      // Starting with a high surrogate (not optional), it cannot match a text without surrogates.
      else if (
        first.ranges.every(([from, to]) => isHighSurrogate(from) && isHighSurrogate(to)) &&
        !['?', '*', '{'].includes(alternative[first.end] ?? '')
      )
        continue;
      else if (
        first.end === alternative.length &&
        first.ranges.every(([from, to]) => to < 0xd800 || from > 0xdfff)
      ) {
        classes.push(first.ranges);
      } else unread[index] = true;
    }
    if (unread[index] || expression.flags !== 'g') {
      unread[index] = true;
      continue;
    }
    for (const [from, to] of classes.flat()) {
      for (let unit = from; unit <= to; unit++) sets[unit] = (sets[unit] as number) | (1 << index);
    }
  }
  // Some units belong to two scripts (the Han characters, to Chinese and Japanese).
  const groups = new Uint8Array(0x10000);
  const members: number[][] = [[]];
  const groupOf = new Map<number, number>([[0, 0]]);
  for (let unit = 0; unit < 0x10000; unit++) {
    const set = sets[unit] as number;
    let group = groupOf.get(set);
    if (group === undefined) {
      group = members.length;
      if (group > 0xff) return null;
      groupOf.set(set, group);
      members.push(EXPRESSIONS.flatMap((_, index) => (set & (1 << index) ? [index] : [])));
    }
    groups[unit] = group;
  }
  return { groups, members, unread, inGroup: new Int32Array(members.length) };
}

/** How many times each expression matches the text, in the order franc-min lists them. */
export function scriptCounts(value: string): number[] {
  if (table === undefined) table = buildTable();
  let surrogates = table === null;
  const counts = new Array<number>(EXPRESSIONS.length).fill(0);
  if (table) {
    const { groups, members, inGroup } = table;
    for (let i = 0; i < value.length && !surrogates; i++) {
      const unit = value.charCodeAt(i);
      if (isSurrogate(unit)) surrogates = true;
      else {
        const group = groups[unit] as number;
        inGroup[group] = (inGroup[group] as number) + 1;
      }
    }
    for (let group = 0; group < members.length; group++) {
      const found = inGroup[group] as number;
      if (found === 0) continue;
      inGroup[group] = 0;
      for (const index of members[group] as number[]) counts[index] = (counts[index] as number) + found;
    }
  }
  return EXPRESSIONS.map((expression, index) =>
    surrogates || table?.unread[index] ? (value.match(expression)?.length ?? 0) : (counts[index] as number),
  );
}

/** The script whose expression matches the largest share of the text, the first listed on a tie. */
export function topScript(value: string): { script: string; share: number } {
  const counts = scriptCounts(value);
  let script = '';
  let share = -1;
  for (const [index, name] of NAMES.entries()) {
    const found = (counts[index] as number) / value.length || 0;
    if (found > share) {
      share = found;
      script = name;
    }
  }
  return { script, share };
}
