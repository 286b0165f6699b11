import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/shared/errors.js';
import { loadDataset, openDataset } from '../../src/suite/dataset.js';
import { tempDir } from '../helpers/cli.js';

function write(name: string, content: string | Buffer): string {
  const file = join(tempDir('avec-dataset-stream-'), name);
  writeFileSync(file, content);
  return file;
}

const line = (value: unknown) => JSON.stringify(value);

describe('openDataset (JSONL read as a stream)', () => {
  // 0 bytes streams every dataset from the file; the default keeps a small one parsed.
  it.each([
    ['streamed', 0],
    ['kept parsed', undefined],
  ])(
    'gives the same cases and hash as loadDataset, as many times as it is iterated (%s)',
    (_, keepParsedBytes) => {
      const file = write(
        'd.jsonl',
        `\uFEFF${line({ id: 'a', vars: { x: 'é' } })}\r\n\n${line({ id: 'b', expect: { contains: ['1'] } })}`,
      );
      const loaded = loadDataset(file, 'd.jsonl');
      const opened = openDataset(file, 'd.jsonl', { keepParsedBytes });
      expect(opened.sha256).toBe(loaded.sha256);
      expect(opened.cases.length).toBe(2);
      expect(Array.isArray(opened.cases)).toBe(keepParsedBytes === undefined);
      expect([...opened.cases]).toEqual(loaded.cases);
      expect([...opened.cases]).toEqual(loaded.cases);
    },
  );

  it('reads lines that straddle its read chunks', () => {
    const long = 'é'.repeat(300_000);
    const file = write('d.jsonl', [line({ id: 'a', vars: { long } }), line({ id: 'b' }), ''].join('\n'));
    const cases = [...openDataset(file, 'd.jsonl').cases];
    expect(cases.map((c) => [c.id, c.place.line])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(cases[0]?.vars.long).toBe(long);
  });

  it('hands every case to check, and reports its errors after the dataset’s own', () => {
    const file = write('d.jsonl', [line({ id: 'a' }), line({ id: 'b' }), line({ id: 'a' })].join('\n'));
    const seen: string[] = [];
    const check = (testCase: { id: string }) => {
      seen.push(testCase.id);
      throw new UserError(`placeholder missing in ${testCase.id}`);
    };
    expect(() => openDataset(file, 'd.jsonl', { check })).toThrow(
      /duplicate case id "a" \(first at line 1\)/,
    );
    expect(seen).toEqual(['a', 'b', 'a']);
    const valid = write('e.jsonl', line({ id: 'a' }));
    expect(() => openDataset(valid, 'e.jsonl', { check })).toThrow(/placeholder missing in a/);
  });

  it('refuses to read a file that changed since it was opened', async () => {
    const file = write('d.jsonl', `${line({ id: 'a' })}\n`);
    const opened = openDataset(file, 'd.jsonl', { keepParsedBytes: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    appendFileSync(file, `${line({ id: 'b' })}\n`);
    expect(() => [...opened.cases]).toThrow(/dataset changed/);
  });

  it('keeps the cases it checked when the file is small, whatever happens to the file after', async () => {
    const file = write('d.jsonl', `${line({ id: 'a' })}\n`);
    const opened = openDataset(file, 'd.jsonl', { keepParsedBytes: 1024 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    appendFileSync(file, `${line({ id: 'b' })}\n`);
    expect([...opened.cases].map((c) => c.id)).toEqual(['a']);
    // One byte over the limit: streamed, so the change is seen.
    const size = `${line({ id: 'a' })}\n`.length;
    const over = write('e.jsonl', `${line({ id: 'a' })}\n`);
    const streamed = openDataset(over, 'e.jsonl', { keepParsedBytes: size - 1 });
    expect(Array.isArray(streamed.cases)).toBe(false);
    expect(Array.isArray(openDataset(over, 'e.jsonl', { keepParsedBytes: size }).cases)).toBe(true);
  });

  it('keeps CSV datasets as an array', () => {
    const file = write('d.csv', 'id,vars.x\na,1\nb,2\n');
    const opened = openDataset(file, 'd.csv');
    expect(Array.isArray(opened.cases)).toBe(true);
    expect([...opened.cases].map((c) => c.id)).toEqual(['a', 'b']);
  });
});
