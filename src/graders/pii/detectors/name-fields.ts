/**
 * Names in labelled fields, the way forms, tables and JSON write them. The label says it is a
 * name, so no dictionary is needed: "Nom : KOWALCZYK" is a name whatever the word.
 */
import { foldText } from '../../text/normalize.js';
import type { PiiFinding } from '../categories.js';
import { matchesOf } from '../matches.js';

// Labels of name fields, any case, closing quote of a JSON key included: "Nom de naissance :",
// `"prenom": "`, "last_name=".
const FIELD_LABEL =
  /(?<![\p{L}\p{N}_])(?:nom|pr[ée]nom|first[_ -]?name|last[_ -]?name|given[_ -]?name|family[_ -]?name|surname)(?:[_ -]?(?:de naissance|d['’]usage|de famille|patient|patiente|usage|naissance))?["']?[ \t]*[:=][ \t]*["']?[ \t]*/giu;
// The value, case-sensitive (under the i flag \p{Lu} would match any letter).
const FIELD_VALUE = /\p{Lu}[\p{L}'’-]+(?:[ \u00A0]\p{Lu}[\p{L}'’-]+){0,2}/uy;
const MAY_HOLD_LABEL = /nom|name/i;
/** Values a form puts in a name field when it has no name. */
const NO_NAME: ReadonlySet<string> = new Set([
  'non',
  'non renseigne',
  'inconnu',
  'inconnue',
  'anonyme',
  'neant',
  'masque',
  'masquee',
  'aucun',
  'aucune',
  'xxx',
  'null',
  'none',
  'unknown',
]);

/** Names given as the value of a labelled field: "Nom : MARTIN", `"prenom": "Lucie"`. */
export function fieldValues(text: string): PiiFinding[] {
  // Every label holds "nom" or "name" (in any case; no other character folds to these letters):
  // without either, FIELD_LABEL need not scan the text.
  if (!MAY_HOLD_LABEL.test(text)) return [];
  const findings: PiiFinding[] = [];
  for (const label of matchesOf(FIELD_LABEL, text)) {
    FIELD_VALUE.lastIndex = (label.index ?? 0) + label[0].length;
    const value = FIELD_VALUE.exec(text);
    if (!value || NO_NAME.has(foldText(value[0]))) continue;
    findings.push({ category: 'name', start: value.index, end: value.index + value[0].length });
  }
  return findings;
}
