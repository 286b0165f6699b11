import type * as vegaLite from 'vega-lite';
import type { TrendSeries } from '../api/trend.js';
import { renderChart } from './charts.js';
import { percent, usd } from './format.js';
import { escapeHtml } from './html.js';
import { htmlPage } from './html-page.js';

export function trendJson(series: readonly TrendSeries[], now = new Date()): string {
  return `${JSON.stringify({ version: 1, kind: 'trend', generatedAt: now.toISOString(), series }, null, 2)}\n`;
}

export function trendMarkdown(series: readonly TrendSeries[]): string {
  const lines: string[] = [];
  for (const s of series) {
    lines.push(
      `### ${s.suiteId} × ${s.model}`,
      '',
      '| run | version | pass rate | n | cost/case | served model |',
      '| --- | --- | ---: | ---: | ---: | --- |',
    );
    for (const p of s.points) {
      lines.push(
        `| \`${p.runId}\` | ${p.suiteVersion} | ${percent(p.passRate)} | ${p.pass + p.fail} | ${p.costPerCase === undefined ? '—' : usd(p.costPerCase)} | ${p.servedModels.join(', ')}${p.servedModelChanged ? ' ⚠️' : ''} |`,
      );
    }
    for (const change of s.changes) {
      const c = change.comparison;
      lines.push(
        '',
        `> ${change.before.join(', ')} → ${change.after.join(', ')}: ${'verdict' in c ? `${c.verdict} (p Holm ${c.pAdjusted.toFixed(3)})` : c.unpaired}`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Pass rate over time with its interval as a band, and the served-model changes as rules. */
function trendChart(series: TrendSeries): vegaLite.TopLevelSpec {
  const values = series.points
    .filter((p) => p.passRate !== undefined)
    .map((p) => ({
      at: p.startedAt,
      rate: (p.passRate ?? 0) * 100,
      low: (p.interval?.low ?? 0) * 100,
      high: (p.interval?.high ?? 0) * 100,
      changed: p.servedModelChanged ? p.servedModels.join(', ') : null,
    }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${series.suiteId} × ${series.model}`,
    width: 560,
    height: 200,
    data: { values },
    layer: [
      {
        mark: { type: 'area', opacity: 0.2, color: '#3465a4' },
        encoding: {
          x: { field: 'at', type: 'temporal', title: null },
          y: { field: 'low', type: 'quantitative', title: '%', scale: { domain: [0, 100] } },
          y2: { field: 'high' },
        },
      },
      {
        mark: { type: 'line', point: true, color: '#3465a4' },
        encoding: { x: { field: 'at', type: 'temporal' }, y: { field: 'rate', type: 'quantitative' } },
      },
      {
        transform: [{ filter: 'datum.changed !== null' }],
        mark: { type: 'rule', color: '#e8710a', strokeDash: [4, 3] },
        encoding: { x: { field: 'at', type: 'temporal' } },
      },
    ],
    config: { font: 'sans-serif' },
  };
}

export async function trendHtml(series: readonly TrendSeries[], lang: 'fr' | 'en'): Promise<string> {
  const blocks: string[] = [];
  for (const s of series) {
    const rows = s.points
      .map(
        (p) =>
          `<tr><td>${escapeHtml(p.startedAt)}</td><td><code>${escapeHtml(p.runId)}</code></td><td>${escapeHtml(p.suiteVersion)}</td><td class="num">${percent(p.passRate)}${p.interval ? ` [${percent(p.interval.low, 0)}–${percent(p.interval.high, 0)}]` : ''}</td><td class="num">${p.pass + p.fail}</td><td>${escapeHtml(p.servedModels.join(', '))}${p.servedModelChanged ? ' ⚠' : ''}</td></tr>`,
      )
      .join('');
    blocks.push(
      `<h2>${escapeHtml(`${s.suiteId} × ${s.model}`)}</h2><figure>${await renderChart(trendChart(s))}</figure><table><thead><tr><th></th><th>run</th><th>version</th><th>pass rate [95% CI]</th><th>n</th><th>served model</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
  }
  return htmlPage(lang, lang === 'fr' ? 'Évolution dans le temps' : 'Trend over time', blocks.join('\n'));
}
