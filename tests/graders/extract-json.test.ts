import { describe, expect, it } from 'vitest';
import { extractJson } from '../../src/graders/extract-json.js';

describe('extractJson', () => {
  it('reads the whole output when it is JSON, surrounding spaces aside', () => {
    expect(extractJson('  {"a": 1}\n')).toEqual({ ok: true, value: { a: 1 }, from: 'whole' });
  });

  it('reads scalars when the whole output is one', () => {
    expect(extractJson('42')).toEqual({ ok: true, value: 42, from: 'whole' });
    expect(extractJson('"texte"')).toEqual({ ok: true, value: 'texte', from: 'whole' });
  });

  it('reads a ```json fence', () => {
    const text = 'Voici :\n```json\n{"dossier": "D-0001"}\n```\nFin.';
    expect(extractJson(text)).toEqual({ ok: true, value: { dossier: 'D-0001' }, from: 'fence' });
  });

  it('reads a fence without a language, or with JSON in capitals, and CRLF line ends', () => {
    expect(extractJson('Voici :\n```\n[1, 2]\n```')).toMatchObject({
      ok: true,
      value: [1, 2],
      from: 'fence',
    });
    expect(extractJson('Voici :\r\n```JSON\r\n{"a": true}\r\n```')).toMatchObject({
      ok: true,
      value: { a: true },
      from: 'fence',
    });
  });

  it('takes the first fence that parses', () => {
    const text = 'Brouillon :\n```json\n{"a": \n```\nFinal :\n```json\n{"a": 2}\n```';
    expect(extractJson(text)).toMatchObject({ ok: true, value: { a: 2 }, from: 'fence' });
  });

  it('reads the {...} region inside prose', () => {
    expect(extractJson('Le formulaire est {"mode": "assis"}. Merci.')).toEqual({
      ok: true,
      value: { mode: 'assis' },
      from: 'region',
    });
  });

  it('reads an array region inside prose, even an array of objects', () => {
    expect(extractJson('Les valeurs : [1, 2, 3].')).toMatchObject({
      ok: true,
      value: [1, 2, 3],
      from: 'region',
    });
    expect(extractJson('Liste : [{"a": 1}, {"a": 2}] fin')).toMatchObject({
      ok: true,
      value: [{ a: 1 }, { a: 2 }],
      from: 'region',
    });
  });

  it('keeps braces and brackets that sit inside strings', () => {
    const value = { note: 'voir {annexe} et [1]', nested: { deep: { list: ['}', '{'] } } };
    expect(extractJson(`Réponse : ${JSON.stringify(value)} terminé`)).toEqual({
      ok: true,
      value,
      from: 'region',
    });
  });

  it('keeps accents and escaped characters', () => {
    expect(extractJson('{"mode": "allongé", "q": "\\"oui\\""}')).toMatchObject({
      ok: true,
      value: { mode: 'allongé', q: '"oui"' },
    });
  });

  it('reports an empty output as empty', () => {
    expect(extractJson('')).toEqual({ ok: false, error: 'the output is empty' });
    expect(extractJson(' \n\t ')).toEqual({ ok: false, error: 'the output is empty' });
  });

  it('fails on prose without JSON, with the parser’s first error', () => {
    const result = extractJson('Le dossier est complet.');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^no valid JSON found \(.+\)$/);
  });

  it('fails on an unclosed object', () => {
    expect(extractJson('Voici {"a": 1, "b": ').ok).toBe(false);
    expect(extractJson('} avant {').ok).toBe(false);
  });
});
