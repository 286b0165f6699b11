import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { TextDecoder } from 'node:util';
import { UserError } from '../shared/errors.js';
import { toCase } from './case-record.js';
import { parseCsv } from './dataset-csv.js';
import type { Case } from './types.js';

export interface LoadedDataset {
  cases: Case[];
  sha256: string;
}

/** Cases that can be counted and iterated, as many times as needed, without being held in memory. */
export interface CaseList extends Iterable<Case> {
  readonly length: number;
}

export interface OpenedDataset {
  cases: CaseList;
  sha256: string;
}

/** A line this long is not a case someone wrote; refusing it keeps memory bounded. */
const MAX_LINE_BYTES = 8 * 1024 * 1024;
/** How much of a JSONL dataset is read at a time. */
const CHUNK_BYTES = 256 * 1024;
/**
 * A JSONL dataset up to this size stays parsed after the opening pass, and a run iterates that
 * rather than parsing the file again (130 ms of a cached re-run of 10,000 cases, ~4 MB). A larger
 * one is read from the file at each pass, so memory stays flat however large it is.
 */
const KEEP_PARSED_BYTES = 8 * 1024 * 1024;

const isJsonl = (file: string) => ['.jsonl', '.ndjson'].includes(extname(file).toLowerCase());

/**
 * A dataset whose cases are read from the file each time they are iterated, so that a run of
 * 100,000 cases holds only those in flight; one of at most KEEP_PARSED_BYTES keeps the cases
 * the opening pass parsed. Opening reads the file through once, in chunks, with the same checks
 * and the same errors as loadDataset, and hands each case to `check` (errors from it are
 * reported after the dataset's own, as when checking a loaded array). Iterating a streamed
 * dataset again refuses a file that changed since it was opened; a kept one gives the cases
 * that were checked. CSV files, meant for spreadsheets of modest size, are read whole.
 */
export function openDataset(
  file: string,
  displayName: string,
  options: { check?: (testCase: Case) => void; keepParsedBytes?: number } = {},
): OpenedDataset {
  if (!isJsonl(file)) {
    const loaded = loadDataset(file, displayName);
    for (const testCase of loaded.cases) options.check?.(testCase);
    return loaded;
  }
  const { stamp, size } = fileStamp(file, displayName);
  const unchanged = () => {
    if (fileStamp(file, displayName).stamp !== stamp) {
      throw new UserError('dataset changed while the suite was in use', {
        place: { file: displayName },
        hint: 'Leave datasets untouched during a run; run again to use the new content',
      });
    }
  };
  const check = options.check ?? (() => {});
  const kept: Case[] | undefined = size <= (options.keepParsedBytes ?? KEEP_PARSED_BYTES) ? [] : undefined;
  const opened = readJsonl(file, displayName, (testCase) => {
    check(testCase);
    kept?.push(testCase);
  });
  unchanged();
  if (kept) return { sha256: opened.sha256, cases: kept };
  return {
    sha256: opened.sha256,
    cases: {
      length: opened.count,
      [Symbol.iterator]: () => {
        unchanged();
        return parsedLines(file, displayName)[Symbol.iterator]();
      },
    },
  };
}

export function loadDataset(file: string, displayName: string): LoadedDataset {
  if (isJsonl(file)) {
    const cases: Case[] = [];
    const { sha256 } = readJsonl(file, displayName, (testCase) => cases.push(testCase));
    return { cases, sha256 };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw unreadable(error, displayName);
  }
  if (bytes.includes(0)) {
    throw new UserError('dataset is a binary file, not text', {
      place: { file: displayName },
      hint: 'Datasets are UTF-8 JSONL or CSV files',
    });
  }
  if (!isUtf8(bytes)) {
    // Decoding would silently turn every é of a Latin-1 export into U+FFFD.
    throw new UserError('dataset is not UTF-8 text', {
      place: { file: displayName, line: firstNonUtf8Line(bytes) },
      hint: 'Save it as UTF-8 (in Excel: "CSV UTF-8")',
    });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const extension = extname(file).toLowerCase();
  let cases: Case[];
  if (extension === '.csv') cases = parseCsv(text, displayName);
  else {
    throw new UserError(`unsupported dataset format "${extension || '(none)'}"`, {
      place: { file: displayName },
      hint: 'Use a .jsonl or .csv file',
    });
  }
  if (cases.length === 0) {
    throw new UserError('dataset holds no case', {
      place: { file: displayName },
      hint: 'Add at least one case',
    });
  }
  rejectDuplicateIds(cases);
  return { cases, sha256 };
}

function firstNonUtf8Line(bytes: Buffer): number {
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    if (!isUtf8(bytes.subarray(start, end === -1 ? bytes.length : end))) return line;
    if (end === -1) break;
    start = end + 1;
  }
  return line;
}

function unreadable(error: unknown, file: string): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  return new UserError(code === 'ENOENT' ? 'dataset file not found' : `cannot read dataset (${code})`, {
    place: { file },
    hint: 'Check dataset.path in suite.yaml (it is relative to the suite folder)',
  });
}

function fileStamp(file: string, displayName: string): { stamp: string; size: number } {
  try {
    const stat = statSync(file);
    return { stamp: `${stat.size}:${stat.mtimeMs}`, size: stat.size };
  } catch (error) {
    throw unreadable(error, displayName);
  }
}

/** The file's bytes, a chunk at a time; each chunk is only valid until the next is read. */
function* chunks(file: string, displayName: string): Generator<Buffer> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw unreadable(error, displayName);
  }
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) yield chunk.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * The file's lines as bytes, numbered from 1; the last may lack its newline. A line past
 * `maxBytes` is refused as it is read, so a file with no line breaks is never held whole.
 */
function* rawLines(
  file: string,
  displayName: string,
  maxBytes = MAX_LINE_BYTES * 3,
): Generator<{ bytes: Buffer; line: number }> {
  let carried: Buffer[] = [];
  let carriedBytes = 0;
  let line = 1;
  for (const chunk of chunks(file, displayName)) {
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, end);
      yield { bytes: carriedBytes > 0 ? Buffer.concat([...carried, piece]) : piece, line: line++ };
      carried = [];
      carriedBytes = 0;
      start = end + 1;
    }
    // The chunk's buffer is reused: keep a copy of the line it ends in the middle of.
    carried.push(Buffer.from(chunk.subarray(start)));
    carriedBytes += chunk.length - start;
    if (carriedBytes > maxBytes) throw lineTooLong(displayName, line);
  }
  if (carriedBytes > 0) yield { bytes: Buffer.concat(carried), line };
}

function lineTooLong(file: string, line: number): UserError {
  return new UserError(`line is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB`, {
    place: { file, line },
    hint: 'Split the case or shorten it',
  });
}

/** Each non-blank line as a validated case, the BOM of the first one dropped. */
function* parsedLines(file: string, displayName: string): Generator<Case> {
  for (const { bytes, line } of rawLines(file, displayName)) {
    let text = bytes.toString('utf8');
    if (line === 1) text = text.replace(/^\uFEFF/, '');
    const raw = text.trim();
    if (raw === '') continue;
    if (raw.length > MAX_LINE_BYTES) throw lineTooLong(displayName, line);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new UserError(`invalid JSON: ${(error as Error).message}`, {
        place: { file: displayName, line },
        hint: 'Each line of a JSONL dataset is one JSON object',
      });
    }
    yield toCase(value, { file: displayName, line });
  }
}

/** Feeds a chunk to a fatal streaming decoder (or ends it, without one): false once the bytes are not UTF-8. */
function decodes(decoder: TextDecoder, chunk?: Buffer): boolean {
  try {
    decoder.decode(chunk, { stream: chunk !== undefined });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a JSONL dataset through, twice and a chunk at a time: once for its hash and for binary or
 * non-UTF-8 content (refused before any line is parsed, as loadDataset does), once to validate
 * each case and hand it to `onCase`. Holds no more than a line and the ids seen.
 */
function readJsonl(
  file: string,
  displayName: string,
  onCase: (testCase: Case) => void,
): { count: number; sha256: string } {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let binary = false;
  let utf8 = true;
  for (const chunk of chunks(file, displayName)) {
    hash.update(chunk);
    binary ||= chunk.includes(0);
    if (utf8) utf8 = decodes(decoder, chunk);
  }
  if (utf8) utf8 = decodes(decoder);
  if (binary) {
    throw new UserError('dataset is a binary file, not text', {
      place: { file: displayName },
      hint: 'Datasets are UTF-8 JSONL or CSV files',
    });
  }
  if (!utf8) {
    // Decoding would silently turn every é of a Latin-1 export into U+FFFD.
    let badLine: number | undefined;
    for (const { bytes, line } of rawLines(file, displayName, Number.POSITIVE_INFINITY)) {
      if (!isUtf8(bytes)) {
        badLine = line;
        break;
      }
    }
    throw new UserError('dataset is not UTF-8 text', {
      place: { file: displayName, line: badLine },
      hint: 'Save it as UTF-8 (in Excel: "CSV UTF-8")',
    });
  }
  const duplicates = duplicateFinder();
  let count = 0;
  let checkError: unknown;
  for (const testCase of parsedLines(file, displayName)) {
    count++;
    duplicates.add(testCase);
    try {
      onCase(testCase);
    } catch (error) {
      checkError ??= error;
    }
  }
  if (count === 0) {
    throw new UserError('dataset holds no case', {
      place: { file: displayName },
      hint: 'Add at least one case',
    });
  }
  duplicates.throwIfAny();
  if (checkError !== undefined) throw checkError;
  return { count, sha256: hash.digest('hex') };
}

function rejectDuplicateIds(cases: Case[]): void {
  const duplicates = duplicateFinder();
  for (const testCase of cases) duplicates.add(testCase);
  duplicates.throwIfAny();
}

/** Remembers the line of each id; the first repeat is reported once the whole file is read. */
function duplicateFinder() {
  const firstLine = new Map<string, number | undefined>();
  let repeat: UserError | undefined;
  return {
    add(testCase: Case): void {
      if (!firstLine.has(testCase.id)) {
        firstLine.set(testCase.id, testCase.place.line);
        return;
      }
      repeat ??= new UserError(
        `duplicate case id "${testCase.id}" (first at line ${firstLine.get(testCase.id)})`,
        { place: testCase.place, hint: 'Give every case a unique id' },
      );
    },
    throwIfAny(): void {
      if (repeat) throw repeat;
    },
  };
}
