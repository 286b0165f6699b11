import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultAnswer, type FakeServer, startFakeServer } from '../fakes/llm-server.js';
import { runAvec, tempDir } from '../helpers/cli.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A 30-case suite whose every answer is checkable: enough cases for a paired test to see a drop. */
function historySuite(): string {
  const dir = join(tempDir(), 'summary.history');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'suite.yaml'),
    [
      'id: summary.history',
      'version: 1.0.0',
      'title: Historique',
      'use: summary',
      'language: fr',
      'dataset: { path: cases.jsonl, classification: synthetic }',
      'prompts:',
      '  user: "Cas {{n}}. Réponds exactement : {{answer}}"',
      'graders:',
      '  - type: contains',
      'thresholds: { minPassRate: 0.5 }',
    ].join('\n'),
  );
  const lines = Array.from({ length: 30 }, (_, i) =>
    JSON.stringify({
      id: `h-${String(i).padStart(2, '0')}`,
      vars: { n: i, answer: `Le taux est de ${i + 10} %.` },
      expect: { contains: [`${i + 10} %`] },
    }),
  );
  writeFileSync(join(dir, 'cases.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

describe('history: compare, trend, baseline and served-model changes', () => {
  it('sees a vendor update that degrades answers, and nothing when nothing changed', async () => {
    let degraded = false;
    server = await startFakeServer({
      servedModel: () => (degraded ? 'gpt-4o-mini-2025-03-01' : 'gpt-4o-mini-2024-07-18'),
      answer: (request) => {
        const n = Number(/Cas (\d+)\./.exec(request.user)?.[1]);
        return degraded && n % 3 === 0 ? 'Je ne sais pas.' : defaultAnswer(request);
      },
    });
    const suite = historySuite();
    const dir = tempDir();
    const db = join(dir, 'avec.db');
    const env = { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: server.openaiBaseUrl };
    const run = (extra: string[] = []) =>
      runAvec(
        [
          'run',
          suite,
          '-m',
          'openai:gpt-4o-mini',
          '--db',
          db,
          '--out',
          join(dir, String(Math.random())),
          '--no-cache',
          '--json',
          ...extra,
        ],
        { env },
      );

    const first = await run();
    expect(first.code).toBe(0);
    const firstId = JSON.parse(first.stdout).runId as string;

    // Same model, same answers: no significant change against the baseline.
    const same = await run(['--baseline', 'latest']);
    expect(same.code).toBe(0);
    const sameSummary = JSON.parse(same.stdout);
    expect(sameSummary.baseline.rows[0]).toMatchObject({ verdict: 'no-change', n: 30, newlyFailing: [] });
    expect(sameSummary.servedModelChanges).toEqual([]);

    degraded = true;
    const third = await run(['--baseline', firstId]);
    // Pass rate 66.7% is above the suite's 50% threshold: only the baseline gate fails.
    expect(third.code).toBe(1);
    const thirdSummary = JSON.parse(third.stdout);
    const thirdId = thirdSummary.runId as string;
    expect(thirdSummary.rows[0].gates.every((g: { passed: boolean }) => g.passed)).toBe(true);
    expect(thirdSummary.servedModelChanges).toEqual([
      expect.objectContaining({
        model: 'openai:gpt-4o-mini',
        before: ['gpt-4o-mini-2024-07-18'],
        after: ['gpt-4o-mini-2025-03-01'],
      }),
    ]);
    expect(thirdSummary.baseline.rows[0].verdict).toBe('regression');

    const compared = await runAvec(['compare', firstId, thirdId, '--db', db, '--json']);
    expect(compared.code).toBe(1);
    const comparison = JSON.parse(compared.stdout);
    const row = comparison.rows[0];
    expect(row).toMatchObject({
      suiteId: 'summary.history',
      model: 'openai:gpt-4o-mini',
      n: 30,
      verdict: 'regression',
      newlyPassing: [],
    });
    expect(row.newlyFailing).toEqual([
      'h-00',
      'h-03',
      'h-06',
      'h-09',
      'h-12',
      'h-15',
      'h-18',
      'h-21',
      'h-24',
      'h-27',
    ]);
    // Exact McNemar with 10 discordant pairs all one way: 2 / 2^10.
    expect(row.pValue).toBeCloseTo(2 / 1024, 9);
    expect(row.pAdjusted).toBeCloseTo(2 / 1024, 9);
    expect(row.delta).toBeCloseTo(-1 / 3, 9);
    expect(row.b.servedModels).toEqual(['gpt-4o-mini-2025-03-01']);

    const text = await runAvec(['compare', firstId, thirdId, '--db', db]);
    expect(text.stdout).toMatch(/newly failing: h-00, h-03/);
    expect(text.stdout).toMatch(/served model: gpt-4o-mini-2024-07-18 → gpt-4o-mini-2025-03-01/);

    const trended = await runAvec(['trend', '--db', db, '--json', '--suite', 'summary.history']);
    expect(trended.code).toBe(0);
    const series = JSON.parse(trended.stdout);
    expect(series).toHaveLength(1);
    expect(series[0].points.map((p: { servedModelChanged: boolean }) => p.servedModelChanged)).toEqual([
      false,
      false,
      true,
    ]);
    expect(series[0].points[2].servedModels).toEqual(['gpt-4o-mini-2025-03-01']);
    expect(series[0].points[2].passRate).toBeCloseTo(2 / 3, 9);
    expect(series[0].changes).toHaveLength(1);
    expect(series[0].changes[0].comparison.verdict).toBe('regression');
    const reportDir = join(dir, 'side-reports');
    await runAvec([
      'compare',
      firstId,
      thirdId,
      '--db',
      db,
      '--report',
      'all',
      '--out',
      join(reportDir, 'compare'),
    ]);
    await runAvec([
      'trend',
      '--db',
      db,
      '--report',
      'all',
      '--out',
      join(reportDir, 'trend'),
      '--lang',
      'en',
    ]);
    const compareHtml = readFileSync(join(reportDir, 'compare', 'comparison.html'), 'utf8');
    expect(compareHtml).toMatch(/script-src 'none'/);
    expect(compareHtml).toContain('h-27');
    expect(readFileSync(join(reportDir, 'compare', 'comparison.md'), 'utf8')).toMatch(/^## ❌/);
    expect(JSON.parse(readFileSync(join(reportDir, 'compare', 'comparison.json'), 'utf8'))).toMatchObject({
      version: 1,
      kind: 'comparison',
    });
    const trendHtml = readFileSync(join(reportDir, 'trend', 'trend.html'), 'utf8');
    expect(trendHtml).toMatch(/<svg[\s\S]*<\/svg>/);
    expect(trendHtml).not.toMatch(/<script/i);
    expect(JSON.parse(readFileSync(join(reportDir, 'trend', 'trend.json'), 'utf8')).series).toHaveLength(1);
    expect(readFileSync(join(reportDir, 'trend', 'trend.md'), 'utf8')).toContain('⚠️');

    const trendText = await runAvec(['trend', '--db', db]);
    expect(trendText.stdout).toMatch(/gpt-4o-mini-2024-07-18 → gpt-4o-mini-2025-03-01 at .*: regression/);
  });

  it('does not pair runs whose suite content differs, and says so', async () => {
    const suite = historySuite();
    const dir = tempDir();
    const db = join(dir, 'avec.db');
    const first = JSON.parse(
      (await runAvec(['run', suite, '-m', 'builtin:reference', '--db', db, '--out', dir, '--json'])).stdout,
    ).runId;
    writeFileSync(
      join(suite, 'suite.yaml'),
      (await import('node:fs'))
        .readFileSync(join(suite, 'suite.yaml'), 'utf8')
        .replace('Cas {{n}}', 'Question {{n}}'),
    );
    const second = JSON.parse(
      (await runAvec(['run', suite, '-m', 'builtin:reference', '--db', db, '--out', dir, '--json'])).stdout,
    ).runId;
    const compared = JSON.parse((await runAvec(['compare', first, second, '--db', db, '--json'])).stdout);
    expect(compared.rows).toEqual([]);
    expect(compared.unpaired[0].reason).toMatch(/suite content differs/);
  });

  it('names an unknown run and a missing database', async () => {
    const dir = tempDir();
    const missing = await runAvec(['compare', 'a', 'b', '--db', join(dir, 'none.db')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no result database here/);
    const db = join(dir, 'a.db');
    await runAvec(['run', historySuite(), '-m', 'builtin:reference', '--db', db, '--out', dir]);
    const unknown = await runAvec(['compare', 'latest', '20990101-000000-beef', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no run "20990101-000000-beef"/);
  });
});
