import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultAnswer, type FakeServer, startFakeServer } from '../fakes/llm-server.js';
import { FIXTURE_SUITES, runAvec, tempDir } from '../helpers/cli.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('comparing candidate models for procurement', () => {
  it('puts several models side by side with cost, latency, energy and the Pareto front, in the terminal and the reports', async () => {
    server = await startFakeServer({
      // Claude gets a third of the answers wrong: cheaper or better, not both.
      answer: (request) =>
        request.wire === 'anthropic' && request.user.includes('Chutes')
          ? 'Aucune idée.'
          : defaultAnswer(request),
    });
    const dir = tempDir();
    const config = join(dir, 'avec.config.yaml');
    writeFileSync(config, 'energy:\n  openai:gpt-4o-mini:\n    activeParametersB: 8\n');
    const db = join(dir, 'a.db');
    const env = {
      OPENAI_API_KEY: 'k',
      OPENAI_BASE_URL: server.openaiBaseUrl,
      ANTHROPIC_API_KEY: 'k',
      ANTHROPIC_BASE_URL: server.anthropicBaseUrl,
    };
    const run = await runAvec(
      [
        'run',
        FIXTURE_SUITES,
        '-m',
        'openai:gpt-4o-mini',
        '-m',
        'anthropic:claude-haiku-4-5',
        '--db',
        db,
        '--out',
        dir,
        '--config',
        config,
        '--report',
        'html,md,json',
        '--json',
      ],
      { env },
    );
    const runId = JSON.parse(run.stdout).runId;

    const matrix = await runAvec(['compare', runId, '--db', db, '--config', config, '--json']);
    expect(matrix.code).toBe(0);
    const { models } = JSON.parse(matrix.stdout);
    const byModel = Object.fromEntries(models.map((m: { model: string }) => [m.model, m]));
    expect(byModel['openai:gpt-4o-mini']).toMatchObject({ passRate: 1, n: 5, pareto: true });
    expect(byModel['anthropic:claude-haiku-4-5']).toMatchObject({ passRate: 0.8, pareto: false });
    expect(byModel['openai:gpt-4o-mini'].costPer1000).toBeGreaterThan(0);
    expect(byModel['openai:gpt-4o-mini'].energyPer1000.lowWh).toBeGreaterThan(0);
    expect(byModel['anthropic:claude-haiku-4-5'].energyPer1000).toBeUndefined();

    const text = await runAvec(['compare', runId, '--db', db, '--config', config]);
    expect(text.stdout).toMatch(/openai:gpt-4o-mini ★/);

    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Comparaison des modèles candidats');
    expect(html.match(/<svg/g)?.length).toBe(2);
    expect(html).toMatch(/Méthode de l’estimation d’énergie/);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.procurement).toHaveLength(2);
  });
});
