import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './cli.js';

/** A suite of n generated cases whose answer the fake server can give back exactly. */
export function bigSuite(n: number, id = 'summary.big'): string {
  const dir = join(tempDir('avec-big-'), id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'suite.yaml'),
    [
      `id: ${id}`,
      'version: 1.0.0',
      'title: Grande suite générée',
      'use: summary',
      'language: fr',
      'dataset: { path: cases.jsonl, classification: synthetic }',
      'prompts:',
      '  user: "Cas {{n}}. Réponds exactement : {{answer}}"',
      'graders:',
      '  - type: contains',
    ].join('\n'),
  );
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(
      JSON.stringify({
        id: `case-${i}`,
        vars: { n: i, answer: `Valeur ${i} mg.` },
        expect: { contains: [`Valeur ${i} mg`] },
        reference: `Valeur ${i} mg.`,
      }),
    );
  }
  writeFileSync(join(dir, 'cases.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}
