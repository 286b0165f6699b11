/**
 * Runs of digit groups ("1 84 12 75 123 456 78", "4970.1012.3456", "184122A12345678"): how
 * identifiers are written, compact or split by spaces, dots or dashes. Detectors then try every
 * stretch of whole groups, so a phone number glued to an emergency number ("le 15 06 12 …")
 * or a number followed by an age is still seen on its own.
 */

export interface DigitGroup {
  /** The group's characters: digits, and the A or B of a Corsican department after a 2. */
  text: string;
  start: number;
  end: number;
}

export interface DigitWindow {
  /** The groups' characters joined, separators dropped. */
  compact: string;
  start: number;
  end: number;
  /** Lengths of the groups the window is made of (how the number was written). */
  sizes(): number[];
}

// A group may hold "2A"/"2B" (Corsica) right after a 2; a separator is one space, dot or dash
// followed by another group. Not after a letter or "+": "F32", "+33" are not runs of their own.
const RUN = /(?<![\p{L}\p{N}+])(?:\d|(?<=2)[AB])+(?:[ \u00A0\u202F.-](?:\d|(?<=2)[AB])+)*/gu;
const GROUP = /(?:\d|(?<=2)[AB])+/gu;

/** Every run of digit groups in the text. */
export function digitRuns(text: string): DigitGroup[][] {
  const runs: DigitGroup[][] = [];
  for (const run of text.matchAll(RUN)) {
    const offset = run.index ?? 0;
    const groups: DigitGroup[] = [];
    for (const group of run[0].matchAll(GROUP)) {
      const start = offset + (group.index ?? 0);
      groups.push({ text: group[0], start, end: start + group[0].length });
    }
    runs.push(groups);
  }
  return runs;
}

/**
 * The stretches of consecutive whole groups whose joined length is between min and max
 * characters. Bounded by max, so a run of a thousand groups costs a thousand small loops.
 */
export function* windowsOf(groups: readonly DigitGroup[], min: number, max: number): Generator<DigitWindow> {
  for (let first = 0; first < groups.length; first++) {
    let compact = '';
    for (let last = first; last < groups.length; last++) {
      const group = groups[last];
      if (!group) break;
      compact += group.text;
      if (compact.length > max) break;
      if (compact.length >= min) {
        const from = first;
        const to = last;
        yield {
          compact,
          start: groups[from]?.start ?? 0,
          end: group.end,
          sizes: () => groups.slice(from, to + 1).map((chosen) => chosen.text.length),
        };
      }
    }
  }
}
