import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { UserError } from '../shared/errors.js';
import { compileSchema, describeAjvError } from '../shared/yaml-file.js';
import caseSchema from './case.schema.json' with { type: 'json' };
import type { Case } from './types.js';

export interface LoadedDataset {
  cases: Case[];
  sha256: string;
}

/** A line this long is not a case someone wrote; refusing it keeps memory bounded. */
const MAX_LINE_BYTES = 8 * 1024 * 1024;

export function loadDataset(file: string, displayName: string): LoadedDataset {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'dataset file not found' : `cannot read dataset (${code})`, {
      place: { file: displayName },
      hint: 'Check dataset.path in suite.yaml (it is relative to the suite folder)',
    });
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
  if (extension === '.jsonl' || extension === '.ndjson') cases = parseJsonl(text, displayName);
  else if (extension === '.csv') cases = parseCsv(text, displayName);
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

function parseJsonl(text: string, file: string): Case[] {
  const cases: Case[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const raw = (lines[index] as string).trim();
    if (raw === '') continue;
    const line = index + 1;
    if (raw.length > MAX_LINE_BYTES) {
      throw new UserError(`line is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB`, {
        place: { file, line },
        hint: 'Split the case or shorten it',
      });
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new UserError(`invalid JSON: ${(error as Error).message}`, {
        place: { file, line },
        hint: 'Each line of a JSONL dataset is one JSON object',
      });
    }
    cases.push(toCase(value, { file, line }));
  }
  return cases;
}

function parseCsv(text: string, file: string): Case[] {
  let records: Array<{ record: Record<string, string>; raw: string; info: { bytes: number } }>;
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim()),
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      const missingColumns = error.code === 'CSV_RECORD_INCONSISTENT_COLUMNS';
      throw new UserError(
        missingColumns
          ? `row has ${String((error as CsvError & { record?: unknown[] }).record?.length ?? '?')} fields, the header has ${String((error as CsvError & { columns?: unknown[] }).columns?.length ?? '?')}`
          : `invalid CSV: ${error.message.replace(/^Invalid [^:]*: /, '')}`,
        {
          place: { file, line },
          hint: missingColumns
            ? 'Give every row one field per header column (an empty field is written ,,)'
            : 'Quote fields that hold commas, quotes or line breaks, and double inner quotes',
        },
      );
    }
    throw error;
  }
  const first = records[0];
  if (first && !Object.hasOwn(first.record, 'id')) {
    throw new UserError('the CSV header has no "id" column', {
      place: { file, line: 1 },
      hint: 'Add an id column; other columns are reference, vars.<name> and expect.<name>',
    });
  }
  const lineAt = recordLines(text);
  return records.map(({ record, raw, info }) => {
    const place = { file, line: lineAt(info.bytes - Buffer.byteLength(raw)) };
    const value: Record<string, unknown> = { id: record.id, vars: {}, expect: {} };
    for (const [column, cell] of Object.entries(record)) {
      if (column === 'id') continue;
      if (column === 'reference') value.reference = cell;
      else if (column === 'tags')
        value.tags = cell
          .split(/[,;]/)
          .map((t) => t.trim())
          .filter(Boolean);
      else if (column.startsWith('expect.')) {
        (value.expect as Record<string, unknown>)[column.slice(7)] = parseCell(cell, place, column);
      } else {
        const name = column.startsWith('vars.') ? column.slice(5) : column;
        (value.vars as Record<string, unknown>)[name] = cell;
      }
    }
    return toCase(value, place);
  });
}

/**
 * The line a record starts on, from the byte offset where its raw text starts (skipped blank
 * lines included). csv-parse's own `info.lines` is the line a record ends on, and counts a CRLF
 * inside a quoted field twice. Offsets must come in increasing order, as records do.
 */
function recordLines(text: string): (offset: number) => number {
  const bytes = Buffer.from(text, 'utf8');
  let cursor = 0;
  let line = 1;
  const isBreak = (at: number) => bytes[at] === 0x0a || (bytes[at] === 0x0d && bytes[at + 1] !== 0x0a);
  return (offset) => {
    let start = Math.max(offset, cursor);
    while (start < bytes.length && (bytes[start] === 0x0a || bytes[start] === 0x0d)) start++;
    for (; cursor < start; cursor++) if (isBreak(cursor)) line++;
    return line;
  };
}

/** Expectations are often lists (facts, canaries): a cell that looks like JSON is read as JSON. */
function parseCell(cell: string, place: { file: string; line: number }, column: string): unknown {
  const trimmed = cell.trim();
  if (!/^[[{]/.test(trimmed)) return cell;
  try {
    return JSON.parse(trimmed);
  } catch (error) {
    throw new UserError(`column "${column}" looks like JSON but is not: ${(error as Error).message}`, {
      place,
      hint: 'Write valid JSON in the cell, or start it with another character to keep it as text',
    });
  }
}

function toCase(value: unknown, place: { file: string; line: number }): Case {
  const validate = compileSchema(caseSchema);
  if (!validate(value)) {
    const error = validate.errors?.[0];
    const params = (error?.params ?? {}) as Record<string, unknown>;
    const pointer =
      error?.keyword === 'additionalProperties'
        ? `${error.instancePath}/${String(params.additionalProperty)}`
        : error?.instancePath || '/';
    throw new UserError(`case ${error ? describeAjvError(error) : 'is invalid'}`, {
      place: { ...place, pointer },
      hint: 'A case is { "id", "vars", "expect", "reference" }',
    });
  }
  const raw = value as { id: string; vars?: object; expect?: object; reference?: string; tags?: string[] };
  return {
    id: raw.id,
    vars: (raw.vars ?? {}) as Record<string, unknown>,
    expect: (raw.expect ?? {}) as Record<string, unknown>,
    ...(raw.reference !== undefined ? { reference: raw.reference } : {}),
    ...(raw.tags !== undefined ? { tags: raw.tags } : {}),
    place,
  };
}

function rejectDuplicateIds(cases: Case[]): void {
  const seen = new Map<string, Case>();
  for (const testCase of cases) {
    const previous = seen.get(testCase.id);
    if (previous) {
      throw new UserError(`duplicate case id "${testCase.id}" (first at line ${previous.place.line})`, {
        place: testCase.place,
        hint: 'Give every case a unique id',
      });
    }
    seen.set(testCase.id, testCase);
  }
}
