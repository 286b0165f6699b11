import { SOURCE_VAR_SCHEMA, sourceTexts } from './expectations.js';
import { contentOf, type Negations, negationsOf, newLexicon } from './negation-markers.js';
import { type Lexicon, type Words, wordAt, wordsOf, wordsOfPart } from './negation-words.js';
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
        const sourceText = sourceTexts(input, id, config.sourceVar);
        // One lexicon for both texts: most of the output's words are the source's.
        const lexicon = newLexicon();
        const source = indexed(statements(sourceText, wordsOf(sourceText, lexicon) ?? lexicon, true));
        const words = wordsOf(input.output, lexicon) ?? lexicon;
        const spans: Span[] = [];
        let compared = 0;
        for (const statement of statements(input.output, words)) {
          const verdict = verdictOf(input.output, words, statement, source, minOverlap);
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

interface Statement {
  start: number;
  end: number;
  /** A whole sentence of several clauses, rather than one clause. */
  sentence: boolean;
  /** Its words: words.entries[from, to). */
  words: Words;
  from: number;
  to: number;
  /** The distinct stems of its content words, as lexicon numbers. */
  content: number[];
  /** Found when it is first compared: most statements never are. */
  negations: Negations | undefined;
}

function negationsIn(statement: Statement): Negations {
  statement.negations ??= negationsOf(statement.words, statement.from, statement.to);
  return statement.negations;
}

/** The source's statements, with which of them hold each stem, to count shared words without pairing all. */
interface Source {
  statements: readonly Statement[];
  holding: Array<number[] | undefined>;
  /** Scratch counts of shared words, one per statement, left at 0 between comparisons. */
  shared: number[];
}

function indexed(statements: readonly Statement[]): Source {
  const holding: Array<number[] | undefined> = [];
  statements.forEach((statement, index) => {
    for (const stem of statement.content) {
      const list = holding[stem];
      if (list) list.push(index);
      else holding[stem] = [index];
    }
  });
  return { statements, holding, shared: statements.map(() => 0) };
}

function compare(statement: Statement, source: Source, minOverlap: number): 'unrelated' | 'same' | 'flipped' {
  if (statement.content.length < 2) return 'unrelated';
  const { shared, holding } = source;
  for (const stem of statement.content) {
    for (const index of holding[stem] ?? []) shared[index] = (shared[index] as number) + 1;
  }
  // A whole source sentence is a counterpart only when none of its clauses is: the closest unit wins.
  const candidates = counterparts(statement, source, false, minOverlap);
  const closest = candidates.length > 0 ? candidates : counterparts(statement, source, true, minOverlap);
  for (const stem of statement.content) for (const index of holding[stem] ?? []) shared[index] = 0;
  if (closest.length === 0) return 'unrelated';
  // Among equally close counterparts, one with the same polarity is enough.
  return closest.every((other) => isFlip(statement, other)) ? 'flipped' : 'same';
}

/** The source statements (clauses, or whole sentences) sharing most of the statement's content words. */
function counterparts(
  statement: Statement,
  source: Source,
  sentences: boolean,
  minOverlap: number,
): Statement[] {
  let best = 0;
  const candidates: Array<{ other: Statement; overlap: number }> = [];
  const { statements, shared } = source;
  for (let index = 0; index < statements.length; index++) {
    const other = statements[index] as Statement;
    if (other.sentence !== sentences) continue;
    const common = shared[index] as number;
    const overlap = common / statement.content.length;
    if (common < 2 || overlap < minOverlap) continue;
    candidates.push({ other, overlap });
    best = Math.max(best, overlap);
  }
  return candidates.filter((candidate) => candidate.overlap >= best - 1e-9).map(({ other }) => other);
}

function isFlip(statement: Statement, other: Statement): boolean {
  const a = negationsIn(statement);
  const b = negationsIn(other);
  // A litotes is no negation ("pas rare" is "fréquent"), but "pas rare" against "rare" is a flip.
  const crossed = (x: Negations, y: Negations) => shares(x.negatedLitotes, y.plainLitotes);
  if (crossed(a, b) || crossed(b, a)) return true;
  if ((a.count - b.count) % 2 === 0) return false;
  // The extra negation must bear on what both say: "a réduit la douleur et n'a pas modifié la
  // mortalité" does not contradict "a réduit la douleur".
  return a.count > b.count ? shares(a.scope, other.content) : shares(b.scope, statement.content);
}

/** Whether two lists of distinct stems (a few each) have one in common. */
function shares(a: readonly number[], b: readonly number[]): boolean {
  return a.some((stem) => b.includes(stem));
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

const AND = /\s+(?:et|and)\s+/giu;

/**
 * "Aucune coupure n'a eu lieu et les services ne sont pas impactés": an "et" before an article
 * is usually two nouns joined, so it does not split clauses; but it may join two statements,
 * each with its own counterpart in the source. Its parts are compared too: a part that flips
 * its counterpart is a flip, and parts that all keep theirs clear the joined clause.
 */
function verdictOf(
  output: string,
  words: Words | Lexicon,
  statement: Statement,
  source: Source,
  minOverlap: number,
): ReturnType<typeof compare> {
  const whole = compare(statement, source, minOverlap);
  const text = output.slice(statement.start, statement.end);
  const parts: Statement[] = [];
  let from = 0;
  AND.lastIndex = 0;
  for (let match = AND.exec(text); match; match = AND.exec(text)) {
    const piece = text.slice(from, match.index);
    if (piece.trim() !== '') parts.push(analyse(piece, statement.start + from, false, words));
    from = match.index + match[0].length;
  }
  if (parts.length === 0) return whole;
  parts.push(analyse(text.slice(from), statement.start + from, false, words));
  const verdicts = parts.map((part) => compare(part, source, minOverlap));
  if (verdicts.includes('flipped')) return 'flipped';
  if (whole === 'flipped' && verdicts.some((v) => v === 'same')) return 'same';
  return whole;
}

/**
 * The output's statements are its clauses; the source's are its clauses and its whole sentences.
 * `words` are the text's, or the lexicon to read each statement with when they are not known.
 */
function statements(text: string, words: Words | Lexicon, withSentences = false): Statement[] {
  const found: Statement[] = [];
  for (const sentence of splitSentences(text)) {
    let start = 0;
    const pieces: Array<{ start: number; end: number }> = [];
    CLAUSE_BREAK.lastIndex = 0;
    for (let match = CLAUSE_BREAK.exec(sentence.text); match; match = CLAUSE_BREAK.exec(sentence.text)) {
      pieces.push({ start, end: match.index });
      start = match.index + match[0].length;
    }
    pieces.push({ start, end: sentence.text.length });
    for (const piece of pieces) {
      const raw = sentence.text.slice(piece.start, piece.end);
      const text = raw.trim();
      if (text === '') continue;
      const at = sentence.start + piece.start + (raw.length - raw.trimStart().length);
      found.push(analyse(text, at, false, words));
    }
    // A summary often merges what the source says in several clauses: the whole sentence is a counterpart too.
    if (withSentences && pieces.length > 1) found.push(analyse(sentence.text, sentence.start, true, words));
  }
  return found;
}

/** The statement `text`, at `offset` in the text whose `words` are given, or read on its own with the lexicon. */
function analyse(text: string, offset: number, sentence: boolean, words: Words | Lexicon): Statement {
  const end = offset + text.length;
  if (!('entries' in words)) {
    const own = wordsOfPart(text, words);
    const to = own.entries.length;
    const content = contentOf(own, 0, to);
    return { start: offset, end, sentence, words: own, from: 0, to, content, negations: undefined };
  }
  const from = wordAt(words, offset);
  const to = wordAt(words, end);
  // Every field set from the start: statements that get their negations later keep one shape.
  const content = contentOf(words, from, to);
  return { start: offset, end, sentence, words, from, to, content, negations: undefined };
}
