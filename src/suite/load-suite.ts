import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { sha256 } from '../shared/canonical-json.js';
import { UserError } from '../shared/errors.js';
import { joinPointer, readPositionedYaml, validatePositioned } from '../shared/yaml-file.js';
import { openDataset } from './dataset.js';
import { fingerprintSuite } from './fingerprint.js';
import suiteSchema from './suite.schema.json' with { type: 'json' };
import { placeholders, renderTemplate } from './template.js';
import type { Classification, GraderSpec, Suite, Thresholds, Use } from './types.js';

interface RawSuite {
  id: string;
  version: string;
  title: string;
  description?: string;
  use: Use;
  language: string;
  dataset: { path: string; classification: Classification };
  prompts: { system?: string; user: string };
  parameters?: Suite['parameters'];
  graders: Array<{ type: string; id?: string } & Record<string, unknown>>;
  thresholds?: Thresholds;
  repeats?: number;
}

/** Paths are shown relative to where the user stands, as they typed them. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/** A string in a grader config that starts with ./ or ../ names a file beside the suite. */
export function isRelativeFileReference(value: unknown): value is string {
  return typeof value === 'string' && /^\.\.?\//.test(value);
}

export function loadSuite(pathOrDir: string): Suite {
  const file = resolveSuiteFile(pathOrDir);
  const shown = displayPath(file);
  const document = readPositionedYaml(file, shown);
  validatePositioned(document, suiteSchema, { what: 'suite format' });
  const raw = document.value as RawSuite;
  const dir = dirname(file);

  if (raw.id.split('.')[0] !== raw.use) {
    throw new UserError(`suite id "${raw.id}" must start with its use "${raw.use}."`, {
      place: { file: shown, line: document.lineOf('/id'), pointer: '/id' },
      hint: `Rename it ${raw.use}.<name>, or change "use"`,
    });
  }

  const graders = raw.graders.map((g, index): GraderSpec => {
    const { type, id, ...config } = g;
    const pointer = joinPointer(['graders', index]);
    return { type, id: id ?? type, config, place: { file: shown, line: document.lineOf(pointer), pointer } };
  });
  rejectDuplicateGraderIds(graders);
  const referencedFiles = hashReferencedFiles(graders, dir, shown, document.lineOf.bind(document));

  // Every case must define every placeholder: found now, not after half the run is paid for.
  const templates: Array<[string, string | undefined]> = [
    ['prompts.system', raw.prompts.system],
    ['prompts.user', raw.prompts.user],
  ];
  const datasetPath = resolve(dir, raw.dataset.path);
  // Read as a stream: the cases are checked now and read again as the run asks them.
  const dataset = openDataset(datasetPath, displayPath(datasetPath), {
    check: (testCase) => {
      for (const [field, template] of templates) {
        if (template !== undefined) renderTemplate(template, testCase, { field: `${field} of ${shown}` });
      }
    },
  });

  const parameters = raw.parameters ?? {};
  return {
    id: raw.id,
    version: raw.version,
    title: raw.title,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    use: raw.use,
    language: raw.language,
    file,
    dir,
    dataset: { path: datasetPath, classification: raw.dataset.classification, sha256: dataset.sha256 },
    prompts: raw.prompts,
    parameters,
    graders,
    thresholds: raw.thresholds ?? {},
    repeats: raw.repeats ?? 1,
    cases: dataset.cases,
    fingerprint: fingerprintSuite({
      language: raw.language,
      prompts: raw.prompts,
      parameters,
      graders: graders.map(({ type, id, config }) => ({ type, id, config })),
      datasetSha256: dataset.sha256,
      referencedFiles,
    }),
  };
}

export function resolveSuiteFile(pathOrDir: string): string {
  const absolute = resolve(pathOrDir);
  if (!existsSync(absolute)) {
    throw new UserError('no such suite file or folder', {
      place: { file: pathOrDir },
      hint: 'Give a suite folder (holding suite.yaml), a suite.yaml file, or a folder of suites',
    });
  }
  if (statSync(absolute).isDirectory()) {
    const candidate = join(absolute, 'suite.yaml');
    if (!existsSync(candidate)) {
      throw new UserError('folder holds no suite.yaml', {
        place: { file: pathOrDir },
        hint: 'Give a suite folder (holding suite.yaml) or a suite.yaml file',
      });
    }
    return candidate;
  }
  return absolute;
}

/** Placeholders used by the prompts, for `suites list`. */
export function promptVariables(suite: Pick<Suite, 'prompts'>): string[] {
  const names = new Set<string>();
  for (const template of [suite.prompts.system ?? '', suite.prompts.user]) {
    for (const name of placeholders(template)) names.add(name);
  }
  return [...names];
}

function rejectDuplicateGraderIds(graders: GraderSpec[]): void {
  const seen = new Set<string>();
  for (const grader of graders) {
    if (seen.has(grader.id)) {
      throw new UserError(`two graders have the id "${grader.id}"`, {
        place: grader.place,
        hint: 'Give each grader of the same type a distinct "id"',
      });
    }
    seen.add(grader.id);
  }
}

function hashReferencedFiles(
  graders: GraderSpec[],
  dir: string,
  shown: string,
  lineOf: (pointer: string) => number | undefined,
): Record<string, string> {
  const hashes: Record<string, string> = {};
  graders.forEach((grader, index) => {
    for (const [key, value] of Object.entries(grader.config)) {
      if (!isRelativeFileReference(value)) continue;
      const target = resolve(dir, value);
      if (!existsSync(target) || !statSync(target).isFile()) {
        const pointer = joinPointer(['graders', index, key]);
        throw new UserError(`file "${value}" not found`, {
          place: { file: shown, line: lineOf(pointer), pointer },
          hint: 'Paths in grader configs are relative to the suite folder',
        });
      }
      hashes[value] = sha256(readFileSync(target));
    }
  });
  return hashes;
}
