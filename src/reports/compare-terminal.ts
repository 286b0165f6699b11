import pc from 'picocolors';
import type { Comparison, ComparisonRow } from '../stats/compare.js';
import { milliseconds, percent, table, usd } from './format.js';

function rateWithInterval(side: ComparisonRow['a']): string {
  const interval = side.interval
    ? ` [${percent(side.interval.low, 0)}–${percent(side.interval.high, 0)}]`
    : '';
  return `${percent(side.passRate)}${interval}`;
}

function pValue(p: number): string {
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

function listIds(ids: readonly string[], limit = 15): string {
  return ids.length <= limit
    ? ids.join(', ')
    : `${ids.slice(0, limit).join(', ')} … (+${ids.length - limit})`;
}

/** One line per suite × model, then what changed case by case, then what could not be paired. */
export function renderComparison(
  comparison: Comparison & { runA?: { id: string }; runB?: { id: string } },
  colors = pc.isColorSupported,
): string {
  const c = pc.createColors(colors);
  const verdictColor = (row: ComparisonRow) =>
    row.verdict === 'regression'
      ? c.red(row.verdict)
      : row.verdict === 'improvement'
        ? c.green(row.verdict)
        : row.verdict;
  const lines: string[] = [];
  if (comparison.runA && comparison.runB)
    lines.push(`comparing ${comparison.runA.id} (A) → ${comparison.runB.id} (B)`, '');
  lines.push(
    table(
      ['suite', 'model', 'n', 'A pass rate', 'B pass rate', 'Δ', '−/+', 'p', 'p (Holm)', 'verdict'],
      comparison.rows.map((row) => [
        row.suiteId,
        row.model,
        String(row.n),
        rateWithInterval(row.a),
        rateWithInterval(row.b),
        row.delta === undefined ? '—' : `${row.delta >= 0 ? '+' : ''}${(row.delta * 100).toFixed(1)} pts`,
        `${row.newlyFailing.length}/${row.newlyPassing.length}`,
        pValue(row.pValue),
        pValue(row.pAdjusted),
        verdictColor(row),
      ]),
      ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  );
  for (const row of comparison.rows) {
    const details: string[] = [];
    if (row.newlyFailing.length > 0) details.push(`  newly failing: ${listIds(row.newlyFailing)}`);
    if (row.newlyPassing.length > 0) details.push(`  newly passing: ${listIds(row.newlyPassing)}`);
    const served = row.a.servedModels.join(', ') !== row.b.servedModels.join(', ');
    if (served)
      details.push(
        `  served model: ${row.a.servedModels.join(', ') || '—'} → ${row.b.servedModels.join(', ') || '—'}`,
      );
    const graderDeltas = row.graders
      .filter((g) => Math.abs(g.delta) >= 0.005)
      .map(
        (g) =>
          `${g.grader} ${g.delta >= 0 ? '+' : ''}${g.delta.toFixed(2)}${g.interval ? ` [${g.interval.low.toFixed(2)}, ${g.interval.high.toFixed(2)}]` : ''}`,
      );
    if (graderDeltas.length > 0) details.push(`  mean score Δ: ${graderDeltas.join('; ')}`);
    if (
      row.a.costPerCase !== undefined &&
      row.b.costPerCase !== undefined &&
      row.a.costPerCase !== row.b.costPerCase
    ) {
      details.push(`  cost per case: ${usd(row.a.costPerCase)} → ${usd(row.b.costPerCase)}`);
    }
    if (
      row.a.medianLatencyMs !== undefined &&
      row.b.medianLatencyMs !== undefined &&
      (row.a.medianLatencyMs > 0 || row.b.medianLatencyMs > 0)
    ) {
      details.push(
        `  latency p50 ${milliseconds(row.a.medianLatencyMs)} → ${milliseconds(row.b.medianLatencyMs)}, p95 ${milliseconds(row.a.p95LatencyMs)} → ${milliseconds(row.b.p95LatencyMs)}`,
      );
    }
    if (row.verdict === 'no-change' && row.minimalDetectableEffect !== undefined) {
      details.push(
        c.dim(
          `  with ${row.n} cases, changes under ${(row.minimalDetectableEffect * 100).toFixed(0)} points cannot be told from chance`,
        ),
      );
    }
    if (details.length > 0) lines.push('', `${row.suiteId} × ${row.model}`, ...details);
  }
  if (comparison.unpaired.length > 0) {
    lines.push(
      '',
      c.yellow('not paired:'),
      ...comparison.unpaired.map((u) => `  ${u.suiteId} × ${u.model}: ${u.reason}`),
    );
  }
  lines.push(
    '',
    c.dim(
      `a regression is significant after Holm correction (α = ${comparison.options.alpha}) and a drop of at least ${(comparison.options.margin * 100).toFixed(0)} points`,
    ),
  );
  return lines.join('\n');
}
