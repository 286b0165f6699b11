import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../store/types.js';
import { writeCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { RunReportData } from './report-data.js';

export interface ReportContext {
  data: RunReportData;
  store: Store;
  dir: string;
  showPii: boolean;
}

interface ReportFormat {
  file: string;
  write(context: ReportContext): Promise<void>;
}

/** The one place report formats are registered; `--report` accepts exactly these names. */
export const REPORT_FORMATS = {
  html: {
    file: 'report.html',
    write: async ({ data, dir }) => writeFile(join(dir, 'report.html'), await renderHtml(data)),
  },
  md: {
    file: 'report.md',
    write: async ({ data, dir }) => writeFile(join(dir, 'report.md'), renderMarkdown(data)),
  },
  junit: {
    file: 'junit.xml',
    write: async ({ data, store, dir, showPii }) =>
      writeFile(
        join(dir, 'junit.xml'),
        renderJunit(data.run.id, store.iterateResults(data.run.id), { showPii }),
      ),
  },
  json: {
    file: 'report.json',
    write: async ({ data, dir }) => writeFile(join(dir, 'report.json'), `${JSON.stringify(data, null, 2)}\n`),
  },
  csv: {
    file: 'results.csv',
    write: ({ data, store, dir, showPii }) =>
      writeCsv(store.iterateResults(data.run.id), join(dir, 'results.csv'), { showPii }),
  },
} satisfies Record<string, ReportFormat>;

export type ReportFormatName = keyof typeof REPORT_FORMATS;

export function isReportFormat(name: string): name is ReportFormatName {
  return Object.hasOwn(REPORT_FORMATS, name);
}

export async function writeReports(
  formats: readonly ReportFormatName[],
  context: Omit<ReportContext, 'dir'> & { dir: string },
): Promise<string[]> {
  await mkdir(context.dir, { recursive: true });
  const written: string[] = [];
  for (const format of formats) {
    await REPORT_FORMATS[format].write(context);
    written.push(join(context.dir, REPORT_FORMATS[format].file));
  }
  return written;
}
