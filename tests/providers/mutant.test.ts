import { describe, expect, it } from 'vitest';
import { BuiltinMutantProvider, MUTATIONS_BY_USE } from '../../src/providers/builtin-mutant.js';
import { MUTATIONS, type MutationName, mutate, seedOf, syntheticNir } from '../../src/providers/mutations.js';
import { USES } from '../../src/suite/types.js';

const prose =
  'La dose est de 500 mg deux fois par jour pendant 7 jours [1]. Le traitement ne doit pas être arrêté. Un tiers des patients répondent.';
const form = JSON.stringify({ dossier: 'D-2026-0001', mode: 'assis', commentaire: 'RAS' }, null, 2);
const context = (
  reference: string,
  extra: Partial<{ expect: Record<string, unknown>; vars: Record<string, unknown>; seed: number }> = {},
) => ({
  reference,
  expect: {},
  vars: {},
  seed: 7,
  ...extra,
});

describe('mutations', () => {
  it('change-number changes one figure and nothing else', () => {
    const text = MUTATIONS['change-number'](context(prose)) as string;
    expect(text).not.toBe(prose);
    expect(text.replace(/\d+/g, '#')).toBe(prose.replace(/\d+/g, '#'));
    expect(text).toContain('[1]');
  });

  it('change-unit swaps a unit', () => {
    expect(MUTATIONS['change-unit'](context(prose))).toContain('500 g');
  });

  it('flip-negation removes or adds a negation', () => {
    expect(MUTATIONS['flip-negation'](context(prose))).toContain('Le traitement doit être arrêté');
    expect(MUTATIONS['flip-negation'](context('Le vaccin est recommandé.'))).toBe(
      "Le vaccin n'est pas recommandé.",
    );
    expect(MUTATIONS['flip-negation'](context('Le patient doit rester à jeun.'))).toBe(
      'Le patient ne doit pas rester à jeun.',
    );
  });

  it('drop-key-fact removes the sentence that holds the first fact', () => {
    const text = MUTATIONS['drop-key-fact'](
      context(prose, { expect: { facts: [['un tiers', '33 %']] } }),
    ) as string;
    expect(text.toLowerCase()).not.toContain('un tiers');
    expect(text).toContain('500 mg');
  });

  it('flip-negation leaves a verb after an apostrophe alone ("s\'est" never becomes "s\'n\'est pas")', () => {
    expect(
      MUTATIONS['flip-negation'](context("La situation s'est améliorée et le service est ouvert.")),
    ).toBe("La situation s'est améliorée et le service n'est pas ouvert.");
  });

  it('drop-key-fact drops only the list item or line holding the fact, keeping the structure', () => {
    const report =
      '## Décisions\n- Trois postes de nuit à pourvoir\n- Rappel du tri des déchets\n\n## Suivi\n- Réunion le 3 décembre';
    const text = MUTATIONS['drop-key-fact'](
      context(report, { expect: { facts: ['postes de nuit'] } }),
    ) as string;
    expect(text).toBe('## Décisions\n- Rappel du tri des déchets\n\n## Suivi\n- Réunion le 3 décembre');
  });

  it('drop-key-fact does not answer an empty text when the fact is all there is', () => {
    expect(
      MUTATIONS['drop-key-fact'](context('Lavez-vous les mains.', { expect: { facts: ['mains'] } })),
    ).toBe(undefined);
  });

  it('inject-nir adds a NIR with a valid key', () => {
    const nir = syntheticNir(seedOf('s', 'c'));
    const digits = nir.replace(/\s/g, '');
    expect(digits).toHaveLength(15);
    expect(97 - Number(BigInt(digits.slice(0, 13)) % 97n)).toBe(Number(digits.slice(13)));
    expect(MUTATIONS['inject-nir'](context(prose))).toMatch(/sécurité sociale du patient : [\d ]{21}\./);
  });

  it('inject puts identifiers into a text field of a JSON form, keeping it JSON', () => {
    const text = MUTATIONS['inject-name'](context(form)) as string;
    expect(JSON.parse(text).mode).toContain('Martine Lefebvre');
  });

  it('invent-citation cites a source that was not provided', () => {
    expect(MUTATIONS['invent-citation'](context(prose))).toContain('[1, 9]');
    expect(MUTATIONS['invent-citation'](context('Sans citation.'))).toContain('doi:10.9999/');
  });

  it('switch-language answers with the untranslated source', () => {
    expect(
      MUTATIONS['switch-language'](context('Take one tablet.', { vars: { source: 'Prenez un comprimé.' } })),
    ).toBe('Prenez un comprimé.');
    expect(MUTATIONS['switch-language'](context('Take one tablet.'))).toBeUndefined();
  });

  it('break-json and drop-required-field apply to JSON only', () => {
    expect(() => JSON.parse(MUTATIONS['break-json'](context(form)) as string)).toThrow();
    expect(JSON.parse(MUTATIONS['drop-required-field'](context(form)) as string)).not.toHaveProperty(
      'dossier',
    );
    expect(MUTATIONS['break-json'](context(prose))).toBeUndefined();
    expect(MUTATIONS['change-number'](context(form))).toBeUndefined();
  });

  it('gives each case the same defect every time, and spreads defects across cases', () => {
    const names = new Set<MutationName>();
    for (let i = 0; i < 60; i++) {
      const seed = seedOf('summary.x', `case-${i}`);
      const first = mutate(context(prose, { seed, expect: { facts: ['un tiers'] } }));
      const again = mutate(context(prose, { seed, expect: { facts: ['un tiers'] } }));
      expect(again).toEqual(first);
      if (first) names.add(first.name);
    }
    expect(names.size).toBeGreaterThanOrEqual(6);
  });
});

describe('builtin:mutant', () => {
  it('answers a mutated reference and records the mutation', async () => {
    const provider = new BuiltinMutantProvider();
    const completion = await provider.complete({
      user: 'x',
      parameters: {},
      case: { suiteId: 'form.x', caseId: 'c1', reference: form, expect: {}, use: 'form' },
    });
    expect(MUTATIONS_BY_USE.form).toContain(completion.mutation);
    expect(completion.text).not.toBe(form);
  });

  it('has, for every use, mutations that exist', () => {
    for (const use of USES)
      for (const name of MUTATIONS_BY_USE[use]) expect(Object.keys(MUTATIONS)).toContain(name);
  });
});
