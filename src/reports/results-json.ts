import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CaseResult } from '../run/types.js';

const CHUNK_CHARS = 1 << 18;

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
  // Results are gathered into chunks of about CHUNK_CHARS: a write per result (10,000 of them
  // in a large run) cost more in stream bookkeeping than the JSON did.
  let chunk = '[';
  const write = async () => {
    const roomLeft = stream.write(chunk);
    chunk = '';
    if (!roomLeft) await once(stream, 'drain');
  };
  for (const result of results) {
    chunk += `${count === 0 ? '\n' : ',\n'}${JSON.stringify(transform(result))}`;
    count++;
    if (chunk.length >= CHUNK_CHARS) await write();
  }
  chunk += count === 0 ? ']\n' : '\n]\n';
  await write();
  stream.end();
  await once(stream, 'finish');
  return count;
}
