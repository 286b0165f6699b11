/**
 * The n-grams two sequences share, order after order, for chrF++ (chrf.ts), without building a
 * string per n-gram: items (characters, words) are integer ids, and an n-gram's id is the id
 * of the pair (its first n-1 items' id, its last item). An n-gram only one text has cannot
 * start a longer one both have, so each order only extends the n-grams still shared.
 */

/** The n-gram counts of one order: in the hypothesis, in the reference, and shared by both. */
export interface OrderStatistics {
  hyp: number;
  ref: number;
  match: number;
}

/** An n-gram only one text has. */
const UNSHARED = -1;

// Scratch tables shared by every call and zeroed again after each use: counting runs
// synchronously, and fresh zeroed tables per call would cost about as much as the counting.
let pairTable: Int32Array = new Int32Array(1 << 12);
let inReference: Int32Array = new Int32Array(1 << 10);
let matched: Int32Array = new Int32Array(1 << 10);
let renumbered: Int32Array = new Int32Array(1 << 10);
/** The pair each id of the current order was given for, to zero pairTable again. */
let numbered: Int32Array = new Int32Array(1 << 10);
/** The pairs a PairNumbers gave ids to, and the n-gram ids of ngramStatistics. */
let pairsNumbered: Int32Array = new Int32Array(1 << 10);
let gramIds: Int32Array = new Int32Array(1 << 10);
/** Above this many possible pairs, pairs are numbered in a Map rather than a table (16 MB). */
const MAX_PAIR_TABLE = 1 << 22;

/**
 * `table` if it holds `size` items, else a larger zeroed one. A grader's texts are a few hundred
 * characters: allocating each call's arrays cost about a tenth of chrF++ (1–3 µs each).
 */
export function grown(table: Int32Array, size: number): Int32Array {
  if (table.length >= size) return table;
  let length = table.length;
  while (length < size) length *= 2;
  return new Int32Array(length);
}

/**
 * Numbers the distinct pairs (first below `firsts`, second below `seconds`, at most `most` of
 * them) from 1 in order of appearance, in the shared table of firsts × seconds or, were that
 * too large, a Map. One at a time, and not while countOrder runs: `release` zeroes the table.
 */
export class PairNumbers {
  size = 0;
  private readonly seconds: number;
  private readonly table: Int32Array;
  private readonly pairs: Int32Array;
  private readonly map: Map<number, number> | undefined;

  constructor(firsts: number, seconds: number, most: number) {
    this.seconds = seconds;
    if (firsts * seconds > MAX_PAIR_TABLE) this.map = new Map();
    else pairTable = grown(pairTable, firsts * seconds);
    this.table = pairTable;
    if (!this.map) pairsNumbered = grown(pairsNumbered, most);
    this.pairs = pairsNumbered;
  }

  id(first: number, second: number): number {
    const pair = first * this.seconds + second;
    if (this.map) {
      let id = this.map.get(pair);
      if (id === undefined) {
        id = ++this.size;
        this.map.set(pair, id);
      }
      return id;
    }
    let id = this.table[pair] as number;
    if (id === 0) {
      id = ++this.size;
      this.table[pair] = id;
      this.pairs[id - 1] = pair;
    }
    return id;
  }

  release(): void {
    if (this.map) return;
    for (let i = 0; i < this.size; i++) this.table[this.pairs[i] as number] = 0;
  }
}

/**
 * Counts order `n`: the n-grams starting at [0, hypCount) (hypothesis) and [refStart, refEnd)
 * (reference), given the ids of the (n-1)-grams starting there (below `shared`, or UNSHARED),
 * or for n = 1 the items' own ids (below `itemCount`). A hypothesis n-gram matches at most as
 * many times as the reference has it. Leaves in `grams` the ids of the n-grams both texts have,
 * renumbered from 0, and UNSHARED for the others; returns how many are shared.
 */
function countOrder(
  grams: Int32Array,
  items: Int32Array,
  n: number,
  hypCount: number,
  refStart: number,
  refEnd: number,
  itemCount: number,
  shared: number,
  statistics: OrderStatistics[],
): number {
  const extending = n > 1;
  const bound = extending ? refEnd - refStart : itemCount;
  inReference = grown(inReference, bound);
  matched = grown(matched, bound);
  renumbered = grown(renumbered, bound);
  const inRef = inReference;
  const used = matched;
  const renumber = renumbered;
  // The pair (prefix id, last item) of an n-gram indexes a table, or a Map were it too large.
  const map = extending && shared * itemCount > MAX_PAIR_TABLE ? new Map<number, number>() : undefined;
  if (extending && !map) {
    pairTable = grown(pairTable, shared * itemCount);
    numbered = grown(numbered, bound);
  }
  const table = pairTable;
  const pairs = numbered;
  let distinct = extending ? 0 : itemCount;
  const last = n - 1;
  for (let i = refStart; i < refEnd; i++) {
    let id = grams[i] as number;
    if (id === UNSHARED) continue;
    if (extending) {
      const pair = id * itemCount + (items[i + last] as number);
      id = (map ? (map.get(pair) ?? 0) : (table[pair] as number)) - 1;
      if (id === -1) {
        id = distinct++;
        if (map) map.set(pair, distinct);
        else {
          table[pair] = distinct;
          pairs[id] = pair;
        }
      }
      grams[i] = id;
    }
    inRef[id] = (inRef[id] as number) + 1;
  }
  let match = 0;
  let kept = 0;
  for (let i = 0; i < hypCount; i++) {
    let id = grams[i] as number;
    if (id === UNSHARED) continue;
    if (extending) {
      const pair = id * itemCount + (items[i + last] as number);
      // A pair the reference lacks has no id: that n-gram cannot match.
      id = (map ? (map.get(pair) ?? 0) : (table[pair] as number)) - 1;
    }
    const available = id === -1 ? 0 : (inRef[id] as number);
    if (available === 0) {
      grams[i] = UNSHARED;
      continue;
    }
    const times = used[id] as number;
    if (times < available) {
      used[id] = times + 1;
      match++;
    }
    let next = renumber[id] as number;
    if (next === 0) {
      next = ++kept;
      renumber[id] = next;
    }
    grams[i] = next - 1;
  }
  // An id the hypothesis lacks was not renumbered: 0 - 1 is UNSHARED.
  for (let i = refStart; i < refEnd; i++) {
    const id = grams[i] as number;
    if (id !== UNSHARED) grams[i] = (renumber[id] as number) - 1;
  }
  // sacrebleu does not count the hypothesis's n-grams of an order the reference has none of.
  const refCount = refEnd - refStart;
  statistics.push({ hyp: refCount > 0 ? hypCount : 0, ref: refCount, match });
  if (extending && !map) for (let id = 0; id < distinct; id++) table[pairs[id] as number] = 0;
  inRef.fill(0, 0, distinct);
  used.fill(0, 0, distinct);
  renumber.fill(0, 0, distinct);
  return kept;
}

/**
 * The counts of orders 1..maxOrder over item ids below `itemCount`: the hypothesis's are
 * `items` [0, hypLength), the reference's the rest.
 */
export function ngramStatistics(
  items: Int32Array,
  hypLength: number,
  itemCount: number,
  maxOrder: number,
): OrderStatistics[] {
  const refLength = items.length - hypLength;
  gramIds = grown(gramIds, items.length);
  const grams = gramIds;
  grams.set(items);
  const statistics: OrderStatistics[] = [];
  let shared = itemCount;
  for (let n = 1; n <= maxOrder; n++) {
    const hypCount = Math.max(0, hypLength - n + 1);
    const refEnd = hypLength + Math.max(0, refLength - n + 1);
    shared = countOrder(grams, items, n, hypCount, hypLength, refEnd, itemCount, shared, statistics);
  }
  return statistics;
}
