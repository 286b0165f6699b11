import { foldText } from './text/normalize.js';
import { type GradeInput, type GraderDefinition, GraderError, type Span } from './types.js';

export interface SectionsConfig {
  /** Heading titles the report must hold; else the case's `expect.sections`. */
  sections?: string[];
  /** Markdown heading level of the sections, 1..6; default 2 ("## Titre"). */
  level?: number;
  /** The sections must come in the listed order; default true. */
  ordered?: boolean;
  /** Other headings of that level are allowed; default true. */
  allowExtra?: boolean;
}

interface Heading {
  level: number;
  key: string;
  title: string;
  start: number;
  end: number;
  /** Index in the list of lines, to find the section's content. */
  line: number;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/u;
const FENCE = /^ {0,3}(`{3,}|~{3,})/u;

/**
 * A structured report has the required sections as Markdown ATX headings ("## Contexte"), each
 * with content, in order. Titles compare ignoring case, accents, extra spaces, a trailing ":",
 * a closing "##" and bold or italic marks around the title. Content is any non-blank line that is
 * not itself a heading, before the next heading of the same or a higher level. Score: the share
 * of required sections present, non-empty and (when ordered) in order; an unexpected heading
 * with allowExtra false fails without lowering the score.
 */
export const sections: GraderDefinition<SectionsConfig> = {
  description:
    'The Markdown report holds the required sections (config "sections" or expect.sections) as ATX headings ("## Titre") of the given level, each non-empty and in order; headings written in bold alone on a line ("**Contexte**") or setext-underlined do not count.',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      sections: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      level: { type: 'integer', minimum: 1, maximum: 6 },
      ordered: { type: 'boolean' },
      allowExtra: { type: 'boolean' },
    },
  },
  create(id, config) {
    const level = config.level ?? 2;
    const ordered = config.ordered ?? true;
    const allowExtra = config.allowExtra ?? true;
    return {
      id,
      type: 'sections',
      grade(input) {
        const required = requiredTitles(config.sections, input, id);
        const lines = splitLines(input.output);
        const headings = findHeadings(lines);
        const atLevel = headings.filter((heading) => heading.level === level);
        const keys = required.map(titleKey);
        const found = keys.map((key) => atLevel.find((heading) => heading.key === key));
        const spans: Span[] = found.flatMap((heading) =>
          heading ? [{ start: heading.start, end: heading.end, label: 'section' }] : [],
        );
        const inOrder = ordered ? longestIncreasing(found.map((heading) => heading?.line)) : undefined;
        const missing: string[] = [];
        const empty: string[] = [];
        const misplaced: string[] = [];
        required.forEach((title, index) => {
          const heading = found[index];
          if (!heading) missing.push(title);
          else if (!hasContent(heading, lines, headings)) empty.push(title);
          else if (inOrder && !inOrder.has(index)) misplaced.push(title);
        });
        const extras = allowExtra
          ? []
          : atLevel.filter((heading) => !found.includes(heading) && heading.key !== '');
        spans.push(
          ...extras.map((heading) => ({ start: heading.start, end: heading.end, label: 'extra-section' })),
        );
        const ok = required.length - missing.length - empty.length - misplaced.length;
        const problems = [
          ['missing', missing],
          ['empty', empty],
          ['out of order', misplaced],
          ['unexpected heading', extras.map((heading) => heading.title)],
        ] as const;
        const said = problems
          .filter(([, titles]) => titles.length > 0)
          .map(([what, titles]) => `${what}: ${listed(titles.map(quote))}`);
        const pass = said.length === 0;
        return {
          pass,
          score: ok / required.length,
          reason: pass
            ? `all ${required.length} sections present and non-empty${ordered ? ', in order' : ''}`
            : `${ok}/${required.length} sections as required; ${said.join('; ')}`,
          spans,
        };
      },
    };
  },
};

/**
 * From the config, or the case's expect.sections: a list of titles, or one string with a title
 * per line. Leading "#" marks are dropped, so "## Contexte" lists the title "Contexte".
 */
function requiredTitles(configured: string[] | undefined, input: GradeInput, id: string): string[] {
  const value: unknown = configured ?? input.case.expect.sections;
  const list = typeof value === 'string' ? value.split(/\r?\n/u) : value;
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
    throw new GraderError(
      `grader "${id}" needs the section titles: set "sections" in its config, or give the case "expect.sections" (a list of titles)`,
    );
  }
  const titles = list.map((item) => item.replace(/^\s*#+\s*/u, '').trim()).filter((item) => item !== '');
  if (titles.length === 0) {
    throw new GraderError(`grader "${id}": the list of section titles is empty; give at least one title`);
  }
  return titles;
}

function titleKey(title: string): string {
  return foldText(title.replace(/^[*_]+|[*_]+$/gu, ''))
    .replace(/\s*:$/u, '')
    .trim();
}

function splitLines(text: string): Array<{ text: string; start: number }> {
  const lines: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line.replace(/\r$/u, ''), start });
    start += line.length + 1;
  }
  return lines;
}

/** ATX headings outside fenced code blocks, where "# " is a comment, not a heading. */
function findHeadings(lines: ReadonlyArray<{ text: string; start: number }>): Heading[] {
  const headings: Heading[] = [];
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const opening = FENCE.exec(line.text)?.[1];
    if (opening !== undefined) {
      if (fence === undefined) fence = opening;
      else if (opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
      return;
    }
    if (fence !== undefined) return;
    const match = ATX.exec(line.text);
    if (!match) return;
    const title = (match[2] ?? '').trim();
    headings.push({
      level: (match[1] ?? '').length,
      key: titleKey(title),
      title,
      start: line.start,
      end: line.start + line.text.length,
      line: index,
    });
  });
  return headings;
}

function hasContent(
  heading: Heading,
  lines: ReadonlyArray<{ text: string }>,
  headings: readonly Heading[],
): boolean {
  const next = headings.find((other) => other.line > heading.line && other.level <= heading.level);
  const headingLines = new Set(headings.map((other) => other.line));
  for (let index = heading.line + 1; index < (next?.line ?? lines.length); index++) {
    if (!headingLines.has(index) && (lines[index]?.text.trim() ?? '') !== '') return true;
  }
  return false;
}

/**
 * Indices of the found sections that form the longest run in document order, so one section
 * moved out of place marks that one, not every section after it.
 */
function longestIncreasing(positions: ReadonlyArray<number | undefined>): Set<number> {
  const best: number[] = [];
  const previous: number[] = [];
  positions.forEach((position, i) => {
    previous[i] = -1;
    best[i] = position === undefined ? 0 : 1;
    if (position === undefined) return;
    for (let j = 0; j < i; j++) {
      const before = positions[j];
      if (before !== undefined && before < position && (best[j] ?? 0) + 1 > (best[i] ?? 0)) {
        best[i] = (best[j] ?? 0) + 1;
        previous[i] = j;
      }
    }
  });
  let end = -1;
  best.forEach((length, i) => {
    if (length > 0 && (end === -1 || length > (best[end] ?? 0))) end = i;
  });
  const chain = new Set<number>();
  for (let i = end; i !== -1; i = previous[i] ?? -1) chain.add(i);
  return chain;
}

/** The first ten, so a runaway answer does not make a runaway reason. */
function listed(items: string[]): string {
  const shown = items.slice(0, 10).join(', ');
  return items.length > 10 ? `${shown} and ${items.length - 10} more` : shown;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}
