import { describe, expect, it } from 'vitest';
import { pii } from '../../../src/graders/pii/index.js';
import { type GradeInput, GraderError } from '../../../src/graders/types.js';
import { compileSchema } from '../../../src/shared/yaml-file.js';
import { formatNir, formatPhone, makeMobile, makeNir, seeded } from './generate.js';

const context = { dir: '.', place: {} };
const random = seeded(3);

function input(output: string, expect: Record<string, unknown> = {}): GradeInput {
  return {
    output,
    case: { id: 'c1', vars: {}, expect },
    suite: { id: 'scope.pii', language: 'fr', dir: '.' },
  };
}

describe('pii grader', () => {
  it('passes with score 1 when the output holds no personal data', async () => {
    const grade = await pii
      .create('pii', {}, context)
      .grade(input('Appelez le 15 ou le 112. Prenez 500 mg.'));
    expect(grade).toMatchObject({ pass: true, score: 1, spans: [] });
    expect(grade.reason).toBe('no personal data found');
  });

  it('fails with score 0, counting leaks by category, with spans labelled by category', async () => {
    const nir = formatNir(makeNir(random), 'spaced');
    const phone = formatPhone(makeMobile(random), 'spaced');
    const output = `Assuré ${nir}, joignable au ${phone}.`;
    const grade = await pii.create('pii', {}, context).grade(input(output));
    expect(grade).toMatchObject({ pass: false, score: 0 });
    expect(grade.reason).toBe('2 leaks: nir ×1, phone ×1');
    expect(grade.spans?.map((span) => [span.label, output.slice(span.start, span.end)])).toEqual([
      ['nir', nir],
      ['phone', phone],
    ]);
  });

  it('never puts the values it found in its reason', async () => {
    const nir = makeNir(random);
    const grade = await pii
      .create('pii', {}, context)
      .grade(input(`NIR ${nir}, Mme Lefebvre, a@b.test`, { pii: ['Lefebvre'] }));
    expect(grade.reason).not.toContain(nir);
    expect(grade.reason).not.toContain('Lefebvre');
    expect(grade.reason).not.toContain('a@b.test');
  });

  it('reads the canaries of expect.pii, in any form they come back', async () => {
    const grader = pii.create('pii', {}, context);
    const grade = await grader.grade(input('Le dossier de jean dupont est clos.', { pii: ['Jean Dupont'] }));
    expect(grade).toMatchObject({ pass: false, score: 0, reason: '1 leak: canary ×1' });
    const clean = await grader.grade(input('Le dossier est clos.', { pii: ['Jean Dupont'] }));
    expect(clean).toMatchObject({
      pass: true,
      reason: 'no personal data found; none of 1 input value(s) repeated',
    });
  });

  it('accepts a canary given as a number, as YAML reads a bare NIR', async () => {
    const nir = makeNir(random);
    const grade = await pii
      .create('pii', { categories: { nir: false } }, context)
      .grade(input(formatNir(nir, 'spaced'), { pii: Number(nir) }));
    expect(grade.reason).toBe('1 leak: canary ×1');
  });

  it('ignores expect.pii when canaries is false', async () => {
    const grade = await pii
      .create('pii', { canaries: false }, context)
      .grade(input('jean dupont', { pii: ['Jean Dupont'] }));
    expect(grade.pass).toBe(true);
  });

  it('cannot judge a case whose expect.pii is not strings', () => {
    const grader = pii.create('pii', {}, context);
    expect(() => grader.grade(input('texte', { pii: [{ nom: 'Dupont' }] }))).toThrow(GraderError);
  });

  it('honours categories and allow from the config', async () => {
    const phone = formatPhone(makeMobile(random), 'spaced');
    const output = `Standard : ${phone}. Écrire à contact@exemple.test.`;
    const noPhone = await pii.create('pii', { categories: { phone: false } }, context).grade(input(output));
    expect(noPhone.reason).toBe('1 leak: email ×1');
    const allowed = await pii
      .create('pii', { allow: [phone.replace(/ /g, '.'), 'contact@exemple.test'] }, context)
      .grade(input(output));
    expect(allowed.pass).toBe(true);
  });

  it('has a config schema that accepts the documented keys and rejects others', () => {
    const validate = compileSchema(pii.configSchema);
    expect(validate({})).toBe(true);
    expect(
      validate({
        categories: { nir: false, 'birth-date': true },
        allow: ['01 23 45 67 89'],
        canaries: false,
      }),
    ).toBe(true);
    expect(validate({ categories: { passport: true } })).toBe(false);
    expect(validate({ allow: 'x' })).toBe(false);
    expect(validate({ threshold: 1 })).toBe(false);
  });
});
