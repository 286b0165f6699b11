import { describe, expect, it } from 'vitest';
import { checkFigures } from '../../src/graders/translation/figures.js';

describe('translation: figures of recent sources, remembered', () => {
  it('checks a source the same when read afresh and when remembered', () => {
    const sources = Array.from(
      { length: 40 },
      (_, i) =>
        `Prenez ${i + 1} comprimés de 500 mg, ${i % 3} fois par jour pendant ${i + 2} jours, à 14 h 30.`,
    );
    const outputs = ['Take 2 tablets of 500 mg, 3 times a day for 7 days, at 2:30 pm.', 'Take one tablet.'];
    const first = sources.flatMap((source) => outputs.map((output) => checkFigures(source, output)));
    // Again, in an order that both hits and misses the few sources kept.
    const again = sources.flatMap((source) => outputs.map((output) => checkFigures(source, output)));
    const reversed = [...sources]
      .reverse()
      .flatMap((source) => [...outputs].reverse().map((output) => checkFigures(source, output)))
      .reverse();
    expect(again).toEqual(first);
    expect(reversed).toEqual(first);
  });

  it('leaves a remembered source unchanged by what a check returns', () => {
    const source = 'Prenez 2 comprimés par jour pendant 5 jours.';
    const before = checkFigures(source, 'Take 3 tablets a day for 6 days.');
    for (const figure of [...before.missing, ...before.added]) figure.text = 'changed';
    expect(checkFigures(source, 'Take 3 tablets a day for 6 days.')).not.toEqual(before);
    expect(checkFigures(source, 'Take 3 tablets a day for 6 days.').missing.map((f) => f.text)).toEqual([
      '2 comprimés par jour',
      '5 jours',
    ]);
  });
});
