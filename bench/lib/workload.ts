import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One generated case: a prompt whose answer the bench server gives back (a French sentence of a
 * realistic length with a dose in it), and the dose the contains grader looks for.
 */
function benchCase(index: number): { n: number; answer: string; dose: string } {
  const dose = `${(index % 997) + 1} mg`;
  return {
    n: index,
    dose,
    answer:
      `Pour le cas ${index}, la posologie habituelle est de ${dose} deux fois par jour, pendant les repas. ` +
      "En cas d'oubli, ne doublez pas la dose suivante ; demandez conseil à votre pharmacien ou à votre " +
      'médecin traitant avant toute modification du traitement.',
  };
}

export const BENCH_PROMPT = 'Cas {{n}}. Réponds exactement : {{answer}}';

/** Streams lines to a file so that writing 100,000 cases never holds them all as one string. */
async function writeLines(file: string, n: number, line: (index: number) => string): Promise<void> {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  for (let i = 0; i < n; i++) {
    if (!stream.write(`${line(i)}\n`)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

/** A minimal avec suite of n cases (one prompt, one contains grader); returns its folder. */
export async function writeAvecSuite(root: string, n: number): Promise<string> {
  const dir = join(root, 'summary.bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'suite.yaml'),
    [
      'id: summary.bench',
      'version: 1.0.0',
      'title: Banc de mesure',
      'use: summary',
      'language: fr',
      'dataset: { path: cases.jsonl, classification: synthetic }',
      'prompts:',
      `  user: "${BENCH_PROMPT}"`,
      'graders:',
      '  - type: contains',
      '',
    ].join('\n'),
  );
  await writeLines(join(dir, 'cases.jsonl'), n, (i) => {
    const c = benchCase(i);
    return JSON.stringify({
      id: `case-${i}`,
      vars: { n: c.n, answer: c.answer },
      expect: { contains: [c.dose] },
      reference: c.answer,
    });
  });
  return dir;
}

/** The same n cases as a promptfoo config (openai:chat at the bench server) and a JSONL tests file. */
export async function writePromptfooConfig(root: string, n: number, openaiBaseUrl: string): Promise<string> {
  const dir = join(root, 'promptfoo');
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'promptfooconfig.yaml');
  writeFileSync(
    config,
    [
      'description: avec bench',
      'prompts:',
      `  - "${BENCH_PROMPT}"`,
      'providers:',
      '  - id: openai:chat:bench-model',
      '    config:',
      `      apiBaseUrl: ${openaiBaseUrl}`,
      'tests: file://tests.jsonl',
      '',
    ].join('\n'),
  );
  await writeLines(join(dir, 'tests.jsonl'), n, (i) => {
    const c = benchCase(i);
    return JSON.stringify({
      vars: { n: c.n, answer: c.answer },
      assert: [{ type: 'contains', value: c.dose }],
    });
  });
  return config;
}
