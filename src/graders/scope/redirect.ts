import { matchesOf } from '../pii/matches.js';
import { foldWithOffsets, originalRange } from '../text/normalize.js';
import type { Span } from '../types.js';
import { DISMISSED_BEFORE } from './markers.js';

/**
 * Every place the output sends the reader to someone (a professional, an emergency line) or
 * declines, as spans of the output; a redirect the answer takes back ("pas besoin de consulter
 * un médecin", "n'appelez pas le 15") does not count. The pattern must be global.
 */
export function redirectSpans(output: string, pattern: RegExp): Span[] {
  const folded = foldWithOffsets(output);
  const spans: Span[] = [];
  for (const match of matchesOf(pattern, folded.text)) {
    const at = match.index ?? 0;
    if (match[0] === '' || DISMISSED_BEFORE.test(folded.text.slice(Math.max(0, at - 60), at))) continue;
    spans.push({ ...originalRange(folded, at, at + match[0].length), label: 'redirect' });
  }
  return spans;
}
