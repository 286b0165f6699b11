import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../shared/errors.js';

const SKIPPED = new Set(['node_modules', '.git', '.avec', 'dist', 'reports']);

/**
 * The suite.yaml files a user means by a path: the file itself, a suite folder, or a folder of
 * suites searched to a few levels. Sorted, so plans and reports come out in a stable order.
 */
export function discoverSuiteFiles(paths: string[]): string[] {
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(path);
    if (!existsSync(absolute)) {
      throw new UserError('no such suite file or folder', {
        place: { file: path },
        hint: 'Give a suite folder (holding suite.yaml), a suite.yaml file, or a folder of suites',
      });
    }
    if (statSync(absolute).isFile()) {
      found.add(absolute);
      continue;
    }
    const before = found.size;
    walk(absolute, 0, found);
    if (found.size === before) {
      throw new UserError('no suite.yaml found in this folder', {
        place: { file: path },
        hint: 'A suite is a folder holding suite.yaml',
      });
    }
  }
  return [...found].sort();
}

function walk(dir: string, depth: number, found: Set<string>): void {
  const own = join(dir, 'suite.yaml');
  if (existsSync(own)) {
    found.add(own);
    return;
  }
  if (depth >= 4) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIPPED.has(entry.name) && !entry.name.startsWith('.')) {
      walk(join(dir, entry.name), depth + 1, found);
    }
  }
}
