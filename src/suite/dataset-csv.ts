import { CsvError, parse } from 'csv-parse/sync';
import { UserError } from '../shared/errors.js';
import { toCase } from './case-record.js';
import type { Case } from './types.js';

/**
 * A CSV dataset: a header with id, reference, tags, vars.<name> (or a bare name) and
 * expect.<name> columns, each record a case placed at the line it starts on.
 */
export function parseCsv(text: string, file: string): Case[] {
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
