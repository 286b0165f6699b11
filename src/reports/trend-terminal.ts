import pc from 'picocolors';
import type { TrendSeries } from '../api/trend.js';
import { milliseconds, percent, table, usd } from './format.js';

export function renderTrend(series: readonly TrendSeries[], colors = pc.isColorSupported): string {
  const c = pc.createColors(colors);
  if (series.length === 0) return 'no stored result matches';
  const blocks = series.map((s) => {
    const rows = s.points.map((p) => [
      p.startedAt.replace('T', ' ').slice(0, 16),
      p.runId,
      p.suiteVersion,
      `${percent(p.passRate)}${p.interval ? ` [${percent(p.interval.low, 0)}–${percent(p.interval.high, 0)}]` : ''}`,
      String(p.pass + p.fail),
      p.costPerCase === undefined ? '—' : usd(p.costPerCase),
      milliseconds(p.medianLatencyMs),
      p.servedModelChanged ? c.yellow(`${p.servedModels.join(', ')} (changed)`) : p.servedModels.join(', '),
    ]);
    const changes = s.changes.map((change) => {
      const comparison = change.comparison;
      const verdict =
        'verdict' in comparison
          ? `${comparison.verdict}, Δ ${comparison.delta === undefined ? '—' : `${(comparison.delta * 100).toFixed(1)} pts`}, p (Holm) ${comparison.pAdjusted.toFixed(3)}, newly failing ${comparison.newlyFailing.length}`
          : comparison.unpaired;
      return `  ${change.before.join(', ')} → ${change.after.join(', ')} at ${change.toRun}: ${verdict}`;
    });
    return [
      c.bold(`${s.suiteId} × ${s.model}`),
      table(
        [
          'started (UTC)',
          'run',
          'version',
          'pass rate [95% CI]',
          'n',
          'cost/case',
          'p50 latency',
          'served model',
        ],
        rows,
        ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
      ),
      ...(changes.length > 0 ? ['served-model changes:', ...changes] : []),
    ].join('\n');
  });
  return blocks.join('\n\n');
}
