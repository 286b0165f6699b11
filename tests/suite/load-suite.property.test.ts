import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { UserError } from '../../src/shared/errors.js';
import { loadSuite } from '../../src/suite/load-suite.js';
import type { Suite } from '../../src/suite/types.js';
import { FIXTURE_SUITES, tempDir } from '../helpers/cli.js';

const RUNS = 150;

/** A folder holding the alpha dataset, where each run writes its own suite.yaml. */
function suiteFolder(): string {
  const dir = tempDir('avec-fuzz-');
  copyFileSync(join(FIXTURE_SUITES, 'summary.alpha', 'alpha.jsonl'), join(dir, 'alpha.jsonl'));
  return dir;
}

/** loadSuite either gives a suite or a UserError: anything else reaches users as a stack trace. */
function loadOrUserError(dir: string, text: string): Suite | UserError {
  writeFileSync(join(dir, 'suite.yaml'), text);
  try {
    return loadSuite(dir);
  } catch (error) {
    if (error instanceof UserError) {
      expect(error.message.length).toBeGreaterThan(0);
      expect(() => error.describe()).not.toThrow();
      return error;
    }
    throw new Error(`loadSuite crashed on ${JSON.stringify(text)}: ${(error as Error).stack}`);
  }
}

const VALID = {
  id: 'summary.alpha',
  version: '1.0.0',
  title: 'Suite de test alpha',
  use: 'summary',
  language: 'fr',
  dataset: { path: 'alpha.jsonl', classification: 'synthetic' },
  prompts: { system: 'Tu résumes des études.', user: 'Étude : {{title}}. Réponds : {{answer}}' },
  parameters: { temperature: 0, maxTokens: 200 },
  graders: [{ type: 'contains' }, { type: 'regex', id: 'cites', pattern: '\\[\\d+\\]' }],
  thresholds: { minPassRate: 0.6 },
};

/** Pieces of YAML syntax, so random text reaches anchors, aliases, tags and flow collections. */
const yamlToken = fc.constantFrom(
  'id: ',
  'graders:',
  '- ',
  '  ',
  '\n',
  ': ',
  '? ',
  '&a ',
  '*a',
  '*b',
  '&b ',
  '!!binary ',
  '!!str ',
  '!!int ',
  '!!map ',
  '!!seq ',
  '!!set ',
  '!!timestamp ',
  '!local ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '|',
  '>-',
  '"',
  "'",
  '#',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '%TAG ! tag:x,2000:\n',
  '<<: ',
  'type: contains',
  'pattern: ./x',
  'schema: ./',
  '\t',
  '\uFEFF',
  'é',
  '~',
  'null',
  '0x1F',
  '1e999',
  '.nan',
);

describe('loadSuite on any text never crashes', () => {
  it('random text', () => {
    const dir = suiteFolder();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
        ),
        (text) => {
          loadOrUserError(dir, text);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('random YAML syntax', () => {
    const dir = suiteFolder();
    fc.assert(
      fc.property(fc.array(fc.oneof(yamlToken, fc.string({ maxLength: 4 })), { maxLength: 40 }), (tokens) => {
        loadOrUserError(dir, tokens.join(''));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('random objects and JSON values written as YAML', () => {
    const dir = suiteFolder();
    fc.assert(
      fc.property(fc.oneof(fc.object(), fc.jsonValue()), (value) => {
        loadOrUserError(dir, stringify(value));
      }),
      { numRuns: RUNS },
    );
  });

  it('a valid suite with one part replaced by anything', () => {
    const dir = suiteFolder();
    const paths = [
      ['id'],
      ['version'],
      ['title'],
      ['use'],
      ['language'],
      ['dataset'],
      ['dataset', 'path'],
      ['dataset', 'classification'],
      ['prompts'],
      ['prompts', 'user'],
      ['prompts', 'system'],
      ['parameters', 'temperature'],
      ['graders'],
      ['graders', 0],
      ['graders', 1, 'pattern'],
      ['graders', 1, 'id'],
      ['graders', 1, 'schema'],
      ['thresholds'],
      ['repeats'],
      ['extra'],
    ] as const;
    const replacement = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(
        './alpha.jsonl',
        './',
        '../',
        './absent.json',
        '.',
        'suite.yaml',
        '{{title}}',
        '{{nope}}',
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...paths), replacement, fc.boolean(), (path, value, remove) => {
        const suite = structuredClone(VALID) as Record<string, unknown>;
        let parent: Record<string | number, unknown> = suite;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        const last = path[path.length - 1] as string | number;
        if (remove) delete parent[last];
        else parent[last] = value;
        loadOrUserError(dir, stringify(suite));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('loadSuite on hostile YAML', () => {
  it('loads the valid suite the fuzzing starts from', () => {
    const result = loadOrUserError(suiteFolder(), stringify(VALID));
    expect(result).not.toBeInstanceOf(UserError);
    expect((result as Suite).cases).toHaveLength(3);
  });

  it.each([
    ['an alias to an unknown anchor', 'id: *nope\n'],
    ['an alias before its anchor', 'title: *t\nid: &t summary.x\n'],
    ['an alias inside its own anchor', 'graders: &g [*g]\n'],
    [
      'a grader config that refers to itself',
      `${stringify({ ...VALID, graders: undefined })}graders:\n  - &g\n    type: contains\n    self: *g\n`,
    ],
    [
      'a value list that holds itself',
      `${stringify({ ...VALID, graders: undefined })}graders:\n  - type: contains\n    values: &v [a, *v]\n`,
    ],
    [
      'too many aliases (a billion laughs)',
      `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [${Array(10).fill('*a').join(', ')}]\nc: &c [${Array(10).fill('*b').join(', ')}]\nd: [${Array(10).fill('*c').join(', ')}]\n`,
    ],
    ['a duplicate key', `${stringify(VALID)}id: summary.beta\n`],
    ['a collection as a key', '? [a, b]\n: 1\n'],
    ['only a comment', '# rien\n'],
    ['an empty file', ''],
  ])('refuses %s with a UserError', (_what, text) => {
    const result = loadOrUserError(suiteFolder(), text);
    expect(result).toBeInstanceOf(UserError);
  });

  it('names the line of an unresolved alias', () => {
    const result = loadOrUserError(suiteFolder(), 'id: summary.x\ntitle: *nope\n');
    expect(result).toBeInstanceOf(UserError);
    expect((result as UserError).place.line).toBe(2);
  });
});
