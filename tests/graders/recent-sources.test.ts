import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recentSources } from '../../src/graders/text/recent-sources.js';

describe('recentSources', () => {
  it('reads a source once while it stays among the most recent, then again', () => {
    const reads: string[] = [];
    const read = recentSources((source: string) => {
      reads.push(source);
      return source === 'vide' ? undefined : source.length;
    }, 2);
    expect([read('ab'), read('ab'), read('vide'), read('vide'), read('ab')]).toEqual([
      2,
      2,
      undefined,
      undefined,
      2,
    ]);
    expect(reads).toEqual(['ab', 'vide']);
    read('abc'); // the least recently used, "vide", goes
    read('ab');
    read('vide');
    expect(reads).toEqual(['ab', 'vide', 'abc', 'vide']);
  });

  it('gives what a fresh read gives, in any order of sources', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 200 }), (order) => {
        const read = recentSources((source: string) => ({ length: source.length }), 4);
        for (const i of order) expect(read(`source ${i}`)).toEqual({ length: `source ${i}`.length });
      }),
    );
  });
});
