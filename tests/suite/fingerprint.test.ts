import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FingerprintInput, fingerprintSuite } from '../../src/suite/fingerprint.js';
import { loadSuite } from '../../src/suite/load-suite.js';
import { copyFixtureSuite, editFile } from '../helpers/suite-copy.js';

const BASE: FingerprintInput = {
  language: 'fr',
  prompts: { system: 'Tu résumes.', user: 'Étude : {{title}}' },
  parameters: { temperature: 0, maxTokens: 200 },
  graders: [{ type: 'contains', id: 'contains', config: { values: ['a', 'b'], mode: 'all' } }],
  datasetSha256: 'a'.repeat(64),
  referencedFiles: { './schema.json': 'b'.repeat(64) },
};

describe('fingerprintSuite', () => {
  it('is a stable sha256 of the same input', () => {
    const fingerprint = fingerprintSuite(BASE);
    expect(fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(fingerprintSuite(structuredClone(BASE))).toBe(fingerprint);
  });

  it('ignores key order at every depth', () => {
    const reordered: FingerprintInput = {
      referencedFiles: { './schema.json': 'b'.repeat(64) },
      datasetSha256: 'a'.repeat(64),
      graders: [{ config: { mode: 'all', values: ['a', 'b'] }, id: 'contains', type: 'contains' }],
      parameters: { maxTokens: 200, temperature: 0 },
      prompts: { user: 'Étude : {{title}}', system: 'Tu résumes.' },
      language: 'fr',
    };
    expect(fingerprintSuite(reordered)).toBe(fingerprintSuite(BASE));
  });

  it('keeps the order of lists: the order of values or graders counts', () => {
    const swapped = {
      ...BASE,
      graders: [{ ...BASE.graders[0], config: { values: ['b', 'a'], mode: 'all' } }],
    };
    expect(fingerprintSuite(swapped as FingerprintInput)).not.toBe(fingerprintSuite(BASE));
  });

  it('changes with each part of the input', () => {
    const variants: FingerprintInput[] = [
      { ...BASE, language: 'en' },
      { ...BASE, prompts: { ...BASE.prompts, user: 'Étude : {{ title }}' } },
      { ...BASE, prompts: { user: BASE.prompts.user } },
      { ...BASE, parameters: { temperature: 0.2, maxTokens: 200 } },
      { ...BASE, graders: [{ type: 'contains', id: 'other', config: BASE.graders[0]?.config ?? {} }] },
      { ...BASE, datasetSha256: 'c'.repeat(64) },
      { ...BASE, referencedFiles: { './schema.json': 'd'.repeat(64) } },
    ];
    const fingerprints = new Set([fingerprintSuite(BASE), ...variants.map(fingerprintSuite)]);
    expect(fingerprints.size).toBe(variants.length + 1);
  });

  it('treats an undefined optional key as absent', () => {
    const withUndefined = { ...BASE, parameters: { ...BASE.parameters, topP: undefined } };
    expect(fingerprintSuite(withUndefined)).toBe(fingerprintSuite(BASE));
  });
});

describe('suite fingerprints from loadSuite', () => {
  function fingerprintAfter(
    name: 'summary.alpha' | 'form.beta',
    edit: (dir: string) => void = () => {},
  ): { before: string; after: string } {
    const dir = copyFixtureSuite(name);
    const before = loadSuite(dir).fingerprint;
    edit(dir);
    return { before, after: loadSuite(dir).fingerprint };
  }

  it('is the same for two copies of a suite in different folders', () => {
    expect(loadSuite(copyFixtureSuite('summary.alpha')).fingerprint).toBe(
      loadSuite(copyFixtureSuite('summary.alpha')).fingerprint,
    );
  });

  it('differs between two different suites', () => {
    expect(loadSuite(copyFixtureSuite('summary.alpha')).fingerprint).not.toBe(
      loadSuite(copyFixtureSuite('form.beta')).fingerprint,
    );
  });

  it.each([
    ['the title', (t: string) => t.replace('title: Suite de test alpha', 'title: Autre titre')],
    [
      'the description',
      (t: string) => t.replace('use: summary', 'description: Pour les soignants.\nuse: summary'),
    ],
    ['the thresholds', (t: string) => t.replace('minPassRate: 0.6', 'minPassRate: 0.9')],
    ['the version', (t: string) => t.replace('version: 1.0.0', 'version: 1.1.0')],
    [
      'comments and formatting',
      (t: string) => `# commentaire\n${t.replace('language: fr', 'language:   "fr"')}`,
    ],
    [
      'the order of keys',
      (t: string) => t.replace('use: summary\nlanguage: fr', 'language: fr\nuse: summary'),
    ],
  ])('is unchanged when only %s changes', (_what, edit) => {
    const { before, after } = fingerprintAfter('summary.alpha', (dir) =>
      editFile(join(dir, 'suite.yaml'), edit),
    );
    expect(after).toBe(before);
  });

  it.each([
    ['the user prompt', (t: string) => t.replace('Étude : {{title}}', 'Étude : « {{title}} »')],
    ['the system prompt', (t: string) => t.replace('Tu résumes des études', 'Tu résumes des articles')],
    ['a parameter', (t: string) => t.replace('temperature: 0', 'temperature: 0.7')],
    ['the language', (t: string) => t.replace('language: fr', 'language: fr-FR')],
    ['a grader config', (t: string) => t.replace('"\\\\[\\\\d+\\\\]"', '"\\\\[\\\\d{1,3}\\\\]"')],
    ['a grader id', (t: string) => t.replace('id: cites-a-source', 'id: cites')],
    ['a grader added', (t: string) => t.replace('graders:\n', 'graders:\n  - type: json-schema\n')],
  ])('changes when %s changes', (_what, edit) => {
    const { before, after } = fingerprintAfter('summary.alpha', (dir) =>
      editFile(join(dir, 'suite.yaml'), (text) => {
        const edited = edit(text);
        expect(edited).not.toBe(text);
        return edited;
      }),
    );
    expect(after).not.toBe(before);
  });

  it('changes when the dataset bytes change', () => {
    const { before, after } = fingerprintAfter('summary.alpha', (dir) =>
      editFile(join(dir, 'alpha.jsonl'), (t) => t.replace('52 %', '53 %')),
    );
    expect(after).not.toBe(before);
  });

  it('changes when a CSV cell changes', () => {
    const { before, after } = fingerprintAfter('form.beta', (dir) =>
      editFile(join(dir, 'beta.csv'), (t) => t.replace('transport assis', 'transport  assis')),
    );
    expect(after).not.toBe(before);
  });

  it('changes when a file referenced by a grader changes, not when another file does', () => {
    const dir = copyFixtureSuite('form.beta');
    writeFileSync(join(dir, 'schema.json'), JSON.stringify({ type: 'object', required: ['dossier'] }));
    editFile(join(dir, 'suite.yaml'), (t) =>
      t.replace(
        / {2}- type: json-schema\n {4}schema:\n(?: {6}.*\n)+/,
        '  - type: json-schema\n    schema: ./schema.json\n',
      ),
    );
    const suite = loadSuite(dir);
    expect(suite.graders[0]?.config).toEqual({ schema: './schema.json' });
    writeFileSync(join(dir, 'notes.txt'), 'sans rapport');
    editFile(join(dir, 'CHANGELOG.md'), (t) => `${t}\nNote.\n`);
    expect(loadSuite(dir).fingerprint).toBe(suite.fingerprint);
    writeFileSync(
      join(dir, 'schema.json'),
      JSON.stringify({ type: 'object', required: ['dossier', 'mode'] }),
    );
    expect(loadSuite(dir).fingerprint).not.toBe(suite.fingerprint);
  });
});
