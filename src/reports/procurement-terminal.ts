import pc from 'picocolors';
import type { ProcurementRow } from '../stats/procurement.js';
import { milliseconds, percent, table, usd } from './format.js';

export function renderProcurement(rows: readonly ProcurementRow[], colors = pc.isColorSupported): string {
  const c = pc.createColors(colors);
  const uses = [...new Set(rows.flatMap((row) => row.byUse.map((u) => u.use)))];
  const body = rows.map((row) => [
    row.pareto ? c.bold(`${row.model} ★`) : row.model,
    `${percent(row.passRate)}${row.interval ? ` [${percent(row.interval.low, 0)}–${percent(row.interval.high, 0)}]` : ''}`,
    String(row.n),
    ...uses.map((use) => {
      const q = row.byUse.find((u) => u.use === use);
      return q ? `${percent(q.passRate, 0)} (${q.n})` : '—';
    }),
    row.costPer1000 === undefined ? 'unknown' : usd(row.costPer1000),
    `${milliseconds(row.medianLatencyMs)} / ${milliseconds(row.p95LatencyMs)}`,
    row.energyPer1000
      ? `${row.energyPer1000.centralWh.toFixed(1)} Wh [${row.energyPer1000.lowWh.toFixed(1)}–${row.energyPer1000.highWh.toFixed(1)}]`
      : '—',
  ]);
  return [
    table(
      [
        'model',
        'pass rate [95% CI]',
        'n',
        ...uses,
        'cost / 1,000 cases',
        'latency p50 / p95',
        'energy / 1,000 cases',
      ],
      body,
      ['left', 'right', 'right', ...uses.map(() => 'right' as const), 'right', 'right', 'right'],
    ),
    '',
    c.dim(
      '★ on the quality × cost Pareto front. Energy: 2 FLOP per active parameter per token over 1e10–1e11 FLOP/J, × PUE; shown only for models with energy parameters in the config.',
    ),
  ].join('\n');
}
