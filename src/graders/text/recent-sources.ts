/**
 * What a grader read of the latest sources, by source text. A run asks every model a case before
 * the next case (plan.ts: models are the inner loop), so each model's answer is graded against
 * the source the previous answer was: a few entries spare most re-readings of it. The least
 * recently used entry goes first. Callers must not change what they get back: it is shared.
 */
export function recentSources<T>(read: (source: string) => T, size = 16): (source: string) => T {
  const recent = new Map<string, T>();
  return (source) => {
    let value = recent.get(source);
    if (value !== undefined || recent.has(source)) recent.delete(source);
    else {
      value = read(source);
      if (recent.size >= size) recent.delete(recent.keys().next().value as string);
    }
    recent.set(source, value as T);
    return value as T;
  };
}
