import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { comparisonHtml, comparisonJson, comparisonMarkdown } from '../reports/comparison-report.js';
import { trendHtml, trendJson, trendMarkdown } from '../reports/trend-report.js';
import { UserError } from '../shared/errors.js';
import type { RunComparison } from './compare.js';
import type { TrendSeries } from './trend.js';

const FORMATS = ['html', 'md', 'json'] as const;
type Format = (typeof FORMATS)[number];

function parse(list: string): Format[] {
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.includes('all')) return [...FORMATS];
  return names.map((name) => {
    if (!(FORMATS as readonly string[]).includes(name)) {
      throw new UserError(`format "${name}" is not available for this report`, {
        hint: `Use ${FORMATS.join(', ')} or all`,
      });
    }
    return name as Format;
  });
}

async function write(dir: string, files: Array<[string, string]>): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of files) {
    await writeFile(join(dir, name), content);
    written.push(join(dir, name));
  }
  return written;
}

/** `avec compare A B --report`: the comparison as HTML, Markdown and JSON. */
export async function writeComparisonReports(
  comparison: RunComparison,
  formats: string,
  dir: string,
  lang: 'fr' | 'en',
): Promise<string[]> {
  const files: Array<[string, string]> = [];
  for (const format of parse(formats)) {
    if (format === 'html') files.push(['comparison.html', comparisonHtml(comparison, lang)]);
    if (format === 'md') files.push(['comparison.md', comparisonMarkdown(comparison, lang)]);
    if (format === 'json') files.push(['comparison.json', comparisonJson(comparison)]);
  }
  return write(resolve(dir), files);
}

/** `avec trend --report`: the series as HTML (with charts), Markdown and JSON. */
export async function writeTrendReports(
  series: readonly TrendSeries[],
  formats: string,
  dir: string,
  lang: 'fr' | 'en',
): Promise<string[]> {
  const files: Array<[string, string]> = [];
  for (const format of parse(formats)) {
    if (format === 'html') files.push(['trend.html', await trendHtml(series, lang)]);
    if (format === 'md') files.push(['trend.md', trendMarkdown(series)]);
    if (format === 'json') files.push(['trend.json', trendJson(series)]);
  }
  return write(resolve(dir), files);
}
