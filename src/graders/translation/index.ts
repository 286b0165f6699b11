import { UserError } from '../../shared/errors.js';
import { renderOverCase, sourceText } from '../expectations.js';
import type { Quantity } from '../numbers/extract.js';
import { type GradeInput, type GraderDefinition, GraderError, type Span } from '../types.js';
import { chrfPlusPlus } from './chrf.js';
import { checkFigures } from './figures.js';
import { detectLanguage, MIN_LETTERS, parseLanguage, shortCode, type TargetLanguage } from './language.js';

export interface TranslationConfig {
  /** ISO 639-1 code ("en"), a name ("anglais") or a template ("{{target_language}}"). */
  language?: string;
  /** Lowest chrF++ (0..100) against the case's reference that passes; default 40. */
  minChrf?: number;
  /** Figures written with digits must survive the translation, and none be added; default true. */
  numbers?: boolean;
  /** The var holding the French text that was translated; default `source`. */
  sourceVar?: string;
  /** More languages the answer may come back in (ISO 639-1), besides the target, French and English. */
  candidates?: string[];
}

/**
 * A translation for a non-French-speaking person: in the language asked for, close enough to
 * a professional's reference (chrF++, as sacrebleu computes it), and with every dose, duration
 * and count carried over. Score is chrF++/100, or 0 when the answer is in another language.
 */
export const translation: GraderDefinition<TranslationConfig> = {
  description:
    'The output is in the target language (franc-min), scores at least minChrf chrF++ against the reference, and keeps the figures of the source.',
  catches: ['switch-language', 'change-number', 'change-unit'],
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      language: { type: 'string', minLength: 1 },
      minChrf: { type: 'number', minimum: 0, maximum: 100 },
      numbers: { type: 'boolean' },
      sourceVar: { type: 'string', minLength: 1 },
      candidates: { type: 'array', items: { type: 'string', minLength: 2 } },
    },
  },
  create(id, config) {
    const minChrf = config.minChrf ?? 40;
    const checkNumbers = config.numbers ?? true;
    const extra = (config.candidates ?? []).map((code) => {
      const parsed = parseLanguage(code);
      if (!parsed?.franc) {
        throw new GraderError(`grader "${id}": "${code}" in candidates is no language franc-min recognises`);
      }
      return parsed.franc;
    });
    if (config.language !== undefined && !config.language.includes('{{')) {
      knownLanguage(config.language, id);
    }
    return {
      id,
      type: 'translation',
      grade(input) {
        const target = targetOf(input, config.language, id);
        const reference = input.case.reference;
        if (typeof reference !== 'string' || reference.trim() === '') {
          throw new GraderError(
            `grader "${id}" compares with a reference translation: give the case a "reference"`,
          );
        }
        const source = checkNumbers ? sourceText(input, id, config.sourceVar ?? 'source') : undefined;
        const parts: string[] = [];
        const spans: Span[] = [];
        let pass = true;

        let wrongLanguage = false;
        if (target.franc === undefined) {
          parts.push(`language not checked: franc-min does not recognise "${target.label}"`);
        } else {
          const candidates = [...new Set([target.franc, 'fra', 'eng', ...extra])];
          const detection = detectLanguage(input.output, candidates);
          if (detection.kind === 'too-short') {
            parts.push(
              `language not checked: ${detection.letters} letters, too short to identify (needs ${MIN_LETTERS})`,
            );
          } else if (detection.kind === 'detected' && detection.code === target.franc) {
            parts.push(`in ${target.label}`);
          } else {
            wrongLanguage = true;
            parts.push(
              detection.kind === 'detected'
                ? `written in ${shortCode(detection.code)}, not ${target.label}`
                : `not in ${target.label}, nor in any language expected`,
            );
            spans.push({ start: 0, end: input.output.length, label: 'language' });
          }
        }
        pass &&= !wrongLanguage;

        const chrf = chrfPlusPlus(input.output, reference);
        const shown = chrf.toFixed(1);
        if (chrf < minChrf) {
          pass = false;
          parts.push(`chrF++ ${shown} below ${minChrf}`);
        } else parts.push(`chrF++ ${shown}`);

        if (source !== undefined) {
          const figures = checkFigures(source, input.output);
          if (figures.missing.length > 0) {
            pass = false;
            parts.push(`figures of the source missing: ${quote(figures.missing)}`);
          }
          if (figures.added.length > 0) {
            pass = false;
            parts.push(`figures not in the source: ${quote(figures.added)}`);
            spans.push(
              ...figures.added.map((figure) => ({ start: figure.start, end: figure.end, label: 'number' })),
            );
          }
          if (figures.missing.length === 0 && figures.added.length === 0) {
            parts.push(figures.checked === 0 ? 'no figure to keep' : 'figures kept');
          }
        }

        return {
          pass,
          score: wrongLanguage ? 0 : Math.min(1, Math.max(0, chrf / 100)),
          reason: parts.join('; '),
          spans,
        };
      },
    };
  },
};

function knownLanguage(value: string, id: string): TargetLanguage {
  const parsed = parseLanguage(value);
  if (!parsed) {
    throw new GraderError(
      `grader "${id}": "${value}" is not a language; write an ISO 639-1 code such as "en", "es" or "ar"`,
    );
  }
  return parsed;
}

/** The configured language (a template rendered over the case), else vars.target_language, else the suite's. */
function targetOf(input: GradeInput, configured: string | undefined, id: string): TargetLanguage {
  if (configured !== undefined) {
    let rendered: string;
    try {
      rendered = renderOverCase(configured, input, `grader "${id}"`);
    } catch (error) {
      if (error instanceof UserError) throw new GraderError(error.message);
      throw error;
    }
    return knownLanguage(rendered, id);
  }
  const fromCase = input.case.vars.target_language;
  if (typeof fromCase === 'string' && fromCase.trim() !== '') return knownLanguage(fromCase, id);
  return knownLanguage(input.suite.language, id);
}

function quote(figures: readonly Quantity[]): string {
  const shown = figures.slice(0, 5).map((figure) => JSON.stringify(figure.text));
  return `${shown.join(', ')}${figures.length > 5 ? ` and ${figures.length - 5} more` : ''}`;
}
