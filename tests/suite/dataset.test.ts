import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/shared/errors.js';
import { loadDataset } from '../../src/suite/dataset.js';
import { tempDir } from '../helpers/cli.js';

function write(name: string, content: string | Buffer): string {
  const file = join(tempDir('avec-dataset-'), name);
  writeFileSync(file, content);
  return file;
}

function load(name: string, content: string | Buffer) {
  return loadDataset(write(name, content), name);
}

function userErrorFrom(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError, nothing was thrown');
}

const line = (value: unknown) => JSON.stringify(value);

describe('JSONL datasets', () => {
  it('reads cases with their line numbers, skipping blank lines', () => {
    const text = [
      line({ id: 'a-1', vars: { title: 'Chutes' }, expect: { contains: ['65 ans'] }, reference: 'Réf.' }),
      '',
      '   ',
      line({ id: 'a-2', tags: ['court'] }),
      '',
    ].join('\n');
    const { cases } = load('d.jsonl', text);
    expect(cases).toEqual([
      {
        id: 'a-1',
        vars: { title: 'Chutes' },
        expect: { contains: ['65 ans'] },
        reference: 'Réf.',
        place: { file: 'd.jsonl', line: 1 },
      },
      { id: 'a-2', vars: {}, expect: {}, tags: ['court'], place: { file: 'd.jsonl', line: 4 } },
    ]);
  });

  it('reads a file with a BOM and CRLF line ends', () => {
    const text = `\uFEFF${line({ id: 'a-1', vars: { t: 'é' } })}\r\n\r\n${line({ id: 'a-2' })}\r\n`;
    const { cases } = load('d.jsonl', text);
    expect(cases.map((c) => [c.id, c.place.line])).toEqual([
      ['a-1', 1],
      ['a-2', 3],
    ]);
    expect(cases[0]?.vars.t).toBe('é');
  });

  it('accepts the .ndjson extension, in any case', () => {
    expect(load('d.NDJSON', line({ id: 'x' })).cases).toHaveLength(1);
  });

  it('refuses invalid JSON at its line', () => {
    const error = userErrorFrom(() => load('d.jsonl', `${line({ id: 'a-1' })}\n\n{"id": "a-2",\n`));
    expect(error.message).toMatch(/^invalid JSON/);
    expect(error.place).toEqual({ file: 'd.jsonl', line: 3 });
  });

  it('refuses a line that is not an object', () => {
    const error = userErrorFrom(() => load('d.jsonl', `${line({ id: 'a-1' })}\n["a-2"]`));
    expect(error.message).toMatch(/must be of type object/);
    expect(error.place).toMatchObject({ line: 2, pointer: '/' });
  });

  it('refuses duplicate ids, naming both lines', () => {
    const error = userErrorFrom(() =>
      load('d.jsonl', [line({ id: 'a-1' }), line({ id: 'b' }), line({ id: 'a-1' })].join('\n')),
    );
    expect(error.message).toBe('duplicate case id "a-1" (first at line 1)');
    expect(error.place).toEqual({ file: 'd.jsonl', line: 3 });
  });

  it('refuses a case without an id', () => {
    const error = userErrorFrom(() => load('d.jsonl', line({ vars: { a: 1 } })));
    expect(error.message).toContain('missing required key "id"');
    expect(error.place.line).toBe(1);
  });

  it('refuses blank or padded ids', () => {
    expect(() => load('d.jsonl', line({ id: '' }))).toThrow(UserError);
    expect(() => load('d.jsonl', line({ id: ' a-1' }))).toThrow(UserError);
  });

  it('refuses an unknown key, pointing at it', () => {
    const error = userErrorFrom(() =>
      load('d.jsonl', `${line({ id: 'a-1' })}\n${line({ id: 'a-2', expected: {} })}`),
    );
    expect(error.message).toContain('unknown key "expected"');
    expect(error.place).toEqual({ file: 'd.jsonl', line: 2, pointer: '/expected' });
  });

  it('refuses vars or expect that are not objects, pointing at them', () => {
    const error = userErrorFrom(() => load('d.jsonl', line({ id: 'a-1', vars: 'texte' })));
    expect(error.place.pointer).toBe('/vars');
  });
});

describe('CSV datasets', () => {
  it('maps columns: id, reference, tags, vars.<name> or bare <name>, expect.<name>', () => {
    const text =
      'id,title,vars.note,expect.dossier,reference,tags\na-1,Chutes,assis,D-0001,Réponse,"court; urgent"\n';
    const { cases } = load('d.csv', text);
    expect(cases).toEqual([
      {
        id: 'a-1',
        vars: { title: 'Chutes', note: 'assis' },
        expect: { dossier: 'D-0001' },
        reference: 'Réponse',
        tags: ['court', 'urgent'],
        place: { file: 'd.csv', line: 2 },
      },
    ]);
  });

  it('trims header names', () => {
    const { cases } = load('d.csv', ' id , vars.note \na-1,x\n');
    expect(cases[0]).toMatchObject({ id: 'a-1', vars: { note: 'x' } });
  });

  it('parses expect cells that look like JSON, and keeps other cells as text', () => {
    const text =
      'id,expect.contains,expect.form,expect.text,vars.list\na-1,"[""65 ans"", ""un tiers""]","{""mode"": ""assis""}",12,"[1]"\n';
    const { cases } = load('d.csv', text);
    expect(cases[0]?.expect).toEqual({
      contains: ['65 ans', 'un tiers'],
      form: { mode: 'assis' },
      text: '12',
    });
    expect(cases[0]?.vars.list).toBe('[1]');
  });

  it('refuses an expect cell that looks like JSON but is not, at its record', () => {
    const error = userErrorFrom(() => load('d.csv', 'id,expect.contains\na-1,ok\na-2,[1] Étude\n'));
    expect(error.message).toMatch(/column "expect\.contains" looks like JSON but is not/);
    expect(error.place).toEqual({ file: 'd.csv', line: 3 });
  });

  it('keeps line numbers right around quoted multi-line fields', () => {
    const text =
      'id,vars.note\n\na-1,"première ligne\ndeuxième ligne\ntroisième"\na-2,simple\n\na-3,"x\n"\na-4,y\n';
    const { cases } = load('d.csv', text);
    expect(cases.map((c) => [c.id, c.place.line])).toEqual([
      ['a-1', 3],
      ['a-2', 6],
      ['a-3', 8],
      ['a-4', 10],
    ]);
    expect(cases[0]?.vars.note).toBe('première ligne\ndeuxième ligne\ntroisième');
  });

  it('keeps line numbers right with CRLF line ends and multi-line fields', () => {
    const text = 'id,vars.note\r\na-1,"ligne un\r\nligne deux"\r\na-2,simple\r\n';
    const { cases } = load('d.csv', text);
    expect(cases.map((c) => [c.id, c.place.line])).toEqual([
      ['a-1', 2],
      ['a-2', 4],
    ]);
  });

  it('gives every record the line it starts on, whatever its cells and line ends (property)', () => {
    const cell = fc.string({
      unit: fc.oneof(
        fc.constantFrom('\n', '\r\n', '\r', '"', ',', ' ', 'é', '€'),
        fc.string({ unit: 'grapheme', maxLength: 1 }),
      ),
      maxLength: 12,
    });
    const record = fc.record({ note: cell, blankLinesBefore: fc.nat(2) });
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        (records, eol) => {
          const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
          let text = `id,vars.note${eol}`;
          let line = 2;
          const expected: number[] = [];
          records.forEach(({ note, blankLinesBefore }, index) => {
            text += eol.repeat(blankLinesBefore);
            line += blankLinesBefore;
            expected.push(line);
            text += `${quote(`c-${index}`)},${quote(note)}${eol}`;
            line += 1 + (note.match(/\r\n|\r|\n/g)?.length ?? 0);
          });
          const { cases } = load('d.csv', text);
          expect(cases.map((c) => c.vars.note)).toEqual(records.map((r) => r.note));
          expect(cases.map((c) => c.place.line)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports a problem in the record after a multi-line field at that record’s line', () => {
    const error = userErrorFrom(() => load('d.csv', 'id,vars.note\na-1,"x\ny\nz"\na-1,dup\n'));
    expect(error.message).toContain('duplicate case id "a-1" (first at line 2)');
    expect(error.place.line).toBe(5);
  });

  it('reads a CSV with a BOM (as Excel writes it)', () => {
    expect(load('d.csv', '\uFEFFid,vars.x\na-1,1\n').cases[0]?.id).toBe('a-1');
  });

  it('refuses a header without an id column', () => {
    const error = userErrorFrom(() => load('d.csv', 'ident,vars.x\na-1,1\n'));
    expect(error.message).toBe('the CSV header has no "id" column');
    expect(error.place).toEqual({ file: 'd.csv', line: 1 });
  });

  it('refuses a record with the wrong number of columns, at its line', () => {
    const error = userErrorFrom(() => load('d.csv', 'id,vars.x\na-1,1\na-2,1,2\n'));
    expect(error.message).toMatch(/^row has 3 fields, the header has 2$/);
    expect(error.place.line).toBe(3);
  });

  it('refuses a badly quoted field', () => {
    expect(() => load('d.csv', 'id,vars.x\na-1,"note "mal" quotée"\n')).toThrow(/invalid CSV/);
  });

  it('refuses an empty id cell', () => {
    const error = userErrorFrom(() => load('d.csv', 'id,vars.x\n,1\n'));
    expect(error.place).toMatchObject({ line: 2, pointer: '/id' });
  });
});

describe('any dataset', () => {
  it('refuses a binary file', () => {
    const error = userErrorFrom(() => load('d.jsonl', Buffer.from([0x7b, 0x00, 0x7d])));
    expect(error.message).toContain('binary');
  });

  it('refuses text that is not UTF-8 rather than mangling its accents', () => {
    const latin1 = Buffer.from('id,vars.note\na-1,transport allongé\n', 'latin1');
    const error = userErrorFrom(() => load('d.csv', latin1));
    expect(error.message).toContain('UTF-8');
    expect(error.place).toMatchObject({ file: 'd.csv', line: 2 });
  });

  it('refuses an unsupported extension, or none', () => {
    expect(userErrorFrom(() => load('d.json', line({ id: 'a' }))).message).toBe(
      'unsupported dataset format ".json"',
    );
    expect(userErrorFrom(() => load('dataset', line({ id: 'a' }))).message).toBe(
      'unsupported dataset format "(none)"',
    );
  });

  it('refuses an empty dataset', () => {
    expect(userErrorFrom(() => load('d.jsonl', '')).message).toBe('dataset holds no case');
    expect(userErrorFrom(() => load('d.jsonl', '\n \n\n')).message).toBe('dataset holds no case');
    expect(userErrorFrom(() => load('d.csv', 'id,vars.x\n')).message).toBe('dataset holds no case');
    expect(userErrorFrom(() => load('d.csv', '')).message).toBe('dataset holds no case');
  });

  it('refuses a missing file, naming it as the user wrote it', () => {
    const error = userErrorFrom(() => loadDataset(join(tempDir(), 'absent.jsonl'), 'datasets/absent.jsonl'));
    expect(error.message).toBe('dataset file not found');
    expect(error.place).toEqual({ file: 'datasets/absent.jsonl' });
  });

  it('refuses a folder', () => {
    expect(userErrorFrom(() => loadDataset(tempDir(), 'x.jsonl')).message).toMatch(/cannot read dataset/);
  });

  it('hashes the bytes: same bytes same sha256, one changed byte another', () => {
    const text = `${line({ id: 'a-1', vars: { x: 'é' } })}\n`;
    const first = load('d.jsonl', text).sha256;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(load('d.jsonl', text).sha256).toBe(first);
    expect(load('d.jsonl', text.replace('é', 'e')).sha256).not.toBe(first);
    // A trailing newline does not change a case, but it changes the bytes.
    expect(load('d.jsonl', `${text}\n`).sha256).not.toBe(first);
  });
});
