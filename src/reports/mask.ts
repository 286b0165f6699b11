import type { StoredGrade } from '../graders/types.js';

/** Grade types whose spans locate personal data: what every report hides unless told otherwise. */
const PERSONAL_DATA_GRADERS = new Set(['pii']);

export interface MaskedText {
  text: string;
  masked: number;
}

/**
 * Replaces the spans the personal-data graders found by a label naming only the category, so a
 * report says what leaked without leaking it again. Overlapping spans are merged.
 */
export function maskPersonalData(output: string, grades: readonly StoredGrade[]): MaskedText {
  const spans = grades
    .filter((grade) => PERSONAL_DATA_GRADERS.has(grade.type))
    .flatMap((grade) => grade.spans ?? [])
    .filter((span) => span.end > span.start && span.start >= 0 && span.end <= output.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  if (spans.length === 0) return { text: output, masked: 0 };
  let text = '';
  let cursor = 0;
  let masked = 0;
  for (const span of spans) {
    if (span.end <= cursor) continue;
    const start = Math.max(span.start, cursor);
    text += `${output.slice(cursor, start)}[${span.label}: ***]`;
    cursor = span.end;
    masked++;
  }
  return { text: text + output.slice(cursor), masked };
}
