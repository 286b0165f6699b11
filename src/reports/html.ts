import type { Span } from '../graders/types.js';
import type { SummaryRow } from '../stats/summary.js';
import { passRateChart, qualityCostChart, renderChart } from './charts.js';
import { milliseconds, percent, usd } from './format.js';
import { type Words, wordsFor } from './i18n.js';
import type { ReportFailure, RunReportData } from './report-data.js';

/** Everything from a model or a user passes through here before it reaches the page. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; form-action 'none'";

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1a1a1a;background:#fafafa;line-height:1.45}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.6em;margin:0 0 4px}h2{border-bottom:2px solid #3465a4;padding-bottom:4px;margin-top:36px}
.meta{color:#555;font-size:.9em}
.verdict{padding:12px 16px;border-radius:6px;font-weight:600;margin:16px 0}
.ok{background:#e6f4ea;border:1px solid #34a853}.ko{background:#fce8e6;border:1px solid #d93025}
table{border-collapse:collapse;width:100%;margin:12px 0;font-size:.92em;background:#fff}
th,td{border:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f0f3f8}
td.num{text-align:right;font-variant-numeric:tabular-nums}
details{background:#fff;border:1px solid #ddd;border-radius:4px;margin:8px 0;padding:6px 10px}
summary{cursor:pointer;font-weight:600}
pre{white-space:pre-wrap;word-break:break-word;background:#f6f6f6;padding:8px;border-radius:4px}
mark{background:#ffe08a;padding:0 2px}mark.masked{background:#d0d7e2}
.fail{color:#b3261e}.pass{color:#137333}
figure{margin:12px 0;background:#fff;border:1px solid #ddd;padding:8px}
`;

function interval(row: Pick<SummaryRow, 'interval'>): string {
  return row.interval ? ` [${percent(row.interval.low, 0)}–${percent(row.interval.high, 0)}]` : '';
}

/** Highlights what graders found; masked tokens are highlighted as such. */
export function highlight(output: string, spans: readonly Span[] | undefined, masked: boolean): string {
  if (masked || !spans || spans.length === 0) {
    return escapeHtml(output).replace(/\[([a-z-]+): \*\*\*\]/g, '<mark class="masked">[$1: ***]</mark>');
  }
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  let html = '';
  let cursor = 0;
  for (const span of sorted) {
    if (span.start < cursor || span.end > output.length) continue;
    html += `${escapeHtml(output.slice(cursor, span.start))}<mark title="${escapeHtml(span.label)}">${escapeHtml(output.slice(span.start, span.end))}</mark>`;
    cursor = span.end;
  }
  return html + escapeHtml(output.slice(cursor));
}

function apprendre(data: RunReportData, w: Words): string {
  const models = data.run.models
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.id)}</td><td>${escapeHtml(m.servedModels.join(', ') || '—')}</td><td>${escapeHtml(m.destination)}</td></tr>`,
    )
    .join('');
  const suites = data.run.suites
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.id)}</td><td>${escapeHtml(s.title ?? '')}</td><td>${escapeHtml(s.version)}</td><td><code>${escapeHtml(s.fingerprint.slice(0, 19))}…</code></td><td>${escapeHtml(s.classification)}</td><td class="num">${s.caseCount}</td></tr>`,
    )
    .join('');
  return `<section id="apprendre"><h2>${escapeHtml(w.apprendre)}</h2>
<table><thead><tr><th>${w.model}</th><th>${w.servedModel}</th><th>${w.destination}</th></tr></thead><tbody>${models}</tbody></table>
<table><thead><tr><th>${w.suite}</th><th></th><th>${w.version}</th><th>${w.fingerprint}</th><th>${w.classification}</th><th>${w.cases}</th></tr></thead><tbody>${suites}</tbody></table>
<p class="meta">${w.judge} : ${escapeHtml(data.run.judge ?? w.none)}</p></section>`;
}

function failureBlock(failure: ReportFailure, w: Words, masked: boolean): string {
  const spans = failure.grades.flatMap((g) => g.spans ?? []);
  const reasons = failure.grades
    .filter((g) => !g.pass && !g.skipped)
    .map(
      (g) =>
        `<li><strong>${escapeHtml(g.grader)}</strong> (${escapeHtml(g.type)}) : ${escapeHtml(g.reason)}</li>`,
    )
    .join('');
  return `<details><summary>${escapeHtml(failure.suiteId)} · ${escapeHtml(failure.model)} · ${escapeHtml(failure.caseId)}${failure.repeat > 1 ? ` #${failure.repeat}` : ''} — <span class="fail">${escapeHtml(failure.outcome)}</span></summary>
${failure.error ? `<p>${escapeHtml(failure.error)}</p>` : ''}<ul>${reasons}</ul>
${failure.output === null ? '' : `<p>${w.output} :</p><pre>${highlight(failure.output, spans, masked)}</pre>`}</details>`;
}

async function verifier(data: RunReportData, w: Words): Promise<string> {
  const rows = data.summary
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.suiteId)}</td><td>${escapeHtml(row.model)}</td><td class="num">${percent(row.passRate)}${interval(row)}</td><td class="num">${row.judged}</td><td class="num">${row.fail}</td><td class="num">${row.error}</td><td class="num">${row.piiLeaks}</td><td>${row.gates.map((g) => `<span class="${g.passed ? 'pass' : 'fail'}">${escapeHtml(g.name)}</span>`).join(' ') || '—'}</td></tr>`,
    )
    .join('');
  const bars = data.summary
    .filter((row) => row.passRate !== undefined && row.interval)
    .map((row) => ({
      label: `${row.suiteId} · ${row.model}`,
      rate: row.passRate as number,
      low: row.interval?.low ?? 0,
      high: row.interval?.high ?? 0,
      n: row.judged,
    }));
  const chart =
    bars.length > 0 ? `<figure>${await renderChart(passRateChart(bars, w.chartPassRate))}</figure>` : '';
  const graders = data.summary
    .flatMap((row) =>
      row.graders.map(
        (g) =>
          `<tr><td>${escapeHtml(row.suiteId)}</td><td>${escapeHtml(row.model)}</td><td>${escapeHtml(g.grader)} (${escapeHtml(g.type)})</td><td class="num">${g.meanScore.toFixed(2)}${g.interval ? ` [${g.interval.low.toFixed(2)}–${g.interval.high.toFixed(2)}]` : ''}</td><td class="num">${g.n}</td></tr>`,
      ),
    )
    .join('');
  const failures =
    data.failures.length === 0
      ? `<p>${w.noFailure}</p>`
      : `<p class="meta">${w.shownOf(data.failures.length, data.failureCount)} ${data.piiMasked ? w.masked : ''}</p>${data.failures.map((f) => failureBlock(f, w, data.piiMasked)).join('\n')}`;
  return `<section id="verifier"><h2>${escapeHtml(w.verifier)}</h2>
<table><thead><tr><th>${w.suite}</th><th>${w.model}</th><th>${w.passRate}</th><th>${w.judged}</th><th>${w.failures}</th><th>${w.errors}</th><th>${w.piiLeaks}</th><th></th></tr></thead><tbody>${rows}</tbody></table>
${chart}
<table><thead><tr><th>${w.suite}</th><th>${w.model}</th><th>${w.grader}</th><th>${w.meanScore}</th><th>n</th></tr></thead><tbody>${graders}</tbody></table>
<h3>${w.failingCases}</h3>${failures}</section>`;
}

function estimer(data: RunReportData, w: Words): string {
  const rows = data.summary
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.suiteId)}</td><td>${escapeHtml(row.model)}</td><td class="num">${usd(row.costUsd)}${row.unknownCost > 0 ? ' + ?' : ''}</td><td class="num">${milliseconds(row.medianLatencyMs)} / ${milliseconds(row.p95LatencyMs)}</td></tr>`,
    )
    .join('');
  const baseline = data.baseline
    ? `<h3>${escapeHtml(w.comparison(data.baseline.runA.id))}</h3><table><thead><tr><th>${w.suite}</th><th>${w.model}</th><th>n</th><th>A</th><th>B</th><th>p (Holm)</th><th>${w.verdict}</th></tr></thead><tbody>${data.baseline.rows
        .map(
          (row) =>
            `<tr><td>${escapeHtml(row.suiteId)}</td><td>${escapeHtml(row.model)}</td><td class="num">${row.n}</td><td class="num">${percent(row.a.passRate)}</td><td class="num">${percent(row.b.passRate)}</td><td class="num">${row.pAdjusted.toFixed(3)}</td><td class="${row.verdict === 'regression' ? 'fail' : ''}">${escapeHtml(w.verdicts[row.verdict])}${row.newlyFailing.length > 0 ? ` — ${w.newlyFailing} : ${escapeHtml(row.newlyFailing.slice(0, 20).join(', '))}` : ''}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p class="meta">${w.noBaseline}</p>`;
  const changes = data.servedModelChanges
    .map((c) => `<p>${escapeHtml(w.servedChanged(c.model, c.before.join(', '), c.after.join(', ')))}</p>`)
    .join('');
  return `<section id="estimer"><h2>${escapeHtml(w.estimer)}</h2>
<table><thead><tr><th>${w.suite}</th><th>${w.model}</th><th>${w.cost}</th><th>${w.latency}</th></tr></thead><tbody>${rows}</tbody></table>
${changes}${baseline}</section>`;
}

async function procurement(data: RunReportData, w: Words): Promise<string> {
  if (!data.procurement) return '';
  const uses = [...new Set(data.procurement.flatMap((row) => row.byUse.map((u) => u.use)))];
  const energy = (row: NonNullable<RunReportData['procurement']>[number]) =>
    row.energyPer1000
      ? `${row.energyPer1000.centralWh.toFixed(1)} Wh [${row.energyPer1000.lowWh.toFixed(1)}–${row.energyPer1000.highWh.toFixed(1)}]`
      : '—';
  const rows = data.procurement
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.model)}${row.pareto ? ' ★' : ''}</td><td class="num">${percent(row.passRate)}${row.interval ? ` [${percent(row.interval.low, 0)}–${percent(row.interval.high, 0)}]` : ''} (n=${row.n})</td>${uses
          .map((use) => {
            const q = row.byUse.find((u) => u.use === use);
            return `<td class="num">${q ? `${percent(q.passRate, 0)} (n=${q.n})` : '—'}</td>`;
          })
          .join(
            '',
          )}<td class="num">${row.costPer1000 === undefined ? w.unknown : usd(row.costPer1000)}</td><td class="num">${milliseconds(row.medianLatencyMs)} / ${milliseconds(row.p95LatencyMs)}</td><td class="num">${energy(row)}</td></tr>`,
    )
    .join('');
  const points = data.procurement
    .filter((row) => row.passRate !== undefined && row.costPer1000 !== undefined)
    .map((row) => ({
      model: row.model,
      passRate: row.passRate as number,
      costPer1000: row.costPer1000 as number,
      pareto: row.pareto,
    }));
  const chart =
    points.length > 0
      ? `<figure>${await renderChart(qualityCostChart(points, w.chartQualityCost, w.costPer1000))}</figure>`
      : '';
  return `<h3>${w.procurement}</h3>
<table><thead><tr><th>${w.model} (★ ${w.pareto})</th><th>${w.quality}</th>${uses.map((u) => `<th>${escapeHtml(u)}</th>`).join('')}<th>${w.costPer1000}</th><th>${w.latency}</th><th>${w.energyPer1000}</th></tr></thead><tbody>${rows}</tbody></table>
${chart}<p class="meta">${escapeHtml(w.energyMethod)}</p>`;
}

function communiquer(data: RunReportData, w: Words): string {
  const passing = data.summary.filter((row) => row.gates.every((g) => g.passed)).length;
  const items = [
    w.summaryLine(passing, data.summary.length),
    ...data.gate.failures,
    ...data.servedModelChanges.map((c) => w.servedChanged(c.model, c.before.join(', '), c.after.join(', '))),
  ];
  return `<section id="communiquer"><h2>${escapeHtml(w.communiquer)}</h2><ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>
<p>${escapeHtml(w.reportError)}</p></section>`;
}

/** One self-contained page: styles and charts inline, a policy that forbids every script. */
export async function renderHtml(data: RunReportData): Promise<string> {
  const w = wordsFor(data.lang);
  return `<!doctype html>
<html lang="${data.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.title)} — ${escapeHtml(data.run.id)}</title>
<style>${STYLE}</style>
</head>
<body><main>
<h1>${escapeHtml(w.title)}</h1>
<p class="meta">${w.run} <code>${escapeHtml(data.run.id)}</code> · ${w.status} : ${escapeHtml(data.run.status)} · ${escapeHtml(data.run.startedAt)} · avec ${escapeHtml(data.run.avecVersion)} · ${w.generated} ${escapeHtml(data.generatedAt)}</p>
<div class="verdict ${data.gate.passed ? 'ok' : 'ko'}">${data.gate.passed ? w.gatePassed : w.gateFailed}</div>
${apprendre(data, w)}
${await verifier(data, w)}
${estimer(data, w)}
${await procurement(data, w)}
${communiquer(data, w)}
</main></body></html>
`;
}
