import type { Quantity } from '../numbers/extract.js';
import { HOURS } from '../numbers/normalize-units.js';

// "14:30", "2:30 pm", "2 p.m.": the ways a translation may write a French "14 h 30", which the
// numbers extractor reads as 14.5 hours. Written as hours too, they compare with it.
const CLOCK = /(?<![\d.,:])(\d{1,2})(?::([0-5]\d)(?!\d)(?: ?([ap])\.? ?m\b\.?)?| ?([ap])\.? ?m\b\.?)/giu;

/** Clock times written with a colon or am/pm, as quantities in hours of the day. */
export function clockTimes(text: string): Quantity[] {
  const times: Quantity[] = [];
  // exec on the one pattern: matchAll would copy it at each call.
  CLOCK.lastIndex = 0;
  for (let match = CLOCK.exec(text); match; match = CLOCK.exec(text)) {
    let hours = Number(match[1]);
    const minutes = match[2] === undefined ? 0 : Number(match[2]);
    const half = (match[3] ?? match[4])?.toLowerCase();
    if (half !== undefined) {
      if (hours < 1 || hours > 12) continue;
      hours = (hours % 12) + (half === 'p' ? 12 : 0);
    } else if (hours > 23) continue;
    const start = match.index ?? 0;
    const end = start + match[0].length;
    times.push({ start, end, text: text.slice(start, end), values: [hours + minutes / 60], unit: HOURS });
  }
  return times;
}
