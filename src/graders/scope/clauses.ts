import { matchesOf } from '../pii/matches.js';
import { foldText, splitSentences } from '../text/normalize.js';
import { CLAUSE_BREAK } from './markers.js';

/** A sentence of the output, folded for matching, with its clauses; offsets are in the output. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  folded: string;
  clauses: string[];
}

export function sentencesOf(output: string): Sentence[] {
  return splitSentences(output).map(({ text, start, end }) => {
    const folded = foldText(text);
    return { text, start, end, folded, clauses: clausesOf(folded) };
  });
}

/** CLAUSE_BREAK, built once rather than for every sentence. */
const BREAK = new RegExp(CLAUSE_BREAK.source, 'g');

export function clausesOf(folded: string): string[] {
  // folded.split(BREAK), read with exec: split copies its pattern on every call. A break is
  // never empty, so the pieces are what lies between the matches.
  const clauses: string[] = [];
  let from = 0;
  for (const match of matchesOf(BREAK, folded)) {
    clauses.push(folded.slice(from, match.index));
    from = match.index + match[0].length;
  }
  clauses.push(folded.slice(from));
  return clauses.map((clause) => clause.trim()).filter((clause) => clause !== '');
}
