/**
 * Runs of digit groups ("1 84 12 75 123 456 78", "4970.1012.3456", "184122A12345678"): how
 * identifiers are written, compact or split by spaces, dots or dashes. Detectors then try every
 * stretch of whole groups, so a phone number glued to an emergency number ("le 15 06 12 …")
 * or a number followed by an age is still seen on its own.
 */
import { matchesOf } from '../matches.js';

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
// A run opens on a digit (an A or B would need a 2 before it, which the lookbehind rules out):
// written first, it lets the search skip to digits, four times faster than (?:\d|(?<=2)[AB])+.
const RUN = /(?<![\p{L}\p{N}+])\d(?:\d|(?<=2)[AB])*(?:[ \u00A0\u202F.-](?:\d|(?<=2)[AB])+)*/gu;

/** Every run of digit groups in the text. */
export function digitRuns(text: string): DigitGroup[][] {
  const runs: DigitGroup[][] = [];
  for (const run of matchesOf(RUN, text)) {
    // A run is groups with one separator between each two: its groups are what the separators
    // leave (cut here rather than by a second pattern over every run).
    const offset = run.index;
    const chars = run[0];
    const groups: DigitGroup[] = [];
    let from = 0;
    for (let i = 0; i <= chars.length; i++) {
      if (i < chars.length && !isSeparator(chars.charCodeAt(i))) continue;
      groups.push({ text: chars.slice(from, i), start: offset + from, end: offset + i });
      from = i + 1;
    }
    runs.push(groups);
  }
  return runs;
}

/** The separators of RUN: a space (plain, no-break or narrow no-break), a dot or a dash. */
function isSeparator(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x202f || code === 0x2e || code === 0x2d;
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
          sizes() {
            return groups.slice(from, to + 1).map((chosen) => chosen.text.length);
          },
        };
      }
    }
  }
}
