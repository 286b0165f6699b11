import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { writeRunReports } from '../../src/api/report.js';
import { CSV_COLUMNS } from '../../src/reports/csv.js';
import schema from '../../src/reports/run-report.schema.json' with { type: 'json' };
import type { SqliteStore } from '../../src/store/sqlite.js';
import { LEAKED_NIR, storeWithReportableRun, XSS_OUTPUT } from './fixture-run.js';

let store: SqliteStore;
let dir: string;
let files: string[];

beforeAll(async () => {
  const fixture = storeWithReportableRun();
  store = fixture.store;
  dir = join(fixture.dir, 'reports');
  ({ files } = await writeRunReports(store, {
    runId: fixture.runId,
    formats: ['html', 'md', 'junit', 'json', 'csv'],
    dir,
  }));
});
afterAll(() => store.close());

const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('report formats', () => {
  it('writes every format', () => {
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual([
      'junit.xml',
      'report.html',
      'report.json',
      'report.md',
      'results.csv',
    ]);
  });

  it('JSON validates against its own versioned schema, and the verdict is there', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    const data = JSON.parse(read('report.json'));
    const valid = ajv.validate(schema, data);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(data).toMatchObject({ version: 1, kind: 'run', gate: { passed: false } });
    expect(data.summary[0]).toMatchObject({ pass: 1, fail: 2, error: 1, piiLeaks: 1 });
    expect(data.failureCount).toBe(3);
  });

  it('JUnit validates against the JUnit schema, one test case per result', async () => {
    const xml = read('junit.xml');
    const result = await validateXML({
      xml: [{ fileName: 'junit.xml', contents: xml }],
      schema: [readFileSync(new URL('./junit.xsd', import.meta.url), 'utf8')],
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml).toMatch(/<failure message="facts: missing 1\/1: &quot;52 %&quot;"/);
    expect(xml).toMatch(/<error message="openai:gpt-4o-mini: HTTP 500: injected"/);
    expect(xml).toContain('tests="4" failures="2" errors="1"');
  });

  it('CSV parses back with csv-parse, one row per result, output escaped properly', () => {
    const rows = parse(read('results.csv'), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    const xss = rows.find((r) => r.caseId === 'c-xss');
    expect(xss?.output).toBe(XSS_OUTPUT);
    expect(xss?.failingGraders).toBe('facts');
  });

  it('Markdown gives the verdict first, then the table', () => {
    const md = read('report.md');
    expect(md.split('\n')[0]).toMatch(/^## ❌ Critères de passage non respectés — Exécution `r-report`/);
    expect(md).toMatch(/\| summary\.report \| openai:gpt-4o-mini \| 33\.3% \[/);
    expect(md).toMatch(/maxPiiLeaks|PII leak/);
  });

  it('HTML is self-contained, forbids scripts, and escapes model output', () => {
    const html = read('report.html');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'none'/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;window.__pwned = true&lt;/script&gt;');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toMatch(/<svg[^>]*>[\s\S]*<\/svg>/);
    for (const section of ['apprendre', 'verifier', 'estimer', 'communiquer'])
      expect(html).toContain(`id="${section}"`);
  });

  it('a leaked NIR appears in no report file, in any spacing', () => {
    const compact = LEAKED_NIR.replace(/\s/g, '');
    for (const name of readdirSync(dir)) {
      const text = read(name);
      expect(text, name).not.toContain(LEAKED_NIR);
      expect(text.replace(/\s/g, ''), name).not.toContain(compact);
    }
    expect(read('report.html')).toContain('[nir: ***]');
  });

  it('shows personal data only when asked, for a local report', async () => {
    const local = join(dir, 'local');
    await writeRunReports(store, { runId: 'r-report', formats: ['md', 'json'], dir: local, showPii: true });
    expect(readFileSync(join(local, 'report.json'), 'utf8')).toContain(LEAKED_NIR);
  });

  it('writes English when asked', async () => {
    const english = join(dir, 'en');
    await writeRunReports(store, { runId: 'r-report', formats: ['html', 'md'], dir: english, lang: 'en' });
    expect(readFileSync(join(english, 'report.md'), 'utf8')).toMatch(/^## ❌ Gates failed/);
    expect(readFileSync(join(english, 'report.html'), 'utf8')).toContain('<html lang="en">');
  });
});
