import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeServer, startFakeServer } from '../fakes/llm-server.js';
import { FIXTURE_SUITES, runAvec, spawnAvec, tempDir } from '../helpers/cli.js';

interface ResultJson {
  runId: string;
  suiteId: string;
  suiteVersion: string;
  caseId: string;
  model: string;
  servedModel: string | null;
  repeat: number;
  outcome: string;
  grades: Array<{ grader: string; pass: boolean }>;
  usage: { inputTokens: number; outputTokens: number } | null;
  latencyMs: number | null;
  costUsd: number | null;
  error: string | null;
}

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function keys(server: FakeServer) {
  return {
    OPENAI_BASE_URL: server.openaiBaseUrl,
    OPENAI_API_KEY: 'sk-test-openai-0000',
    ANTHROPIC_BASE_URL: server.anthropicBaseUrl,
    ANTHROPIC_API_KEY: 'sk-ant-test-0000',
  };
}

describe('avec run against loopback OpenAI and Anthropic servers', () => {
  it('stores 2 suites × 2 models × 2 repeats, with served model ids and usage', async () => {
    server = await startFakeServer({
      servedModel: (r) => (r.wire === 'openai' ? `${r.model}-2024-07-18` : `${r.model}-20250929`),
    });
    const dir = tempDir();
    const db = join(dir, 'avec.db');
    const result = await spawnAvec(
      [
        'run',
        FIXTURE_SUITES,
        '-m',
        'openai:gpt-4o-mini',
        '-m',
        'anthropic:claude-sonnet-4-5',
        '--repeats',
        '2',
        '--db',
        db,
        '--out',
        dir,
      ],
      { env: keys(server) },
    );
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);

    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ResultJson[];
    // 5 cases (3 + 2) × 2 models × 2 repeats.
    expect(results).toHaveLength(20);
    expect(server.requests).toHaveLength(20);
    const identities = new Set(results.map((r) => `${r.suiteId}/${r.caseId}/${r.model}/${r.repeat}`));
    expect(identities.size).toBe(20);
    for (const r of results) {
      expect(r.outcome).toBe('pass');
      expect(r.suiteVersion).toBe('1.0.0');
      expect(r.usage?.inputTokens).toBeGreaterThan(0);
      expect(r.usage?.outputTokens).toBeGreaterThan(0);
      expect(r.latencyMs).toBeGreaterThanOrEqual(0);
      expect(r.costUsd).toBeGreaterThan(0);
    }
    expect(new Set(results.filter((r) => r.model.startsWith('openai')).map((r) => r.servedModel))).toEqual(
      new Set(['gpt-4o-mini-2024-07-18']),
    );
    expect(new Set(results.filter((r) => r.model.startsWith('anthropic')).map((r) => r.servedModel))).toEqual(
      new Set(['claude-sonnet-4-5-20250929']),
    );
    // The system prompt reached both wire formats.
    expect(
      server.requests.every(
        (r) => r.system === 'Tu résumes des études pour des soignants.' || r.system === undefined,
      ),
    ).toBe(true);
    expect(server.requests.filter((r) => r.system !== undefined)).toHaveLength(12);

    const listed = await runAvec(['runs', 'list', '--json', '--db', db]);
    const runs = JSON.parse(listed.stdout) as Array<{
      id: string;
      status: string;
      startedAt: string;
      models: Array<{ id: string; servedModels: string[] }>;
      suites: Array<{ id: string }>;
    }>;
    expect(runs).toHaveLength(1);
    expect(runs[0]?.id).toBe(results[0]?.runId);
    expect(runs[0]?.status).toBe('completed');
    expect(new Date(runs[0]?.startedAt ?? '').toISOString()).toBe(runs[0]?.startedAt);
    expect(runs[0]?.models.map((m) => m.id)).toEqual(['openai:gpt-4o-mini', 'anthropic:claude-sonnet-4-5']);
    expect(runs[0]?.models[0]?.servedModels).toEqual(['gpt-4o-mini-2024-07-18']);
    expect(runs[0]?.suites.map((s) => s.id)).toEqual(['form.beta', 'summary.alpha']);
  });

  it('answers a second identical run from the cache, and asks again with --no-cache', async () => {
    server = await startFakeServer();
    const dir = tempDir();
    const db = join(dir, 'avec.db');
    const args = [
      'run',
      join(FIXTURE_SUITES, 'summary.alpha'),
      '-m',
      'openai:gpt-4o-mini',
      '--db',
      db,
      '--out',
      dir,
    ];
    expect((await runAvec(args, { env: keys(server) })).code).toBe(0);
    expect(server.requests).toHaveLength(3);
    const second = await runAvec([...args, '--json'], { env: keys(server) });
    expect(second.code).toBe(0);
    expect(server.requests).toHaveLength(3);
    expect(JSON.parse(second.stdout).rows[0].cached).toBe(3);
    expect((await runAvec([...args, '--no-cache'], { env: keys(server) })).code).toBe(0);
    expect(server.requests).toHaveLength(6);
  });

  it('fails the gate with exit 1 when answers are wrong, counting failures, not errors', async () => {
    server = await startFakeServer({ answer: () => 'Aucune idée.' });
    const dir = tempDir();
    const result = await runAvec(
      [
        'run',
        join(FIXTURE_SUITES, 'summary.alpha'),
        '-m',
        'openai:gpt-4o-mini',
        '--db',
        join(dir, 'a.db'),
        '--out',
        dir,
        '--json',
      ],
      { env: keys(server) },
    );
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary.rows[0]).toMatchObject({ pass: 0, fail: 3, error: 0, judged: 3 });
    expect(summary.rows[0].gates[0]).toMatchObject({ name: 'minPassRate', passed: false });
  });
});
