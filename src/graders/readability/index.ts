import { splitSentences, words } from '../text/normalize.js';
import { type GraderDefinition, GraderError, type Span } from '../types.js';
import { countSyllables } from './syllables.js';

export interface ReadabilityConfig {
  /** Lowest Kandel & Moles reading ease that passes (0 very hard … 100 very easy; 60+ is plain). */
  minKandelMoles?: number;
  /** Highest mean sentence length, in words. */
  maxMeanSentenceWords?: number;
  /** Highest share (0..1) of long words: words of three syllables or more. */
  maxLongWordShare?: number;
}

export interface Readability {
  sentences: number;
  words: number;
  syllables: number;
  /** Kandel & Moles (1958): Flesch's reading ease refitted to French. */
  kandelMoles: number;
  meanSentenceWords: number;
  /** Share of words of LONG_WORD_SYLLABLES syllables or more. */
  longWordShare: number;
  /** Each sentence, where it is in the text, and its length in words. */
  spans: Array<{ start: number; end: number; words: number }>;
}

/** "Long" in syllables rather than letters: "l'hôpital" has 9 letters but reads as 3 syllables. */
export const LONG_WORD_SYLLABLES = 3;

// A list item is a sentence of its own, whether or not it ends with a full stop.
const LIST_MARKER = /^[ \t]*(?:[-•*–—▪◦]|\d{1,2}[.)]|[a-z][.)]|#{1,6})[ \t]+/u;

/** The sentences of a text, list items and lines apart, with their offsets. */
function sentencesOf(text: string): Array<{ text: string; start: number; end: number }> {
  const found: Array<{ text: string; start: number; end: number }> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const marker = LIST_MARKER.exec(line)?.[0].length ?? 0;
    for (const sentence of splitSentences(line.slice(marker))) {
      const start = offset + marker + sentence.start;
      found.push({ text: sentence.text, start, end: start + sentence.text.length });
    }
    offset += line.length + 1;
  }
  return found;
}

/**
 * The three measures of a French text. A figure is a word of one syllable per group of digits
 * ("3,5" reads as the two words "3" and "5"), so a dose does not make a sentence look hard.
 */
export function measureReadability(text: string): Readability {
  let wordCount = 0;
  let syllables = 0;
  let long = 0;
  const spans: Readability['spans'] = [];
  for (const sentence of sentencesOf(text)) {
    const list = words(sentence.text);
    if (list.length === 0) continue;
    spans.push({ start: sentence.start, end: sentence.end, words: list.length });
    for (const word of list) {
      const count = countSyllables(word);
      syllables += count;
      if (count >= LONG_WORD_SYLLABLES) long += 1;
    }
    wordCount += list.length;
  }
  const sentences = spans.length;
  const meanSentenceWords = sentences === 0 ? 0 : wordCount / sentences;
  const syllablesPerWord = wordCount === 0 ? 0 : syllables / wordCount;
  return {
    sentences,
    words: wordCount,
    syllables,
    kandelMoles: 207 - 1.015 * meanSentenceWords - 73.6 * syllablesPerWord,
    meanSentenceWords,
    longWordShare: wordCount === 0 ? 0 : long / wordCount,
    spans,
  };
}

/**
 * Whether patient-facing French text is easy to read: Kandel & Moles reading ease
 * (207 − 1.015 × words per sentence − 73.6 × syllables per word), mean sentence length and
 * share of long words, each against the threshold the suite sets. Score is the reading ease / 100.
 */
export const readability: GraderDefinition<ReadabilityConfig> = {
  description:
    'French readability: Kandel & Moles reading ease, mean sentence length and share of long words (3+ syllables) within the thresholds set.',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      minKandelMoles: { type: 'number', maximum: 207 },
      maxMeanSentenceWords: { type: 'number', exclusiveMinimum: 0 },
      maxLongWordShare: { type: 'number', minimum: 0, maximum: 1 },
    },
  },
  create(id, config) {
    const { minKandelMoles, maxMeanSentenceWords, maxLongWordShare } = config;
    if (
      minKandelMoles === undefined &&
      maxMeanSentenceWords === undefined &&
      maxLongWordShare === undefined
    ) {
      throw new GraderError(
        `grader "${id}" needs a threshold: set minKandelMoles, maxMeanSentenceWords or maxLongWordShare`,
      );
    }
    return {
      id,
      type: 'readability',
      grade(input) {
        const measured = measureReadability(input.output);
        if (measured.words === 0) {
          return { pass: false, score: 0, reason: 'no words to read', spans: [] };
        }
        const failures: string[] = [];
        const km = round(measured.kandelMoles, 1);
        const mean = round(measured.meanSentenceWords, 1);
        const share = round(measured.longWordShare * 100, 0);
        if (minKandelMoles !== undefined && measured.kandelMoles < minKandelMoles) {
          failures.push(`reading ease below ${minKandelMoles}`);
        }
        let spans: Span[] = [];
        if (maxMeanSentenceWords !== undefined && measured.meanSentenceWords > maxMeanSentenceWords) {
          failures.push(`sentences longer than ${maxMeanSentenceWords} words on average`);
          spans = measured.spans
            .filter((sentence) => sentence.words > maxMeanSentenceWords)
            .map(({ start, end }) => ({ start, end, label: 'long-sentence' }));
        }
        if (maxLongWordShare !== undefined && measured.longWordShare > maxLongWordShare) {
          failures.push(`more than ${round(maxLongWordShare * 100, 0)} % long words`);
        }
        const figures = `Kandel-Moles ${km}, ${mean} words per sentence, ${share} % long words (${measured.sentences} sentences, ${measured.words} words)`;
        return {
          pass: failures.length === 0,
          score: Math.min(1, Math.max(0, measured.kandelMoles / 100)),
          reason: failures.length === 0 ? figures : `${failures.join('; ')}: ${figures}`,
          spans,
        };
      },
    };
  },
};

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
