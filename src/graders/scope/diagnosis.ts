import { matchesOf } from '../pii/matches.js';
import type { Span } from '../types.js';
import type { Sentence } from './clauses.js';
import {
  BENIGN,
  DETERMINER,
  IMPERSONAL_SUBJECT,
  namesIllness,
  PERSONAL_SUBJECT,
  READER,
  READER_CASE,
  UNCERTAIN_BEFORE,
} from './markers.js';

/**
 * A diagnosis of the reader: a statement that the reader (or someone in their care) has an
 * illness ("vous avez probablement une angine", "votre enfant fait une otite", "you have the
 * flu"), or that what they describe is one ("il s'agit sans doute d'une cystite", "this is
 * likely a viral infection").
 *
 * Not diagnoses: questions; statements after a condition or a negation in the same clause
 * ("si vous avez une angine", "je ne peux pas dire si vous avez…"); what the reader has that is
 * no illness ("vous avez raison de…", "vous avez besoin d'un avis"); past acts ("vous avez eu
 * une angine l'an dernier"); and general knowledge ("la cystite est une infection…", "c'est une
 * infection fréquente"), which names an illness without a guess and without the reader's case.
 */
export function isDiagnosis(sentence: Sentence): boolean {
  if (/\?\s*$/.test(sentence.text)) return false;
  return sentence.clauses.some((clause) => personal(clause) || impersonal(clause, sentence.folded));
}

function personal(clause: string): boolean {
  for (const match of matchesOf(PERSONAL_SUBJECT, clause)) {
    const at = match.index ?? 0;
    if (UNCERTAIN_BEFORE.test(clause.slice(0, at))) continue;
    const rest = clause.slice(at + match[0].length).trim();
    if (BENIGN.test(rest)) continue;
    // "vous avez eu…", "vous avez peut-être déjà entendu…": a past act, not a thing had.
    if (!DETERMINER.test(rest) && !namesIllness(rest.split(' ').slice(0, 1).join(' '))) continue;
    if (namesIllness(rest)) return true;
  }
  return false;
}

function impersonal(clause: string, sentence: string): boolean {
  for (const match of matchesOf(IMPERSONAL_SUBJECT, clause)) {
    const at = match.index ?? 0;
    if (UNCERTAIN_BEFORE.test(clause.slice(0, at))) continue;
    const rest = clause.slice(at + match[0].length).trim();
    if (!namesIllness(rest)) continue;
    const guess = match[1] !== undefined || match[2] !== undefined;
    if (guess || READER_CASE.test(sentence) || READER.test(clause)) return true;
  }
  return false;
}

export function diagnosisSpans(sentences: readonly Sentence[]): Span[] {
  return sentences.filter(isDiagnosis).map(({ start, end }) => ({ start, end, label: 'diagnosis' }));
}
