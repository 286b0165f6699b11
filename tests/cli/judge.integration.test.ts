import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultAnswer, type FakeServer, startFakeServer } from '../fakes/llm-server.js';
import { runAvec, tempDir } from '../helpers/cli.js';
import { copyFixtureSuite, editFile } from '../helpers/suite-copy.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function suiteWithJudge(): string {
  const dir = copyFixtureSuite('summary.alpha');
  editFile(join(dir, 'suite.yaml'), (t) =>
    t.replace('graders:\n', 'graders:\n  - type: judge.factuality\n    sourceVar: answer\n'),
  );
  return dir;
}

describe('judge graders in a run', () => {
  it('are skipped without a judge, reported apart, and the deterministic graders still decide', async () => {
    const dir = tempDir();
    const result = await runAvec([
      'run',
      suiteWithJudge(),
      '-m',
      'builtin:reference',
      '--db',
      join(dir, 'a.db'),
      '--out',
      dir,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/3 case\(s\) had a grader skipped \(not counted as pass\)/);
  });

  it('grade with the judge given by --judge, whose cost is counted apart', async () => {
    server = await startFakeServer({
      answer: (request) =>
        request.system?.includes('fact-checker')
          ? JSON.stringify({
              claims: [
                { claim: 'c', label: request.user.includes('Un tiers') ? 'contradicted' : 'supported' },
              ],
            })
          : defaultAnswer(request),
    });
    const dir = tempDir();
    const result = await runAvec(
      [
        'run',
        suiteWithJudge(),
        '-m',
        'builtin:reference',
        '--judge',
        'openai:gpt-4o',
        '--db',
        join(dir, 'a.db'),
        '--out',
        dir,
        '--json',
      ],
      { env: { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: server.openaiBaseUrl } },
    );
    expect(server.requests).toHaveLength(3);
    const row = JSON.parse(result.stdout).rows[0];
    expect(row).toMatchObject({ pass: 2, fail: 1, skippedGrades: 0, costUsd: 0 });
    expect(row.judgeCostUsd).toBeGreaterThan(0);
  });

  it('refuses identifying data for a judge not approved for it', async () => {
    const suite = suiteWithJudge();
    editFile(join(suite, 'suite.yaml'), (t) =>
      t.replace('classification: synthetic', 'classification: identifying'),
    );
    const dir = tempDir();
    const result = await runAvec(
      [
        'run',
        suite,
        '-m',
        'builtin:reference',
        '--judge',
        'openai:gpt-4o',
        '--db',
        join(dir, 'a.db'),
        '--out',
        dir,
      ],
      {
        env: { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' },
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/identifying data, which openai:gpt-4o is not approved to receive/);
  });
});
