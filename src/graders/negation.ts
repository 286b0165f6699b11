import { SOURCE_VAR_SCHEMA, sourceTexts } from './expectations.js';
import { contentOf, type Negations, negationsOf, newLexicon } from './negation-markers.js';
import { type Lexicon, type Words, wordAt, wordsOf, wordsOfPart } from './negation-words.js';
import { isSpace, splitSentences } from './text/normalize.js';
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
    // The outputs of a case (models, repeats, mutants) are graded against the same source, often
    // one after the other: its statements are read once for them all. Only the last source is
    // kept. The lexicon outlives it: the next case's texts share most of their words, which
    // would otherwise be looked up in the vocabulary and stemmed again (a tenth of a grade). It
    // is cleared, with the source read against it, past MAX_SHARED_WORDS.
    const lexicon = newLexicon();
    let last: { text: string; source: Source } | undefined;
    const sourceOf = (text: string) => {
      if (lexicon.tokens.length > MAX_SHARED_WORDS) {
        last = undefined;
        lexicon.clear();
      }
      if (last === undefined || last.text !== text) {
        // Forgotten first: a source that failed to read must not be taken for the one before it.
        last = undefined;
        last = { text, source: indexed(statements(text, wordsOf(text, lexicon) ?? lexicon, true)) };
      }
      return last.source;
    };
    return {
      id,
      type: 'negation',
      grade(input) {
        const source = sourceOf(sourceTexts(input, id, config.sourceVar));
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

/** Past this many words, the lexicon is started again, so that a long run's memory stays flat. */
const MAX_SHARED_WORDS = 50_000;

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
  /** Scratch list of the statements sharing a word, so that only those are looked at and reset. */
  sharing: number[];
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
  return { statements, holding, shared: statements.map(() => 0), sharing: [] };
}

function compare(statement: Statement, source: Source, minOverlap: number): 'unrelated' | 'same' | 'flipped' {
  if (statement.content.length < 2) return 'unrelated';
  const { shared, holding, sharing } = source;
  for (const stem of statement.content) {
    const list = holding[stem];
    if (list === undefined) continue;
    for (const index of list) {
      const common = shared[index] as number;
      if (common === 0) sharing.push(index);
      shared[index] = common + 1;
    }
  }
  // A whole source sentence is a counterpart only when none of its clauses is: the closest unit wins.
  const candidates = counterparts(statement, source, false, minOverlap);
  const closest = candidates.length > 0 ? candidates : counterparts(statement, source, true, minOverlap);
  for (const index of sharing) shared[index] = 0;
  sharing.length = 0;
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
  // Two passes over the few statements sharing a word: the best overlap, then those that reach it.
  let best = 0;
  for (const index of source.sharing)
    best = Math.max(best, overlapWith(statement, source, index, sentences, minOverlap));
  const closest: Statement[] = [];
  if (best === 0) return closest;
  for (const index of source.sharing) {
    if (overlapWith(statement, source, index, sentences, minOverlap) >= best - 1e-9) {
      closest.push(source.statements[index] as Statement);
    }
  }
  return closest;
}

/** The share of the statement's content words that source statement `index` holds, or 0 when it is no candidate. */
function overlapWith(
  statement: Statement,
  source: Source,
  index: number,
  sentences: boolean,
  minOverlap: number,
): number {
  const common = source.shared[index] as number;
  if (common < 2 || (source.statements[index] as Statement).sentence !== sentences) return 0;
  const overlap = common / statement.content.length;
  return overlap < minOverlap ? 0 : overlap;
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
  if (!holdsAnd(statement)) return whole;
  const text = output.slice(statement.start, statement.end);
  const parts: Statement[] = [];
  let from = 0;
  AND.lastIndex = 0;
  for (let match = AND.exec(text); match; match = AND.exec(text)) {
    const start = statement.start + from;
    const end = statement.start + match.index;
    if (trimmedStart(output, start, end) < end) parts.push(analyse(output, start, end, false, words));
    from = match.index + match[0].length;
  }
  if (parts.length === 0) return whole;
  parts.push(analyse(output, statement.start + from, statement.end, false, words));
  const verdicts = parts.map((part) => compare(part, source, minOverlap));
  if (verdicts.includes('flipped')) return 'flipped';
  if (whole === 'flipped' && verdicts.some((v) => v === 'same')) return 'same';
  return whole;
}

/**
 * Whether the statement has the word "et" or "and", without which AND finds nothing: the word
 * between spaces that AND matches always folds to one of them.
 */
function holdsAnd(statement: Statement): boolean {
  const { lexicon, entries } = statement.words;
  for (let i = statement.from; i < statement.to; i++) {
    const token = lexicon.tokens[entries[i] as number];
    if (token === 'et' || token === 'and') return true;
  }
  return false;
}

/**
 * The output's statements are its clauses; the source's are its clauses and its whole sentences.
 * `words` are the text's, or the lexicon to read each statement with when they are not known.
 */
function statements(text: string, words: Words | Lexicon, withSentences = false): Statement[] {
  const found: Statement[] = [];
  for (const sentence of splitSentences(text)) {
    let pieces = 0;
    let start = 0;
    const addPiece = (end: number) => {
      pieces++;
      const from = trimmedStart(text, sentence.start + start, sentence.start + end);
      const to = trimmedEnd(text, from, sentence.start + end);
      if (from < to) found.push(analyse(text, from, to, false, words));
    };
    CLAUSE_BREAK.lastIndex = 0;
    for (let match = CLAUSE_BREAK.exec(sentence.text); match; match = CLAUSE_BREAK.exec(sentence.text)) {
      addPiece(match.index);
      start = match.index + match[0].length;
    }
    addPiece(sentence.text.length);
    // A summary often merges what the source says in several clauses: the whole sentence is a counterpart too.
    if (withSentences && pieces > 1) found.push(analyse(text, sentence.start, sentence.end, true, words));
  }
  return found;
}

/** Where text[start, end) starts once trimmed (String.prototype.trim's spaces are \s's). */
function trimmedStart(text: string, start: number, end: number): number {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  return start;
}

function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * The statement text[start, end), in the text whose `words` are given, or read on its own with
 * the lexicon.
 */
function analyse(
  text: string,
  start: number,
  end: number,
  sentence: boolean,
  words: Words | Lexicon,
): Statement {
  if (!('entries' in words)) {
    const own = wordsOfPart(text.slice(start, end), words);
    const to = own.entries.length;
    const content = contentOf(own, 0, to);
    return { start, end, sentence, words: own, from: 0, to, content, negations: undefined };
  }
  const from = wordAt(words, start);
  const to = wordAt(words, end, from);
  // Every field set from the start: statements that get their negations later keep one shape.
  const content = contentOf(words, from, to);
  return { start, end, sentence, words, from, to, content, negations: undefined };
}
