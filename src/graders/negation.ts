import { SOURCE_VAR_SCHEMA, sourceTexts } from './expectations.js';
import { type Polarity, polarity } from './negation-markers.js';
import { splitSentences } from './text/normalize.js';
import type { GraderDefinition, Span } from './types.js';

export interface NegationConfig {
  /** The var (or vars, joined) holding the text the output must not contradict; default `source`. */
  sourceVar?: string | string[];
  /** Share of a statement's content words a source statement must hold to be its counterpart; default 0.5. */
  minOverlap?: number;
}

/**
 * A statement of the output that says the opposite of its counterpart in the source: negated
 * in one and not in the other ("n'a pas réduit" against "a réduit", "un effet" against "aucun
 * effet"). Each statement (a clause of a sentence) is paired with the source statement holding
 * most of its content words; their negations are counted, and an odd difference is a flip when
 * the extra negation bears on words both statements share. Statements with no counterpart are
 * left alone: other graders judge what the source does not say.
 */
export const negation: GraderDefinition<NegationConfig> = {
  description:
    'No statement of the output is negated where the source affirms it, or affirmed where the source negates it.',
  catches: ['flip-negation'],
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      sourceVar: SOURCE_VAR_SCHEMA,
      minOverlap: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
    },
  },
  create(id, config) {
    const minOverlap = config.minOverlap ?? 0.5;
    return {
      id,
      type: 'negation',
      grade(input) {
        const source = statements(sourceTexts(input, id, config.sourceVar), true);
        const spans: Span[] = [];
        let compared = 0;
        for (const statement of statements(input.output)) {
          const verdict = verdictOf(input.output, statement, source, minOverlap);
          if (verdict === 'unrelated') continue;
          compared++;
          if (verdict === 'flipped') {
            spans.push({ start: statement.start, end: statement.end, label: 'negation-flip' });
          }
        }
        if (compared === 0) {
          return {
            pass: true,
            score: 1,
            reason: 'no statement close enough to the source to compare',
            spans,
          };
        }
        const flipped = spans.length;
        return {
          pass: flipped === 0,
          score: (compared - flipped) / compared,
          reason:
            flipped === 0
              ? `${compared} statements keep the source's polarity`
              : `${flipped} of ${compared} statements negate what the source affirms, or the reverse`,
          spans,
        };
      },
    };
  },
};

interface Statement extends Polarity {
  start: number;
  end: number;
  /** A whole sentence of several clauses, rather than one clause. */
  sentence: boolean;
}

function compare(
  statement: Statement,
  source: readonly Statement[],
  minOverlap: number,
): 'unrelated' | 'same' | 'flipped' {
  if (statement.content.size < 2) return 'unrelated';
  // A whole source sentence is a counterpart only when none of its clauses is: the closest unit wins.
  const candidates = counterparts(statement, source, false, minOverlap);
  const closest = candidates.length > 0 ? candidates : counterparts(statement, source, true, minOverlap);
  if (closest.length === 0) return 'unrelated';
  // Among equally close counterparts, one with the same polarity is enough.
  return closest.every((other) => isFlip(statement, other)) ? 'flipped' : 'same';
}

/** The source statements (clauses, or whole sentences) sharing most of the statement's content words. */
function counterparts(
  statement: Statement,
  source: readonly Statement[],
  sentences: boolean,
  minOverlap: number,
): Statement[] {
  let best = 0;
  const candidates: Array<{ other: Statement; overlap: number }> = [];
  for (const other of source) {
    if (other.sentence !== sentences) continue;
    const shared = intersection(statement.content, other.content);
    const overlap = shared / statement.content.size;
    if (shared < 2 || overlap < minOverlap) continue;
    candidates.push({ other, overlap });
    best = Math.max(best, overlap);
  }
  return candidates.filter((candidate) => candidate.overlap >= best - 1e-9).map(({ other }) => other);
}

function isFlip(a: Statement, b: Statement): boolean {
  // A litotes is no negation ("pas rare" is "fréquent"), but "pas rare" against "rare" is a flip.
  const crossed = (x: Statement, y: Statement) => intersection(x.litotes.negated, y.litotes.plain) > 0;
  if (crossed(a, b) || crossed(b, a)) return true;
  if ((a.negations - b.negations) % 2 === 0) return false;
  // The extra negation must bear on what both say: "a réduit la douleur et n'a pas modifié la
  // mortalité" does not contradict "a réduit la douleur".
  const [negated, plain] = a.negations > b.negations ? [a, b] : [b, a];
  return intersection(negated.scope, plain.content) > 0;
}

function intersection(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0;
  for (const item of a) if (b.has(item)) count++;
  return count;
}

// Clauses: a contrast ("mais", "contre"), a pause (";", ":", ", ") or an "et" that starts a new
// predicate starts a new statement; "et" before an article only joins two nouns ("la douleur et la fatigue").
const CLAUSE_BREAK = new RegExp(
  [
    '[;:]\\s+',
    // The connective after a comma opens no statement of its own: ", mais les fractures…".
    ',\\s+(?:(?:mais|et|puis|cependant|toutefois|but|and|however)\\s+)?',
    '\\s+(?:mais|alors que|tandis que|cependant|toutefois|en revanche|contre|versus|vs\\.?|but|whereas|however|while|compared (?:with|to))\\s+',
    "\\s+(?:et|and)\\s+(?!(?:le|la|les|un|une|des|du|de|the|a|an)\\b|[ld]['’])",
  ].join('|'),
  'giu',
);

/**
 * "Aucune coupure n'a eu lieu et les services ne sont pas impactés": an "et" before an article
 * is usually two nouns joined, so it does not split clauses; but it may join two statements,
 * each with its own counterpart in the source. Its parts are compared too: a part that flips
 * its counterpart is a flip, and parts that all keep theirs clear the joined clause.
 */
function verdictOf(
  output: string,
  statement: Statement,
  source: Statement[],
  minOverlap: number,
): ReturnType<typeof compare> {
  const whole = compare(statement, source, minOverlap);
  const text = output.slice(statement.start, statement.end);
  const parts: Statement[] = [];
  let from = 0;
  for (const match of text.matchAll(/\s+(?:et|and)\s+/giu)) {
    const piece = text.slice(from, match.index);
    if (piece.trim() !== '') parts.push(analyse(piece, statement.start + from, false));
    from = (match.index ?? 0) + match[0].length;
  }
  if (parts.length === 0) return whole;
  parts.push(analyse(text.slice(from), statement.start + from, false));
  const verdicts = parts.map((part) => compare(part, source, minOverlap));
  if (verdicts.includes('flipped')) return 'flipped';
  if (whole === 'flipped' && verdicts.some((v) => v === 'same')) return 'same';
  return whole;
}

/** The output's statements are its clauses; the source's are its clauses and its whole sentences. */
function statements(text: string, withSentences = false): Statement[] {
  const found: Statement[] = [];
  for (const sentence of splitSentences(text)) {
    let start = 0;
    const pieces: Array<{ start: number; end: number }> = [];
    for (const match of sentence.text.matchAll(CLAUSE_BREAK)) {
      pieces.push({ start, end: match.index ?? 0 });
      start = (match.index ?? 0) + match[0].length;
    }
    pieces.push({ start, end: sentence.text.length });
    for (const piece of pieces) {
      const raw = sentence.text.slice(piece.start, piece.end);
      const text = raw.trim();
      if (text === '') continue;
      const at = sentence.start + piece.start + (raw.length - raw.trimStart().length);
      found.push(analyse(text, at, false));
    }
    // A summary often merges what the source says in several clauses: the whole sentence is a counterpart too.
    if (withSentences && pieces.length > 1) found.push(analyse(sentence.text, sentence.start, true));
  }
  return found;
}

function analyse(text: string, offset: number, sentence: boolean): Statement {
  return { start: offset, end: offset + text.length, ...polarity(text), sentence };
}
