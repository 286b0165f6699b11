import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_SUITES, runAvec, spawnAvec, tempDir } from '../helpers/cli.js';
import { copyFixtureSuite, editFile } from '../helpers/suite-copy.js';

/** Every user error ends in exactly one line naming the place and the fix, and exit 2. */
async function expectUserError(args: string[], pattern: RegExp, env: Record<string, string> = {}) {
  const dir = tempDir();
  const result = await runAvec([...args, '--db', join(dir, 'a.db'), '--out', dir], { env });
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^avec: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return lines[0] as string;
}

const builtin = ['-m', 'builtin:reference'];

describe('user errors of avec run', () => {
  it('bad YAML names the file and line', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'suite.yaml'), (t) => t.replace('title: Suite de test alpha', 'title: [unclosed'));
    await expectUserError(['run', dir, ...builtin], /summary\.alpha\/suite\.yaml:\d+:\d+: invalid YAML/);
  });

  it('an unknown key names its line and JSON pointer', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'suite.yaml'), (t) =>
      t.replace('repeats', 'x').replace('language: fr', 'language: fr\nlangauge: en'),
    );
    const line = await expectUserError(
      ['run', dir, ...builtin],
      /suite\.yaml:6 \(\/langauge\): unknown key "langauge"/,
    );
    expect(line).toContain('README');
  });

  it('a wrong type names its pointer', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'suite.yaml'), (t) => t.replace('  maxTokens: 200', '  maxTokens: beaucoup'));
    await expectUserError(
      ['run', dir, ...builtin],
      /suite\.yaml:\d+ \(\/parameters\/maxTokens\): must be of type integer/,
    );
  });

  it('a missing dataset names the dataset path', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'suite.yaml'), (t) => t.replace('path: alpha.jsonl', 'path: absent.jsonl'));
    await expectUserError(
      ['run', dir, ...builtin],
      /absent\.jsonl: dataset file not found\. Check dataset\.path/,
    );
  });

  it('an unknown grader lists the known ones', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'suite.yaml'), (t) => t.replace('  - type: contains', '  - type: factualite'));
    await expectUserError(
      ['run', dir, ...builtin],
      /suite\.yaml:\d+ \(\/graders\/0\/type\): unknown grader type "factualite"\. Known graders: contains, regex/,
    );
  });

  it('a bad grader config names the key', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'suite.yaml'), (t) =>
      t.replace('  - type: contains', '  - type: contains\n    casesensitive: true'),
    );
    await expectUserError(
      ['run', dir, ...builtin],
      /\(\/graders\/0\/casesensitive\): grader "contains" \(contains\): unknown key/,
    );
  });

  it('an invalid regular expression is refused when the suite loads', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'suite.yaml'), (t) =>
      t.replace('pattern: "\\\\[\\\\d+\\\\]"', 'pattern: "[unclosed"'),
    );
    await expectUserError(['run', dir, ...builtin], /invalid regular expression/);
  });

  it('a placeholder a case does not define names the dataset line', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'suite.yaml'), (t) => t.replace('Étude : {{title}}', 'Étude : {{titre}}'));
    await expectUserError(['run', dir, ...builtin], /alpha\.jsonl:1: case "a-1" does not define "titre"/);
  });

  it('a duplicate case id names both lines', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'alpha.jsonl'), (t) => t.replace('"id": "a-3"', '"id": "a-1"'));
    await expectUserError(
      ['run', dir, ...builtin],
      /alpha\.jsonl:3: duplicate case id "a-1" \(first at line 1\)/,
    );
  });

  it('a JSONL line that is not JSON names its line', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'alpha.jsonl'), (t) => `${t}{"id": "a-4", oops}\n`);
    await expectUserError(['run', dir, ...builtin], /alpha\.jsonl:4: invalid JSON/);
  });

  it('a case without an id is refused', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'alpha.jsonl'), (t) => `${t}{"vars": {"title": "x", "answer": "y"}}\n`);
    await expectUserError(['run', dir, ...builtin], /alpha\.jsonl:4 \(\/\): case missing required key "id"/);
  });

  it('a CSV with a bad quote names its line', async () => {
    const dir = copyFixtureSuite('form.beta');
    editFile(join(dir, 'beta.csv'), (t) => `${t}b-3,"note "mal" quotée",x,D-0003,x\n`);
    await expectUserError(['run', dir, ...builtin], /beta\.csv:4: invalid CSV/);
  });

  it('a CSV without an id column is refused', async () => {
    const dir = copyFixtureSuite('form.beta');
    editFile(join(dir, 'beta.csv'), (t) => t.replace(/^id,/, 'ident,'));
    await expectUserError(['run', dir, ...builtin], /beta\.csv:1: the CSV header has no "id" column/);
  });

  it('an unknown provider lists the known ones', async () => {
    await expectUserError(
      ['run', FIXTURE_SUITES, '-m', 'mistrall:small'],
      /unknown provider "mistrall".*Known providers: openai, anthropic, builtin/,
    );
  });

  it('a model without a provider prefix is refused', async () => {
    await expectUserError(
      ['run', FIXTURE_SUITES, '-m', 'gpt-4o'],
      /model "gpt-4o" is not of the form provider:model/,
    );
  });

  it('a missing API key variable names the variable', async () => {
    await expectUserError(
      ['run', FIXTURE_SUITES, '-m', 'anthropic:claude-sonnet-4-5'],
      /ANTHROPIC_API_KEY is not set/,
    );
  });

  it('a named endpoint uses its own key variable', async () => {
    const dir = tempDir();
    const config = join(dir, 'avec.config.yaml');
    writeFileSync(
      config,
      'providers:\n  mistral:\n    type: openai\n    baseUrl: http://127.0.0.1:9/v1\n    apiKeyEnv: MISTRAL_API_KEY\n',
    );
    await expectUserError(
      ['run', FIXTURE_SUITES, '-m', 'mistral:mistral-small-latest', '--config', config],
      /MISTRAL_API_KEY is not set/,
    );
  });

  it('a config file with an unknown key names its line', async () => {
    const dir = tempDir();
    const config = join(dir, 'avec.config.yaml');
    writeFileSync(config, 'concurrency: 4\nretries: 3\n');
    await expectUserError(
      ['run', FIXTURE_SUITES, ...builtin, '--config', config],
      /avec\.config\.yaml:2 \(\/retries\): unknown key "retries"/,
    );
  });

  it('identifying data is refused for a provider not approved for it, before any call', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'suite.yaml'), (t) =>
      t.replace('classification: synthetic', 'classification: identifying'),
    );
    await expectUserError(
      ['run', dir, '-m', 'openai:gpt-4o-mini'],
      /suite summary\.alpha holds identifying data, which openai:gpt-4o-mini is not approved to receive/,
      { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' },
    );
  });

  it('an unknown run id for --resume', async () => {
    await expectUserError(['run', '--resume', '20990101-000000-dead'], /no run "20990101-000000-dead"/);
  });

  it('a suite path that does not exist', async () => {
    await expectUserError(['run', 'suites/nope', ...builtin], /suites\/nope: no such suite file or folder/);
  });

  it('a corrupted database file', async () => {
    const dir = tempDir();
    const db = join(dir, 'broken.db');
    writeFileSync(db, 'this is not a database at all, just text '.repeat(200));
    const result = await runAvec(['run', FIXTURE_SUITES, ...builtin, '--db', db, '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/broken\.db: cannot open the result database.*point --db at another file/);
  });

  it.each([
    [['run', FIXTURE_SUITES, ...builtin, '--concurrency', '0'], /--concurrency must be a whole number/],
    [['run', FIXTURE_SUITES, ...builtin, '--concurrency', 'lots'], /--concurrency must be a whole number/],
    [['run', FIXTURE_SUITES, ...builtin, '--frobnicate'], /unknown option '--frobnicate'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('usage error %j exits 2', async (args, pattern) => {
    const result = await runAvec(args as string[]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a binary dataset is refused as not text', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    writeFileSync(join(dir, 'alpha.jsonl'), Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x7d, 0x0a]));
    await expectUserError(['run', dir, ...builtin], /alpha\.jsonl: dataset is a binary file, not text/);
  });

  it('a dataset line over 8 MiB names its line', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    writeFileSync(
      join(dir, 'alpha.jsonl'),
      `${JSON.stringify({ id: 'big', vars: { title: 'x'.repeat(9 * 1024 * 1024), answer: 'y' } })}\n`,
    );
    await expectUserError(['run', dir, ...builtin], /alpha\.jsonl:1: line is longer than 8 MiB/);
  });

  it('an empty dataset is refused', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    writeFileSync(join(dir, 'alpha.jsonl'), '\n\n');
    await expectUserError(
      ['run', dir, ...builtin],
      /alpha\.jsonl: dataset holds no case\. Add at least one case/,
    );
  });

  it('a dataset of an unsupported format names the extension', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    writeFileSync(join(dir, 'alpha.xlsx'), 'PK');
    editFile(join(dir, 'suite.yaml'), (t) => t.replace('path: alpha.jsonl', 'path: alpha.xlsx'));
    await expectUserError(['run', dir, ...builtin], /alpha\.xlsx: unsupported dataset format "\.xlsx"/);
  });

  it('a CSV row with a missing column names its line and the header width', async () => {
    const dir = copyFixtureSuite('form.beta');
    editFile(join(dir, 'beta.csv'), (t) => `${t}b-3,"note courte"\n`);
    await expectUserError(
      ['run', dir, ...builtin],
      /beta\.csv:4: row has 2 fields, the header has 5\. Give every row/,
    );
  });

  it('a version that is not semver names its pointer', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'suite.yaml'), (t) => t.replace('version: 1.0.0', 'version: "v1"'));
    await expectUserError(
      ['run', dir, ...builtin],
      /suite\.yaml:2 \(\/version\): must be a semantic version MAJOR\.MINOR\.PATCH, such as 1\.2\.0/,
    );
  });

  it('a use outside the allowed uses lists them', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'suite.yaml'), (t) => t.replace('use: summary', 'use: diagnostic'));
    await expectUserError(
      ['run', dir, ...builtin],
      /suite\.yaml:4 \(\/use\): must be one of "summary", "translation", "form", "report", "education", "scope"/,
    );
  });

  it('no model given', async () => {
    await expectUserError(['run', FIXTURE_SUITES], /no model given\. Name at least one with -m/);
  });

  it('an unknown report format lists the known ones', async () => {
    await expectUserError(
      ['run', FIXTURE_SUITES, ...builtin, '--report', 'pdf'],
      /unknown report format "pdf"\. Known formats: html, md, junit, json, csv/,
    );
  });

  it('an unknown judge provider is refused before any call', async () => {
    await expectUserError(
      ['run', FIXTURE_SUITES, ...builtin, '--judge', 'nope:x'],
      /unknown provider "nope"/,
    );
  });

  it('a pii grader with a category it does not know names the key', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'suite.yaml'), (t) =>
      t.replace(
        '  - type: contains',
        '  - type: pii\n    categories:\n      passport: false\n  - type: contains',
      ),
    );
    await expectUserError(
      ['run', dir, ...builtin],
      /\(\/graders\/0\/categories\/passport\): grader "pii" \(pii\): unknown key/,
    );
  });

  it('a grader whose expectation the case lacks makes the cases errors, with the reason, exit 3', async () => {
    const dir = copyFixtureSuite('summary.alpha');
    editFile(join(dir, 'suite.yaml'), (t) => t.replace('  - type: contains', '  - type: key-facts'));
    const out = tempDir();
    const result = await runAvec(['run', dir, ...builtin, '--db', join(out, 'a.db'), '--out', out]);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/3 case\(s\) ended in error/);
    expect(result.stderr).toMatch(
      /3 × grading failed: grader "key-facts" needs the facts to find: give the case "expect\.facts"/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['report', '20990101-000000-dead'], /no run "20990101-000000-dead" in this database/],
    [['compare', '20990101-000000-dead', 'latest'], /no run "20990101-000000-dead"|no result database here/],
    [['runs', 'purge', '20990101-000000-dead'], /no run "20990101-000000-dead"|no result database here/],
  ])('an unknown run id for %j', async (args, pattern) => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    await runAvec(['run', FIXTURE_SUITES, ...builtin, '--db', db, '--out', dir]);
    const result = await runAvec([...(args as string[]), '--db', db]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(pattern);
  });

  it.each([
    [['run', FIXTURE_SUITES, ...builtin, '--repeats', '0'], /--repeats must be a whole number from 1 to 100/],
    [['run', FIXTURE_SUITES, ...builtin, '--lang', 'de'], /--lang is fr or en, not "de"/],
    [['grade', '--grader', 'pii'], /required option '-i, --input <file>' not specified/],
  ])('usage error %j exits 2 with one clear line', async (args, pattern) => {
    const result = await runAvec(args as string[]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('the installed binary prints the same one line (no stack trace) and exits 2', async () => {
    const result = await spawnAvec(['run', FIXTURE_SUITES, '-m', 'anthropic:claude-sonnet-4-5']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(
      /^avec: missing API key for anthropic:claude-sonnet-4-5: environment variable ANTHROPIC_API_KEY is not set\. Set ANTHROPIC_API_KEY/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
