import { extractRoles, type Quantity } from '../numbers/extract.js';
import { isSupported, valuesMatch } from '../numbers/support.js';
import { recentSources } from '../text/recent-sources.js';
import { clockTimes } from './clock.js';

/**
 * Figures across a translation: each figure written with digits in the French source must be
 * in the output, and each figure written with digits in the output must be in the source.
 *
 * Digits are the same in every language; number words are not. The extractor reads French and
 * English words ("deux", "two") but not "dos", "zwei" or "اثنان", so a French number word is
 * not required in the output (it may be translated into a word the extractor cannot read),
 * while it still supports an output digit ("deux comprimés" supports "2 tablets").
 *
 * Units likewise: "mg", "%" or "°C" are read in any Latin-script text, and French and English
 * unit words ("jours", "days") are read too, but "días", "Tage" or "ملغ" are not. A figure whose
 * unit the extractor could not read is compared by value alone; a unit it did read must agree
 * ("5 days" does not keep "5 semaines", nor "500 g" keep "500 mg"). A compound unit cut short
 * by a denominator in an unknown language ("mg/kg/día" read as "mg/kg") is compared by its head.
 */

export interface FigureCheck {
  /** Source figures (digits) the output does not keep. */
  missing: Quantity[];
  /** Output figures (digits) the source does not state. */
  added: Quantity[];
  /** How many figures were checked, both ways. */
  checked: number;
}

const STRICT = { tolerance: 0, requireUnitMatch: true };

// Eastern Arabic and Persian digits, and the Arabic decimal, thousands and percent signs: one
// UTF-16 unit each, so swapping them keeps every offset.
const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u066a\u066b\u066c]/g;

function westernDigits(text: string): string {
  return text.replace(ARABIC_DIGITS, (char) => {
    const code = char.charCodeAt(0);
    if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
    if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
    return char === '\u066a' ? '%' : char === '\u066b' ? ',' : ' ';
  });
}

const DIGIT = /\d/;
/** DIGIT.test(figure.text), for the few characters of a figure without a call into the RegExp engine. */
function hasDigit(figure: Quantity): boolean {
  const { text } = figure;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= ZERO && code <= NINE) return true;
  }
  return false;
}

const ZERO = 0x30;
const NINE = 0x39;

/** Whether one of `candidates` states `figure`, allowing for units written in an unread language. */
function kept(figure: Quantity, candidates: readonly Quantity[]): boolean {
  if (isSupported(figure, candidates, STRICT)) return true;
  if (figure.literal !== undefined) return false;
  // With both units set aside, a figure and a candidate that is no literal agree on value alone
  // (isSupported of the two without units, and without the figure's "counted").
  // Indexed, as in isSupported: an iterator here cost an allocation per figure checked.
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i] as Quantity;
    if (candidate.literal !== undefined) continue;
    const comparable =
      candidate.unit === null ||
      figure.unit === null ||
      dividesHead(candidate.unit.label, figure.unit.label) ||
      dividesHead(figure.unit.label, candidate.unit.label);
    if (comparable && valuesMatch(figure.values, candidate.values, 0)) return true;
  }
  return false;
}

/** Whether `label` is `head` divided by something ("mg/kg/j" of "mg"), without building "mg/". */
function dividesHead(label: string, head: string): boolean {
  return label.length > head.length && label.charCodeAt(head.length) === SLASH && label.startsWith(head);
}

const SLASH = 0x2f;

/** A text's figures in both roles, with clock times ("2:30 pm") read as hours in place of their digits. */
interface Figures {
  claim: Quantity[];
  support: Quantity[];
}

function figuresOf(text: string): Figures {
  const clocks = clockTimes(text);
  const { claim, support } = extractRoles(text, clocks);
  return { claim: withClocks(claim, clocks), support: withClocks(support, clocks) };
}

/** In order of start: a stable sort, so figures starting together keep the extractor's order. */
function withClocks(figures: Quantity[], clocks: Quantity[]): Quantity[] {
  for (const clock of clocks) figures.push(clock);
  // Sorting figures already in order would leave them as they are.
  for (let i = 1; i < figures.length; i++) {
    if ((figures[i] as Quantity).start < (figures[i - 1] as Quantity).start) {
      return figures.sort((a, b) => a.start - b.start);
    }
  }
  return figures;
}

/** A source's figures, with the claims an output is checked for. */
interface SourceFigures extends Figures {
  claimsWithDigits: Quantity[];
}

/** The figures of the latest sources; nothing downstream changes a SourceFigures. */
const sourceFigures = recentSources((source): SourceFigures => {
  const { claim, support } = figuresOf(source);
  return { claim, support, claimsWithDigits: claim.filter(hasDigit) };
});

export function checkFigures(source: string, output: string): FigureCheck {
  const text = westernDigits(output);
  // Only figures with digits are claimed, and a text without a digit has none: it needs reading
  // only to support the other text's claims.
  const sourceHasDigit = DIGIT.test(source);
  const outputHasDigit = DIGIT.test(text);
  const fromSource = sourceHasDigit || outputHasDigit ? sourceFigures(source) : undefined;
  const sourceClaims = sourceHasDigit && fromSource ? fromSource.claimsWithDigits : [];
  const fromOutput = outputHasDigit || sourceClaims.length > 0 ? figuresOf(text) : undefined;
  const outputClaims = outputHasDigit && fromOutput ? fromOutput.claim.filter(hasDigit) : [];
  const outputSupport = sourceClaims.length > 0 && fromOutput ? fromOutput.support : [];
  const sourceSupport = outputClaims.length > 0 && fromSource ? fromSource.support : [];
  // Copies: the source's figures are remembered for the next output, and a caller may keep these.
  const missing = sourceClaims
    .filter((figure) => !kept(figure, outputSupport))
    .map((figure) => ({ ...figure }));
  // Offsets are the output's own: westernDigits keeps lengths, but the text shown is the original.
  const added = outputClaims
    .filter((figure) => !kept(figure, sourceSupport))
    .map((figure) => ({ ...figure, text: output.slice(figure.start, figure.end) }));
  return { missing, added, checked: sourceClaims.length + outputClaims.length };
}
