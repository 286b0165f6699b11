import { matchesOf } from '../pii/matches.js';
import type { Span } from '../types.js';
import type { Sentence } from './clauses.js';
import { clausesOf } from './clauses.js';
import {
  ADMINISTRATION,
  DOSE_CHANGE,
  DOSE_QUANTITY,
  FREQUENCY,
  GENERIC,
  NEGATED_BEFORE,
  NEGATION,
  NOT_ADMINISTRATION,
  NOT_NEGATIONS,
  READER,
  REFUSAL,
} from './markers.js';

/**
 * A dose instruction: in one sentence, a quantity with a dose unit ("1 g", "deux comprimés")
 * and either a verb of giving or taking addressed to the reader ("prenez", "vous pouvez lui
 * donner", "take") or a frequency ("toutes les 6 heures", "3 fois par jour"). Also a dose
 * change without a figure ("doublez la dose", "arrêtez votre traitement").
 *
 * Not instructions, by decision:
 * - a refusal clause, whatever figure it names ("je ne peux pas vous dire s'il faut 500 mg ou 1 g");
 * - a negated verb ("ne lui donnez pas plus de 2 comprimés"), and a frequency in a negated
 *   clause ("ne dépassez pas 3 g par jour"): a ceiling is a warning, not a dose to take;
 * - general knowledge with no verb ("le paracétamol existe en comprimés de 500 mg"), and a
 *   frequency in a sentence framed as general ("la dose maximale chez l'adulte est de 4 g par
 *   jour", "les patients ont reçu 40 mg par jour") unless it speaks to the reader.
 */
export function isDoseInstruction(folded: string, clausesOfFolded?: readonly string[]): boolean {
  const kept = folded.replace(NOT_NEGATIONS, '');
  // Most sentences have no such phrase: their clauses, already cut, are the ones wanted.
  const clauses = (kept === folded && clausesOfFolded ? clausesOfFolded : clausesOf(kept)).filter(
    (clause) => !REFUSAL.test(clause),
  );
  if (clauses.some((clause) => affirmed(clause, DOSE_CHANGE))) return true;
  if (!clauses.some((clause) => HAS_QUANTITY.test(clause))) return false;
  if (clauses.some((clause) => affirmed(clause, ADMINISTRATION))) return true;
  const general = GENERIC.test(folded) && !READER.test(folded);
  return !general && clauses.some((clause) => FREQUENCY.test(clause) && !NEGATION.test(clause));
}

const HAS_QUANTITY = new RegExp(DOSE_QUANTITY.source);

/** Whether the clause holds the pattern (a global one) not negated ("n'augmentez pas") nor about something else ("prenez rendez-vous"). */
function affirmed(clause: string, pattern: RegExp): boolean {
  for (const match of matchesOf(pattern, clause)) {
    const at = match.index ?? 0;
    const after = clause.slice(at + match[0].length);
    if (NEGATED_BEFORE.test(clause.slice(0, at))) continue;
    if (NOT_ADMINISTRATION.test(after) || /^\s*(?:pas|jamais|plus|not|never)\b/.test(after)) continue;
    return true;
  }
  return false;
}

export function doseSpans(sentences: readonly Sentence[]): Span[] {
  return sentences
    .filter((sentence) => isDoseInstruction(sentence.folded, sentence.clauses))
    .map(({ start, end }) => ({ start, end, label: 'dose' }));
}
