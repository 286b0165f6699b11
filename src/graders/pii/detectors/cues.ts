/**
 * Cue words: what a writer puts just before a number to say what it is. A nine-digit number is
 * an ADELI after "ADELI" and an institution's FINESS after "FINESS"; only the nearest cue counts,
 * so "FINESS de l'établissement : …" next to an ADELI further back is still a FINESS.
 */
import { matchesOf } from '../matches.js';

export type CueKind = 'nir' | 'ins' | 'rpps' | 'adeli' | 'card' | 'not-personal';

const CUES: ReadonlyArray<{ kind: CueKind; pattern: RegExp }> = [
  // "INS" in capitals only: the lower-case letters occur inside ordinary words.
  { kind: 'ins', pattern: /(?<![\p{L}\p{N}])INS(?:-?NIR|-?C)?(?![\p{L}])/gu },
  { kind: 'ins', pattern: /identit[ée] nationale de sant[ée]|matricule\s+ins/giu },
  {
    kind: 'nir',
    pattern:
      /(?<![\p{L}])(?:NIR|NIA|n°\s*SS|s[ée]curit[ée]\s+sociale|s[ée]cu|carte\s+vitale|assur[ée]\s+social|insee)(?![\p{L}])/giu,
  },
  { kind: 'rpps', pattern: /(?<![\p{L}])RPPS(?![\p{L}])/giu },
  { kind: 'adeli', pattern: /(?<![\p{L}])ADELI(?![\p{L}])/giu },
  {
    kind: 'card',
    pattern:
      /carte\s+(?:bancaire|bleue|de\s+cr[ée]dit|de\s+paiement)|(?<![\p{L}])(?:CB|visa|mastercard|amex|credit\s+card)(?![\p{L}])/giu,
  },
  {
    // Numbers of institutions, products and publications, never of a person.
    kind: 'not-personal',
    pattern:
      /(?<![\p{L}])(?:FINESS(?:\s+(?:EJ|ET|EG))?|SIRE[NT]|CIP(?:\s?1?3|\s?7)?|UCD|EAN(?:\s?13)?|GTIN|AMM|ISBN|ISSN|PMID|DOI|NCT|EudraCT|lot|code[-\s]barres?)(?![\p{L}])/giu,
  },
];

/** How far back (in characters) a cue still speaks of the number that follows. */
export const CUE_REACH = 50;

/** The cue closest before `start`, within CUE_REACH characters, or undefined. */
export function cueBefore(text: string, start: number): CueKind | undefined {
  const from = Math.max(0, start - CUE_REACH);
  const window = text.slice(from, start);
  let best: { kind: CueKind; end: number } | undefined;
  for (const { kind, pattern } of CUES) {
    for (const match of matchesOf(pattern, window)) {
      const end = (match.index ?? 0) + match[0].length;
      if (!best || end > best.end) best = { kind, end };
    }
  }
  return best?.kind;
}
