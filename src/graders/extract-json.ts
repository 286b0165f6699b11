/**
 * Models wrap JSON in prose or in a fenced block; a form is still a form. Tries the whole text,
 * then each fenced block, then the widest {...} or [...] region.
 */
export type JsonExtraction =
  | { ok: true; value: unknown; from: 'whole' | 'fence' | 'region' }
  | { ok: false; error: string };

const FENCE = /```(?:json|JSON)?[ \t]*\r?\n([\s\S]*?)```/g;

export function extractJson(text: string): JsonExtraction {
  const trimmed = text.trim();
  let firstError = '';
  const attempt = (candidate: string): { ok: true; value: unknown } | undefined => {
    try {
      return { ok: true, value: JSON.parse(candidate) };
    } catch (error) {
      firstError ||= (error as Error).message;
      return undefined;
    }
  };
  const whole = attempt(trimmed);
  if (whole) return { ...whole, from: 'whole' };
  for (const match of trimmed.matchAll(FENCE)) {
    const fenced = attempt((match[1] ?? '').trim());
    if (fenced) return { ...fenced, from: 'fence' };
  }
  for (const [open, close] of [
    ['{', '}'],
    ['[', ']'],
  ] as const) {
    const start = trimmed.indexOf(open);
    const end = trimmed.lastIndexOf(close);
    if (start !== -1 && end > start) {
      const region = attempt(trimmed.slice(start, end + 1));
      if (region) return { ...region, from: 'region' };
    }
  }
  return { ok: false, error: trimmed === '' ? 'the output is empty' : `no valid JSON found (${firstError})` };
}
