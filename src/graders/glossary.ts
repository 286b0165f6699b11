import { sourceText } from './expectations.js';
import { foldText, foldWithOffsets, originalRange } from './text/normalize.js';
import { type GradeInput, type GraderDefinition, GraderError, type Span } from './types.js';

export interface GlossaryConfig {
  /** Share of the applicable entries that must be found; default 1 (all). */
  minShare?: number;
  /** The var holding the text that was translated, read for entries with a `source`; default `source`. */
  sourceVar?: string;
}

/** One term of the glossary: the accepted ways to write it, and the source term that calls for it. */
interface Entry {
  source?: string;
  targets: string[];
  /** The same, folded once: every search reads them folded. */
  folded: { source?: string; targets: string[] };
}

/**
 * The terms a translation must use: `expect.glossary` lists `{ source?, target }`, where
 * `target` is a term or its accepted variants ("general practitioner", "GP"). An entry with a
 * `source` applies only when the source text holds that term ("médecin traitant"), so one
 * glossary can serve a whole suite. Terms match whole words, ignoring case and accents.
 */
export const glossary: GraderDefinition<GlossaryConfig> = {
  description:
    'The terms of expect.glossary ({ source?, target }) are in the output, whole words, ignoring case and accents; an entry with a source term applies only when the source holds it.',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minShare: { type: 'number', minimum: 0, maximum: 1 },
      sourceVar: { type: 'string', minLength: 1 },
    },
  },
  create(id, config) {
    const minShare = config.minShare ?? 1;
    const fold = termFolder();
    return {
      id,
      type: 'glossary',
      grade(input) {
        const entries = entriesOf(input, id, fold);
        const needsSource = entries.some((entry) => entry.folded.source !== undefined);
        const source = needsSource ? foldText(sourceText(input, id, config.sourceVar ?? 'source')) : '';
        const applicable = entries.filter(
          (entry) => entry.folded.source === undefined || occursIn(source, entry.folded.source),
        );
        if (applicable.length === 0) {
          return { pass: true, score: 1, reason: 'no glossary entry applies to this source', spans: [] };
        }
        const output = foldWithOffsets(input.output);
        const spans: Span[] = [];
        const missing: Entry[] = [];
        for (const entry of applicable) {
          let found = false;
          for (const term of entry.folded.targets) {
            for (let at = output.text.indexOf(term); at !== -1; at = output.text.indexOf(term, at + 1)) {
              if (!wholeWordAt(output.text, term, at)) continue;
              found = true;
              spans.push({ ...originalRange(output, at, at + term.length), label: 'term' });
            }
          }
          if (!found) missing.push(entry);
        }
        const score = (applicable.length - missing.length) / applicable.length;
        return {
          pass: score >= minShare,
          score,
          reason:
            missing.length === 0
              ? `all ${applicable.length} glossary terms used`
              : `used ${applicable.length - missing.length}/${applicable.length}; missing: ${missing.map(describe).join(', ')}`,
          spans,
        };
      },
    };
  },
};

function entriesOf(input: GradeInput, id: string, fold: (term: string) => string): Entry[] {
  const value = input.case.expect.glossary;
  if (!Array.isArray(value) || value.length === 0) {
    throw new GraderError(
      `grader "${id}" needs the terms to find: give the case "expect.glossary", a list of { source?, target }`,
    );
  }
  return value.map((item, index) => {
    const where = `grader "${id}": expect.glossary[${index}]`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new GraderError(`${where} must be an object { source?, target }`);
    }
    const { source, target, ...rest } = item as Record<string, unknown>;
    const unknown = Object.keys(rest);
    if (unknown.length > 0) {
      throw new GraderError(
        `${where} has an unknown key "${unknown[0]}"; only "source" and "target" are read`,
      );
    }
    const targets: unknown[] = Array.isArray(target) ? target : [target];
    const folded = targets.map((term) => foldedTerm(term, fold));
    if (targets.length === 0 || !folded.every((term) => term !== undefined)) {
      throw new GraderError(`${where}.target must be a non-empty term or a list of them`);
    }
    const terms = targets as string[];
    if (source === undefined) return { targets: terms, folded: { targets: folded } };
    const foldedSource = foldedTerm(source, fold);
    if (foldedSource === undefined) throw new GraderError(`${where}.source must be a non-empty term`);
    return { source: source as string, targets: terms, folded: { source: foldedSource, targets: folded } };
  });
}

/** Bounds the terms one grader keeps folded, whatever a suite holds. */
const MAX_FOLDED_TERMS = 4096;

/**
 * foldText for glossary terms, remembered by one grader: a suite's cases repeat a few terms,
 * and folding a short term costs about as much as searching a whole output for it.
 */
function termFolder(): (term: string) => string {
  const folds = new Map<string, string>();
  return (term) => {
    let folded = folds.get(term);
    if (folded === undefined) {
      if (folds.size >= MAX_FOLDED_TERMS) folds.clear();
      folded = foldText(term);
      folds.set(term, folded);
    }
    return folded;
  };
}

/** A term folded, or undefined for what is no term: not a string, or nothing once folded. */
function foldedTerm(value: unknown, fold: (term: string) => string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const folded = fold(value);
  return folded === '' ? undefined : folded;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether one UTF-16 unit of folded text is a letter or digit; ASCII, most of it, without a regex. */
function wordy(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return LETTER_OR_DIGIT.test(char);
}

/** Whether folded `term` at `at` in folded `text` is a whole word there: "GP" is not in "GPS". */
function wholeWordAt(text: string, term: string, at: number): boolean {
  const end = at + term.length;
  const openStart = wordy(term[0]) && wordy(text[at - 1]);
  const openEnd = wordy(term[term.length - 1]) && wordy(text[end]);
  return !openStart && !openEnd;
}

/** Whether folded `term` occurs as a whole word in folded `text`. */
function occursIn(text: string, term: string): boolean {
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    if (wholeWordAt(text, term, at)) return true;
  }
  return false;
}

function describe(entry: Entry): string {
  return entry.targets.map((term) => JSON.stringify(term)).join(' | ');
}
