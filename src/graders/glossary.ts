import { sourceText } from './expectations.js';
import { type FoldedText, foldText, foldWithOffsets, originalRange } from './text/normalize.js';
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
    return {
      id,
      type: 'glossary',
      grade(input) {
        const entries = entriesOf(input, id);
        const needsSource = entries.some((entry) => entry.source !== undefined);
        const source = needsSource ? foldText(sourceText(input, id, config.sourceVar ?? 'source')) : '';
        const applicable = entries.filter(
          (entry) => entry.source === undefined || findAll(source, foldText(entry.source)).length > 0,
        );
        if (applicable.length === 0) {
          return { pass: true, score: 1, reason: 'no glossary entry applies to this source', spans: [] };
        }
        const output = foldWithOffsets(input.output);
        const spans: Span[] = [];
        const missing: Entry[] = [];
        for (const entry of applicable) {
          const found = entry.targets.flatMap((term) => findAll(output.text, foldText(term)));
          if (found.length === 0) missing.push(entry);
          spans.push(...found.map((range) => ({ ...original(output, range), label: 'term' })));
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

function entriesOf(input: GradeInput, id: string): Entry[] {
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
    if (targets.length === 0 || !targets.every(isTerm)) {
      throw new GraderError(`${where}.target must be a non-empty term or a list of them`);
    }
    if (source === undefined) return { targets };
    if (!isTerm(source)) throw new GraderError(`${where}.source must be a non-empty term`);
    return { source, targets };
  });
}

function isTerm(value: unknown): value is string {
  return typeof value === 'string' && foldText(value) !== '';
}

/** Whole-word occurrences of folded `term` in folded `text`: "GP" is not found in "GPS". */
function findAll(text: string, term: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  const wordy = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    const end = at + term.length;
    const openStart = wordy(term[0]) && wordy(text[at - 1]);
    const openEnd = wordy(term[term.length - 1]) && wordy(text[end]);
    if (!openStart && !openEnd) found.push({ start: at, end });
  }
  return found;
}

function original(folded: FoldedText, range: { start: number; end: number }): { start: number; end: number } {
  return originalRange(folded, range.start, range.end);
}

function describe(entry: Entry): string {
  return entry.targets.map((term) => JSON.stringify(term)).join(' | ');
}
