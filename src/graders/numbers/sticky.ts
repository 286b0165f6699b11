/** Sticky patterns tried at one place of a text. */

export function execAt(sticky: RegExp, text: string, at: number): RegExpExecArray | null {
  sticky.lastIndex = at;
  return sticky.exec(text);
}

/**
 * How long the match of `sticky` at `at` is, or -1 when it does not match there: for callers
 * that need no group, test() tells as much without building a match.
 */
export function lengthAt(sticky: RegExp, text: string, at: number): number {
  sticky.lastIndex = at;
  return sticky.test(text) ? sticky.lastIndex - at : -1;
}
