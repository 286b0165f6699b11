import { resolve } from 'node:path';
import { type Config, loadConfig } from '../config/config.js';
import { buildRunReport, type RunReportData } from '../reports/report-data.js';
import {
  isReportFormat,
  REPORT_FORMATS,
  type ReportFormatName,
  writeReports,
} from '../reports/write-reports.js';
import { UserError } from '../shared/errors.js';
import type { Store } from '../store/types.js';
import { compareOptionsFrom, compareStoredRuns, openExistingStore } from './compare.js';

export function parseReportFormats(list: string | readonly string[]): ReportFormatName[] {
  const names = (typeof list === 'string' ? list.split(',') : list)
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.includes('all')) return Object.keys(REPORT_FORMATS) as ReportFormatName[];
  return names.map((name) => {
    if (!isReportFormat(name)) {
      throw new UserError(`unknown report format "${name}"`, {
        hint: `Known formats: ${Object.keys(REPORT_FORMATS).join(', ')}, or all`,
      });
    }
    return name;
  });
}

export interface ReportRequest {
  runId: string;
  formats: ReportFormatName[];
  dir: string;
  lang?: 'fr' | 'en';
  showPii?: boolean;
  baseline?: string;
  compareOptions?: ReturnType<typeof compareOptionsFrom>;
  energy?: Config['energy'];
}

/** Builds a run's report data once and writes every requested format from it. */
export async function writeRunReports(
  store: Store,
  request: ReportRequest,
): Promise<{ data: RunReportData; files: string[] }> {
  const run = store.getRun(request.runId);
  if (!run)
    throw new UserError(`no run "${request.runId}" in this database`, {
      hint: 'List runs with `avec runs list`',
    });
  const baseline = request.baseline
    ? compareStoredRuns(store, request.baseline, run.id, request.compareOptions ?? compareOptionsFrom({}))
    : null;
  const data = buildRunReport(store, run, {
    ...(request.lang ? { lang: request.lang } : {}),
    ...(request.showPii ? { showPii: true } : {}),
    baseline,
    ...(request.energy ? { energy: request.energy } : {}),
  });
  const files = await writeReports(request.formats, {
    data,
    store,
    dir: request.dir,
    showPii: request.showPii ?? false,
  });
  return { data, files };
}

/** `avec report <run-id>`: the reports of a stored run, made again, in any format and language. */
export async function reportRun(options: {
  dbPath: string;
  runId: string;
  formats: ReportFormatName[];
  outDir?: string;
  lang?: 'fr' | 'en';
  showPii?: boolean;
  baseline?: string;
  configPath?: string;
  cwd?: string;
}): Promise<{ files: string[]; gatePassed: boolean }> {
  const cwd = options.cwd ?? process.cwd();
  const config = loadConfig(options.configPath, cwd);
  const store = openExistingStore(options.dbPath, cwd);
  try {
    const id = options.runId === 'latest' ? store.runBriefs()[0]?.id : options.runId;
    const run = id === undefined ? undefined : store.getRun(id);
    if (!run)
      throw new UserError(`no run "${options.runId}" in this database`, {
        hint: 'List runs with `avec runs list`',
      });
    const { data, files } = await writeRunReports(store, {
      runId: run.id,
      formats: options.formats,
      dir: resolve(cwd, options.outDir ?? `reports/${run.id}`),
      ...(options.lang ? { lang: options.lang } : {}),
      ...(options.showPii ? { showPii: true } : {}),
      ...(options.baseline ? { baseline: options.baseline } : {}),
      compareOptions: compareOptionsFrom(config),
      ...(config.energy ? { energy: config.energy } : {}),
    });
    return { files, gatePassed: data.gate.passed };
  } finally {
    store.close();
  }
}
