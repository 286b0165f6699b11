import { milliseconds, percent, usd } from './format.js';
import { wordsFor } from './i18n.js';
import type { RunReportData } from './report-data.js';

/** Markdown tables break on pipes and line breaks in model output. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * Short, for a pull-request comment or $GITHUB_STEP_SUMMARY: the verdict first, then the table,
 * then what regressed.
 */
export function renderMarkdown(data: RunReportData): string {
  const w = wordsFor(data.lang);
  const lines: string[] = [];
  lines.push(
    `## ${data.gate.passed ? '✅' : '❌'} ${data.gate.passed ? w.gatePassed : w.gateFailed} — ${w.run} \`${data.run.id}\``,
    '',
  );
  for (const failure of data.gate.failures) lines.push(`- ${cell(failure)}`);
  if (data.gate.failures.length > 0) lines.push('');
  lines.push(
    `| ${w.suite} | ${w.model} | ${w.passRate} | ${w.judged} | ${w.failures} | ${w.errors} | ${w.piiLeaks} | ${w.cost} | ${w.latency} |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const row of data.summary) {
    const interval = row.interval
      ? ` [${percent(row.interval.low, 0)}–${percent(row.interval.high, 0)}]`
      : '';
    lines.push(
      `| ${cell(row.suiteId)} | ${cell(row.model)} | ${percent(row.passRate)}${interval} | ${row.judged} | ${row.fail} | ${row.error} | ${row.piiLeaks} | ${usd(row.costUsd)} | ${milliseconds(row.medianLatencyMs)} / ${milliseconds(row.p95LatencyMs)} |`,
    );
  }
  for (const change of data.servedModelChanges) {
    lines.push('', `> ${w.servedChanged(change.model, change.before.join(', '), change.after.join(', '))}`);
  }
  const regressions = data.baseline?.rows.filter((row) => row.verdict === 'regression') ?? [];
  if (data.baseline) {
    lines.push('', `### ${w.comparison(data.baseline.runA.id)}`, '');
    if (regressions.length === 0)
      lines.push(`${w.verdicts['no-change']} / ${w.verdicts.improvement}: ${data.baseline.rows.length}`);
    for (const row of regressions) {
      lines.push(
        `- **${cell(row.suiteId)} × ${cell(row.model)}**: ${percent(row.a.passRate)} → ${percent(row.b.passRate)} (n = ${row.n}, p Holm = ${row.pAdjusted.toFixed(3)}); ${w.newlyFailing}: ${row.newlyFailing
          .slice(0, 20)
          .map((id) => `\`${cell(id)}\``)
          .join(', ')}${row.newlyFailing.length > 20 ? ' …' : ''}`,
      );
    }
  }
  if (data.procurement) {
    lines.push(
      '',
      `### ${w.procurement}`,
      '',
      `| ${w.model} | ${w.quality} | ${w.costPer1000} | ${w.latency} | ${w.energyPer1000} |`,
      '| --- | ---: | ---: | ---: | ---: |',
    );
    for (const row of data.procurement) {
      const energy = row.energyPer1000
        ? `${row.energyPer1000.centralWh.toFixed(1)} Wh [${row.energyPer1000.lowWh.toFixed(1)}–${row.energyPer1000.highWh.toFixed(1)}]`
        : '—';
      lines.push(
        `| ${cell(row.model)}${row.pareto ? ' ★' : ''} | ${percent(row.passRate)} (n=${row.n}) | ${row.costPer1000 === undefined ? w.unknown : usd(row.costPer1000)} | ${milliseconds(row.medianLatencyMs)} / ${milliseconds(row.p95LatencyMs)} | ${energy} |`,
      );
    }
  }
  lines.push(
    '',
    `<sub>avec ${data.run.avecVersion} · ${w.generated} ${data.generatedAt}${data.piiMasked ? ` · ${w.masked}` : ''}</sub>`,
    '',
  );
  return lines.join('\n');
}
