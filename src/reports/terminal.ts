import pc from 'picocolors';
import type { SummaryRow } from '../stats/summary.js';
import { milliseconds, percent, table, usd } from './format.js';

export interface RunSummaryView {
  runId: string;
  status: string;
  rows: SummaryRow[];
  resultsFile?: string;
  elapsedMs: number;
  asked: number;
  skipped: number;
  reportFiles?: string[];
}

/** The table printed at the end of `avec run`: one line per suite × model, every rate with its n. */
export function renderRunSummary(view: RunSummaryView, colors = pc.isColorSupported): string {
  const c = pc.createColors(colors);
  const rows = view.rows.map((row) => {
    const gatesFailed = row.gates.filter((g) => !g.passed);
    const interval = row.interval
      ? ` [${percent(row.interval.low, 0)}–${percent(row.interval.high, 0)}]`
      : '';
    const verdict =
      row.gates.length === 0
        ? c.dim('no gate')
        : gatesFailed.length === 0
          ? c.green('ok')
          : c.red(gatesFailed.map(describeGate).join(', '));
    const cost = row.unknownCost > 0 ? `${usd(row.costUsd)}+?` : usd(row.costUsd);
    return [
      row.suiteId,
      row.model,
      `${percent(row.passRate)}${interval}`,
      String(row.judged),
      String(row.fail),
      row.error > 0 ? c.yellow(String(row.error)) : '0',
      row.piiLeaks > 0 ? c.red(String(row.piiLeaks)) : '0',
      cost,
      milliseconds(row.medianLatencyMs),
      verdict,
    ];
  });
  const lines = [
    table(
      ['suite', 'model', 'pass rate [95% CI]', 'n', 'fail', 'error', 'pii', 'cost', 'p50 latency', 'gates'],
      rows,
      ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  ];
  const served = view.rows
    .filter((row) => servedDiffers(row.model, row.servedModels))
    .map((row) => `${row.model} → ${row.servedModels.join(', ')}`);
  const uniqueServed = [...new Set(served)];
  if (uniqueServed.length > 0) lines.push('', c.dim(`served models: ${uniqueServed.join('; ')}`));
  const skipped = view.rows.reduce((sum, row) => sum + row.skippedGrades, 0);
  if (skipped > 0) lines.push(c.yellow(`${skipped} case(s) had a grader skipped (not counted as pass)`));
  const errors = view.rows.reduce((sum, row) => sum + row.error, 0);
  if (errors > 0) {
    lines.push(
      c.yellow(`${errors} case(s) ended in error (no answer or no grade): counted apart, not as failures`),
    );
  }
  const cached = view.rows.reduce((sum, row) => sum + row.cached, 0);
  lines.push(
    '',
    `run ${c.bold(view.runId)} ${view.status} in ${milliseconds(view.elapsedMs)}: ${view.asked} asked, ${cached} from cache${view.skipped > 0 ? `, ${view.skipped} already stored` : ''}`,
  );
  if (view.resultsFile) lines.push(`results: ${view.resultsFile}`);
  for (const file of view.reportFiles ?? []) lines.push(`report: ${file}`);
  return lines.join('\n');
}

export function describeGate(gate: { name: string; limit: number; actual: number }): string {
  switch (gate.name) {
    case 'minPassRate':
      return `pass rate ${percent(gate.actual)} < ${percent(gate.limit)}`;
    case 'maxPiiLeaks':
      return `${gate.actual} PII leak(s) > ${gate.limit}`;
    case 'maxErrorRate':
      return `error rate ${percent(gate.actual)} > ${percent(gate.limit)}`;
    default:
      return gate.name;
  }
}

/** True when the server named a model other than the one configured, e.g. a dated snapshot. */
export function servedDiffers(model: string, served: readonly string[]): boolean {
  const configured = model.slice(model.indexOf(':') + 1);
  return served.some((name) => name !== configured && name !== model);
}
