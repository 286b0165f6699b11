import { wordAlternation } from './word-alternation.js';

/**
 * Numbers written in words, in folded French or English ("deux", "vingt-quatre",
 * "quatre-vingt-dix", "twenty-one"), so that "deux comprimés" and "2 comprimés" are one figure.
 */

const VALUES: Record<string, number> = {
  zero: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  cent: 100,
  cents: 100,
  mille: 1000,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1000,
};

/** Adverbs that carry their own unit: "twice" is "2 fois". */
const TIMES_WORDS: Record<string, number> = { once: 1, twice: 2, thrice: 3 };

const WORD = wordAlternation(Object.keys(VALUES).concat(Object.keys(TIMES_WORDS)));
const RUN = new RegExp(
  `(?<![\\p{L}\\p{N}])${WORD}(?:(?: et | and |-et-|-| )${WORD})*(?![\\p{L}\\p{N}])`,
  'gu',
);
const TOKEN = new RegExp(`${WORD}(?![\\p{L}])`, 'gu');

export interface WordNumber {
  /** Offsets in the folded text. */
  start: number;
  end: number;
  value: number;
  /** The bare article "un", "une" or "one": a number only before a unit such as "semaine". */
  articleOnly: boolean;
  /** "neuf" alone is also "new": a number only before a unit. */
  needsUnit: boolean;
  /** "twice", "once": the unit is "fois". */
  times: boolean;
}

interface Building {
  start: number;
  end: number;
  total: number;
  current: number;
  last: number;
  words: string[];
}

/** Whether `word` continues the number being read, and how: the value after it, or undefined. */
function extend(building: Building, word: string, value: number, separator: string): number | undefined {
  const { current, total, last } = building;
  if (/\bet\b/.test(separator)) {
    // "vingt et un", "soixante et onze": French joins with "et" only there.
    const joins = ['un', 'une', 'onze'].includes(word) && [20, 30, 40, 50, 60].includes(current % 100);
    return joins ? total + current + value : undefined;
  }
  if (/\band\b/.test(separator)) {
    // "one hundred and five".
    return (last === 100 || last === 1000) && value < 100 ? total + current + value : undefined;
  }
  if (value === 100) {
    if (current % 100 === current && current < 100 && (current > 0 || last === 1000)) {
      return total + Math.max(current, 1) * 100;
    }
    return undefined;
  }
  if (value === 1000) return total === 0 && current > 0 ? current * 1000 : undefined;
  const tens = current % 100;
  if (last === 100 || last === 1000) return total + current + value;
  if (last === 4 && value === 20 && word.startsWith('vingt')) return total + current + 76;
  if ([20, 30, 40, 50, 70, 90].includes(tens) && value >= 1 && value <= 9) return total + current + value;
  if ([60, 80].includes(tens) && value >= 1 && value <= 19) return total + current + value;
  if (tens === 10 && last === 10 && value >= 7 && value <= 9) return total + current + value;
  return undefined;
}

function apply(building: Building, value: number): void {
  // Keep thousands apart from the hundreds still being read.
  building.total = Math.floor(value / 1000) * 1000;
  building.current = value - building.total;
}

/** Every number written in words in folded text, each with its offsets. */
export function findWordNumbers(folded: string): WordNumber[] {
  const found: WordNumber[] = [];
  RUN.lastIndex = 0;
  for (let run = RUN.exec(folded); run; run = RUN.exec(folded)) {
    const runStart = run.index;
    const runText = run[0];
    // Most runs are one word ("une", "two"): read without splitting the run into its words.
    const times = TIMES_WORDS[runText];
    if (times !== undefined) {
      found.push(timesNumber(runStart, runText, times));
      continue;
    }
    const single = VALUES[runText];
    if (single !== undefined) {
      found.push(wordNumber(runStart, runStart + runText.length, single, runText));
      continue;
    }
    let building: Building | undefined;
    let previousEnd = runStart;
    const flush = () => {
      if (building) found.push(finish(building));
      building = undefined;
    };
    TOKEN.lastIndex = 0;
    for (let token = TOKEN.exec(runText); token; token = TOKEN.exec(runText)) {
      const start = runStart + token.index;
      const word = token[0];
      const separator = folded.slice(previousEnd, start);
      previousEnd = start + word.length;
      const times = TIMES_WORDS[word];
      if (times !== undefined) {
        flush();
        found.push(timesNumber(start, word, times));
        continue;
      }
      const value = VALUES[word] ?? 0;
      const next = building ? extend(building, word, value, separator) : undefined;
      if (building && next !== undefined) {
        apply(building, next);
        building.end = start + word.length;
        building.last = value;
        building.words.push(word);
        continue;
      }
      flush();
      building = { start, end: start + word.length, total: 0, current: 0, last: value, words: [word] };
      apply(building, value);
    }
    flush();
  }
  return found;
}

function timesNumber(start: number, word: string, value: number): WordNumber {
  return { start, end: start + word.length, value, articleOnly: false, needsUnit: false, times: true };
}

function finish(building: Building): WordNumber {
  const single = building.words.length === 1 ? building.words[0] : undefined;
  return wordNumber(building.start, building.end, building.total + building.current, single);
}

/** A number of one word (`single`) or more. */
function wordNumber(start: number, end: number, value: number, single: string | undefined): WordNumber {
  return {
    start,
    end,
    value,
    articleOnly: single === 'un' || single === 'une' || single === 'one',
    needsUnit: single === 'neuf',
    times: false,
  };
}

const WORD_ORDINAL =
  /(?<![\p{L}\p{N}])(premier|premiere|second|seconde|deuxieme|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme|neuvieme|dixieme|first|third|fourth|fifth)(?![\p{L}\p{N}])/gu;
const ORDINAL_PARTS = ['premi', 'second', 'ieme', 'first', 'third', 'fourth', 'fifth'];
const ORDINAL_VALUES: Record<string, number> = {
  premier: 1,
  premiere: 1,
  first: 1,
  second: 2,
  seconde: 2,
  deuxieme: 2,
  troisieme: 3,
  third: 3,
  quatrieme: 4,
  fourth: 4,
  cinquieme: 5,
  fifth: 5,
  sixieme: 6,
  septieme: 7,
  huitieme: 8,
  neuvieme: 9,
  dixieme: 10,
};

/** Every ordinal written in words in folded text ("troisième", "first"), with its offsets and value. */
export function findWordOrdinals(folded: string): Array<{ start: number; end: number; value: number }> {
  // Each ordinal word holds one of these: most texts hold none, and the pattern tries every position.
  if (!ORDINAL_PARTS.some((part) => folded.includes(part))) return [];
  const found: Array<{ start: number; end: number; value: number }> = [];
  // exec on the one pattern: matchAll would copy it at each call.
  WORD_ORDINAL.lastIndex = 0;
  for (let match = WORD_ORDINAL.exec(folded); match; match = WORD_ORDINAL.exec(folded)) {
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      value: ORDINAL_VALUES[match[1] ?? ''] ?? 0,
    });
  }
  return found;
}
