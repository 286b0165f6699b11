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
  return splitSentences(output).map((sentence) => {
    const folded = foldText(sentence.text);
    return { ...sentence, folded, clauses: clausesOf(folded) };
  });
}

export function clausesOf(folded: string): string[] {
  return folded
    .split(new RegExp(CLAUSE_BREAK.source, 'g'))
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '');
}
