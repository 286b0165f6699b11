import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graderConfigKey, graderTypes } from '../../src/graders/registry.js';
import caseSchema from '../../src/suite/case.schema.json' with { type: 'json' };
import suiteSchema from '../../src/suite/suite.schema.json' with { type: 'json' };
import { ROOT, runAvec, spawnAvec, tempDir } from '../helpers/cli.js';

/**
 * The CLI bundle validates suites, cases and configs with ajv code generated at build time
 * (scripts/build-cli.mjs) instead of compiling the schemas at each start. Run from sources
 * (runAvec, in-process), the same schemas are compiled by ajv: both must say the same.
 */
const SUITE = [
  'id: summary.bad',
  'version: 1.0.0',
  'title: Suite de test',
  'use: summary',
  'language: fr',
  'dataset: { path: cases.jsonl, classification: synthetic }',
  'prompts: { user: "Résume : {{texte}}" }',
  'graders: [{ type: contains }]',
];

const BAD_INPUTS: Array<[string, { suite?: string[]; cases?: string; config?: string }]> = [
  [
    'a version that is no semver',
    { suite: SUITE.map((l) => (l.startsWith('version') ? 'version: 1.0' : l)) },
  ],
  ['an unknown suite key', { suite: [...SUITE, 'auteur: moi'] }],
  ['a missing suite key', { suite: SUITE.filter((l) => !l.startsWith('title')) }],
  ['a use outside the enum', { suite: SUITE.map((l) => (l.startsWith('use') ? 'use: diagnostic' : l)) }],
  ['an unknown case key', { cases: '{"id":"c1","vars":{"texte":"a"},"expected":{}}\n' }],
  ['a case id with spaces around it', { cases: '{"id":" c1 ","vars":{"texte":"a"}}\n' }],
  ['a config with an unknown key', { config: 'concurrency: 4\nretries: 3\n' }],
  [
    'a config with a bad classification',
    { config: 'providers:\n  local:\n    type: openai\n    approvedFor: [secret]\n' },
  ],
  ...graderConfigs([
    ['a grader option no grader has', '{ type: contains, value: a, casse: true }'],
    ['a grader given both value and values', '{ type: contains, value: a, values: [b] }'],
    ['a grader option out of range', '{ type: translation, language: en, minChrf: 120 }'],
    ['a grader option of the wrong type', '{ type: negation, minOverlap: "moitié" }'],
  ]),
];

/** Bad inputs that are the suite above with one grader in place of its own. */
function graderConfigs(
  graders: Array<[string, string]>,
): Array<[string, { suite?: string[]; cases?: string; config?: string }]> {
  return graders.map(([name, grader]) => [
    name,
    { suite: SUITE.map((l) => (l.startsWith('graders') ? `graders: [${grader}]` : l)) },
  ]);
}

describe('precompiled schema validators', () => {
  it("are in the CLI bundle, one per shipped schema and per grader's config schema", () => {
    const dir = join(ROOT, 'dist/cli');
    const bundle = readdirSync(dir)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(dir, file), 'utf8'))
      .join('\n');
    const table = /PRECOMPILED\s*=\s*\{([^}]*)\}/.exec(bundle)?.[1] ?? '';
    const graderConfigIds = graderTypes().map((type) => graderConfigKey(type));
    for (const id of [
      suiteSchema.$id,
      caseSchema.$id,
      'https://avec.invalid/schemas/config.json',
      ...graderConfigIds,
    ]) {
      expect(table).toContain(JSON.stringify(id));
    }
  });

  it.each(BAD_INPUTS)('say what the compiled schemas say of %s', async (_name, input) => {
    const dir = tempDir();
    const suiteDir = join(dir, 'summary.bad');
    mkdirSync(suiteDir);
    writeFileSync(join(suiteDir, 'suite.yaml'), `${(input.suite ?? SUITE).join('\n')}\n`);
    writeFileSync(join(suiteDir, 'cases.jsonl'), input.cases ?? '{"id":"c1","vars":{"texte":"a"}}\n');
    const config = join(dir, 'avec.config.yaml');
    writeFileSync(config, input.config ?? 'concurrency: 2\n');
    const args = ['run', suiteDir, '-m', 'builtin:reference', '--config', config, '--db', join(dir, 'a.db')];
    const [bundled, compiled] = [await spawnAvec(args, { cwd: dir }), await runAvec(args, { cwd: dir })];
    expect(compiled.code).toBe(2);
    expect(bundled.code).toBe(2);
    // Paths are shown from different folders in-process and in a child: compare past them.
    const shown = (stderr: string) => stderr.replaceAll(`${dir}/`, '').trim();
    expect(shown(bundled.stderr)).toBe(shown(compiled.stderr));
    expect(shown(bundled.stderr)).toMatch(
      /summary\.bad\/(suite\.yaml|cases\.jsonl):\d+ \(\/|avec\.config\.yaml:\d+/,
    );
  });
});
