import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CaseResult } from '../run/types.js';

/**
 * The run's results as one JSON array, written result by result from the store so a large run
 * never has to sit in memory. Field names are a contract scripts rely on.
 */
export async function writeResultsJson(
  results: Iterable<CaseResult>,
  file: string,
  transform: (result: CaseResult) => CaseResult = (result) => result,
): Promise<number> {
  await mkdir(dirname(file), { recursive: true });
  const stream = createWriteStream(file, { encoding: 'utf8' });
  let count = 0;
  const write = async (chunk: string) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  await write('[');
  for (const result of results) {
    await write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(transform(result))}`);
    count++;
  }
  await write(count === 0 ? ']\n' : '\n]\n');
  stream.end();
  await once(stream, 'finish');
  return count;
}
