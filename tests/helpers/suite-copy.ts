import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_SUITES, tempDir } from './cli.js';

/** A private copy of a fixture suite that a test may break as it likes. */
export function copyFixtureSuite(name: 'summary.alpha' | 'form.beta'): string {
  const dir = join(tempDir('avec-suite-'), name);
  cpSync(join(FIXTURE_SUITES, name), dir, { recursive: true });
  return dir;
}

export function editFile(file: string, edit: (text: string) => string): void {
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}
