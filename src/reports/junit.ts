import type { CaseResult } from '../run/types.js';
import { maskPersonalData } from './mask.js';

/** XML 1.0 forbids most control characters even escaped; model output can hold them. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing what XML cannot carry
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

interface SuiteBlock {
  name: string;
  cases: string[];
  failures: number;
  errors: number;
  time: number;
}

/**
 * JUnit XML for CI test tabs: one <testsuite> per suite × model, one <testcase> per case and
 * repeat, a <failure> carrying the failing graders' reasons, an <error> for a case with no answer.
 */
export function renderJunit(
  runId: string,
  results: Iterable<CaseResult>,
  options: { showPii?: boolean } = {},
): string {
  const blocks = new Map<string, SuiteBlock>();
  for (const result of results) {
    const name = `${result.suiteId} × ${result.model}`;
    let block = blocks.get(name);
    if (!block) {
      block = { name, cases: [], failures: 0, errors: 0, time: 0 };
      blocks.set(name, block);
    }
    const seconds = (result.latencyMs ?? 0) / 1000;
    block.time += seconds;
    const attributes = `name="${escapeXml(result.repeat > 1 ? `${result.caseId} #${result.repeat}` : result.caseId)}" classname="${escapeXml(`${result.suiteId}.${result.model}`)}" time="${seconds.toFixed(3)}"`;
    if (result.outcome === 'pass') {
      block.cases.push(`    <testcase ${attributes}/>`);
      continue;
    }
    const output =
      result.output === null
        ? ''
        : options.showPii
          ? result.output
          : maskPersonalData(result.output, result.grades).text;
    if (result.outcome === 'error') {
      block.errors++;
      block.cases.push(
        `    <testcase ${attributes}>\n      <error message="${escapeXml(result.error ?? 'error')}" type="error"/>\n    </testcase>`,
      );
      continue;
    }
    block.failures++;
    const failing = result.grades.filter((g) => !g.pass && !g.skipped);
    const message = failing.map((g) => `${g.grader}: ${g.reason}`).join('; ');
    block.cases.push(
      `    <testcase ${attributes}>\n      <failure message="${escapeXml(message)}" type="${escapeXml(failing.map((g) => g.type).join(','))}">${escapeXml(output)}</failure>\n    </testcase>`,
    );
  }
  const suites = [...blocks.values()];
  const total = suites.reduce((sum, s) => sum + s.cases.length, 0);
  const failures = suites.reduce((sum, s) => sum + s.failures, 0);
  const errors = suites.reduce((sum, s) => sum + s.errors, 0);
  const time = suites.reduce((sum, s) => sum + s.time, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="avec ${escapeXml(runId)}" tests="${total}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}">`,
    ...suites.map(
      (s) =>
        `  <testsuite name="${escapeXml(s.name)}" tests="${s.cases.length}" failures="${s.failures}" errors="${s.errors}" skipped="0" time="${s.time.toFixed(3)}">\n${s.cases.join('\n')}\n  </testsuite>`,
    ),
    '</testsuites>',
    '',
  ].join('\n');
}
