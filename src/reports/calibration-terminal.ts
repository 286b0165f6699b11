import pc from 'picocolors';
import type { CalibrationReport, Rate } from '../stats/calibration.js';
import { percent, table } from './format.js';

function shown(rate: Rate): string {
  if (rate.n === 0) return '—';
  const interval = rate.interval
    ? ` [${percent(rate.interval.low, 0)}–${percent(rate.interval.high, 0)}]`
    : '';
  return `${rate.k}/${rate.n} ${percent(rate.rate, 0)}${interval}`;
}

/** Per grader, then per kind of defect, then what no grader sees: what a user needs to trust a suite. */
export function renderCalibration(report: CalibrationReport, colors = pc.isColorSupported): string {
  const c = pc.createColors(colors);
  const graders = table(
    ['suite', 'grader', 'type', 'false alarms', 'caught (intended defects)', 'caught (any defect)'],
    report.graders.map((g) => [
      g.suiteId,
      g.grader,
      g.type,
      g.falseAlarms.k > 0 ? c.red(shown(g.falseAlarms)) : shown(g.falseAlarms),
      g.intended.n === 0
        ? c.dim('not meant for any')
        : g.intended.rate !== undefined && g.intended.rate < 0.9
          ? c.red(shown(g.intended))
          : shown(g.intended),
      shown(g.caughtAny),
    ]),
    ['left', 'left', 'left', 'right', 'right', 'right'],
  );
  const mutations = table(
    ['suite', 'defect', 'caught', 'by'],
    report.mutations.map((m) => [
      m.suiteId,
      m.mutation,
      m.caught.k === 0 ? c.red(shown(m.caught)) : shown(m.caught),
      Object.entries(m.caughtBy)
        .sort((a, b) => b[1] - a[1])
        .map(([grader, count]) => `${grader} ${count}`)
        .join(', '),
    ]),
    ['left', 'left', 'right', 'left'],
  );
  const lines = ['Calibration: graders', graders, '', 'Calibration: defects', mutations, ''];
  lines.push(
    `references wrongly failed: ${shown(report.references)}; defective answers caught: ${shown(report.mutants)}`,
  );
  if (report.blindSpots.length > 0) {
    lines.push(
      c.yellow(
        `no grader caught: ${report.blindSpots.map((b) => `${b.suiteId} ${b.mutation} (n=${b.n})`).join('; ')}`,
      ),
    );
  }
  if (report.brokenReferences.length > 0) {
    lines.push(
      c.red(
        `reference answers failing their own suite: ${report.brokenReferences
          .slice(0, 10)
          .map((b) => `${b.suiteId}/${b.caseId} (${b.failing.join(', ')})`)
          .join('; ')}`,
      ),
    );
  }
  return lines.join('\n');
}
