import type { RunComparison } from '../api/compare.js';
import { percent } from './format.js';
import { escapeHtml } from './html.js';
import { htmlPage } from './html-page.js';
import { wordsFor } from './i18n.js';

export function comparisonJson(comparison: RunComparison, now = new Date()): string {
  return `${JSON.stringify({ version: 1, kind: 'comparison', generatedAt: now.toISOString(), ...comparison }, null, 2)}\n`;
}

function regressionFirst(comparison: RunComparison) {
  const order = { regression: 0, improvement: 1, 'no-change': 2 } as const;
  return [...comparison.rows].sort((a, b) => order[a.verdict] - order[b.verdict]);
}

export function comparisonMarkdown(comparison: RunComparison, lang: 'fr' | 'en'): string {
  const w = wordsFor(lang);
  const regressions = comparison.rows.filter((row) => row.verdict === 'regression');
  const lines = [
    `## ${regressions.length === 0 ? '✅' : '❌'} ${w.comparison(comparison.runA.id)} → \`${comparison.runB.id}\``,
    '',
    `| ${w.suite} | ${w.model} | n | A | B | Δ | p (Holm) | ${w.verdict} |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...regressionFirst(comparison).map(
      (row) =>
        `| ${row.suiteId} | ${row.model} | ${row.n} | ${percent(row.a.passRate)} | ${percent(row.b.passRate)} | ${row.delta === undefined ? '—' : `${(row.delta * 100).toFixed(1)} pts`} | ${row.pAdjusted.toFixed(3)} | ${w.verdicts[row.verdict]} |`,
    ),
  ];
  for (const row of regressions) {
    lines.push(
      '',
      `**${row.suiteId} × ${row.model}** — ${w.newlyFailing}: ${row.newlyFailing.map((id) => `\`${id}\``).join(', ')}`,
    );
  }
  for (const unpaired of comparison.unpaired)
    lines.push('', `> ${unpaired.suiteId} × ${unpaired.model}: ${unpaired.reason}`);
  lines.push('');
  return lines.join('\n');
}

export function comparisonHtml(comparison: RunComparison, lang: 'fr' | 'en'): string {
  const w = wordsFor(lang);
  const rows = regressionFirst(comparison)
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.suiteId)}</td><td>${escapeHtml(row.model)}</td><td class="num">${row.n}</td><td class="num">${percent(row.a.passRate)}</td><td class="num">${percent(row.b.passRate)}</td><td class="num">${row.pValue.toFixed(3)}</td><td class="num">${row.pAdjusted.toFixed(3)}</td><td class="${row.verdict === 'regression' ? 'fail' : row.verdict === 'improvement' ? 'pass' : ''}">${escapeHtml(w.verdicts[row.verdict])}</td><td>${escapeHtml(row.newlyFailing.join(', '))}</td></tr>`,
    )
    .join('');
  const unpaired = comparison.unpaired
    .map((u) => `<li>${escapeHtml(`${u.suiteId} × ${u.model}: ${u.reason}`)}</li>`)
    .join('');
  return htmlPage(
    lang,
    `${w.comparison(comparison.runA.id)} → ${comparison.runB.id}`,
    `<table><thead><tr><th>${w.suite}</th><th>${w.model}</th><th>n</th><th>A</th><th>B</th><th>p</th><th>p (Holm)</th><th>${w.verdict}</th><th>${w.newlyFailing}</th></tr></thead><tbody>${rows}</tbody></table>${unpaired ? `<ul>${unpaired}</ul>` : ''}`,
  );
}
