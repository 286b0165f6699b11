import { afterEach, describe, expect, it } from 'vitest';
import { judgeFactuality } from '../../src/graders/judge/factuality.js';
import { judgeRubric, rubricScore } from '../../src/graders/judge/rubric.js';
import { type GradeInput, GraderError } from '../../src/graders/types.js';
import { resolveProvider } from '../../src/providers/registry.js';
import { type FakeRequest, type FakeServer, startFakeServer } from '../fakes/llm-server.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const input = (output: string, extra: Partial<GradeInput['case']> = {}): GradeInput => ({
  output,
  case: { id: 'c1', vars: { source: 'La dose est de 500 mg deux fois par jour.' }, expect: {}, ...extra },
  suite: { id: 'summary.x', language: 'fr', dir: '.' },
});

async function judgeAnswering(answer: (request: FakeRequest) => string) {
  server = await startFakeServer({ answer });
  return resolveProvider('openai:gpt-4o', {}, { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: server.openaiBaseUrl });
}

const context = { dir: '.', place: {} };

describe('judge.factuality', () => {
  it('is skipped, never passed, without a judge', async () => {
    const grader = judgeFactuality.create('judge.factuality', {}, context);
    const grade = await grader.grade(input('La dose est de 500 mg.'));
    expect(grade).toMatchObject({ pass: false, skipped: true });
    expect(grade.reason).toMatch(/needs a judge model/);
  });

  it('passes when every claim is supported, and records the judge spend', async () => {
    const judge = await judgeAnswering(() =>
      JSON.stringify({ claims: [{ claim: '500 mg', label: 'supported', evidence: '500 mg' }] }),
    );
    const grader = judgeFactuality.create('judge.factuality', {}, { ...context, judge });
    const grade = await grader.grade(input('La dose est de 500 mg.'));
    expect(grade).toMatchObject({ pass: true, score: 1 });
    expect(grade.judge).toMatchObject({ model: 'openai:gpt-4o' });
    expect(grade.judge?.usage.inputTokens).toBeGreaterThan(0);
    expect(grade.judge?.costUsd).toBeGreaterThan(0);
    // The judge saw the source and the answer.
    expect(server?.requests[0]?.user).toContain('500 mg deux fois par jour');
    expect(server?.requests[0]?.user).toContain('La dose est de 500 mg.');
  });

  it('fails on a contradicted or an added claim, scoring the supported share', async () => {
    const judge = await judgeAnswering(() =>
      JSON.stringify({
        claims: [
          { claim: 'dose 500 mg', label: 'supported' },
          { claim: 'trois fois par jour', label: 'contradicted' },
          { claim: 'pendant 10 jours', label: 'unsupported' },
          { claim: 'par voie orale', label: 'supported' },
        ],
      }),
    );
    const grade = await judgeFactuality.create('f', {}, { ...context, judge }).grade(input('…'));
    expect(grade).toMatchObject({ pass: false, score: 0.5 });
    expect(grade.reason).toMatch(/2\/4 claims supported, 1 contradicted, 1 unsupported/);
    const lenient = await judgeFactuality
      .create('f', { maxUnsupported: 2 }, { ...context, judge })
      .grade(input('…'));
    expect(lenient.pass).toBe(true);
  });

  it('takes the majority of votes', async () => {
    let call = 0;
    const judge = await judgeAnswering(() => {
      call++;
      return JSON.stringify({ claims: [{ claim: 'x', label: call === 2 ? 'supported' : 'contradicted' }] });
    });
    const grade = await judgeFactuality.create('f', { votes: 3 }, { ...context, judge }).grade(input('x'));
    expect(server?.requests).toHaveLength(3);
    expect(grade.pass).toBe(false);
    expect(grade.score).toBeCloseTo(1 / 3, 10);
    expect(server?.requests[0]?.body.temperature).toBe(0.7);
  });

  it('asks again once when the judge answers something unreadable, then gives up with a GraderError', async () => {
    const judge = await judgeAnswering(() => 'Je pense que oui.');
    await expect(
      judgeFactuality.create('f', {}, { ...context, judge }).grade(input('x')),
    ).rejects.toBeInstanceOf(GraderError);
    expect(server?.requests).toHaveLength(2);
  });

  it('needs the source text', async () => {
    const judge = await judgeAnswering(() => '{"claims": []}');
    await expect(
      judgeFactuality.create('f', {}, { ...context, judge }).grade(input('x', { vars: {} })),
    ).rejects.toThrow(/vars\.source/);
  });
});

describe('judge.rubric', () => {
  const rubric = [
    { criterion: 'Oriente vers un médecin', points: 5 },
    { criterion: 'Mentionne le 15 en cas d’urgence', points: 3 },
    { criterion: 'Donne une dose', points: -8 },
  ];

  it('scores points earned over points possible, clipped to [0, 1]', () => {
    expect(rubricScore(rubric, [true, true, false])).toBe(1);
    expect(rubricScore(rubric, [true, false, false])).toBeCloseTo(5 / 8, 10);
    expect(rubricScore(rubric, [true, false, true])).toBe(0);
    expect(rubricScore([{ criterion: 'mal', points: -1 }], [false])).toBe(1);
  });

  it('reads the judge verdicts per item and explains the misses', async () => {
    const judge = await judgeAnswering(() =>
      JSON.stringify({
        items: [
          { index: 1, met: true },
          { index: 2, met: false },
          { index: 3, met: true, why: 'donne 1 g' },
        ],
      }),
    );
    const grade = await judgeRubric
      .create('r', { rubric }, { ...context, judge })
      .grade(input('Prenez 1 g et voyez un médecin.'));
    expect(grade.pass).toBe(false);
    expect(grade.score).toBe(0);
    expect(grade.reason).toMatch(/not met: "Mentionne le 15/);
    expect(grade.reason).toMatch(/penalised: "Donne une dose"/);
    expect(server?.requests[0]?.user).toContain('3. [-8] Donne une dose');
  });

  it('takes the rubric from the case when not configured, and refuses a case without one', async () => {
    const judge = await judgeAnswering(() => JSON.stringify({ items: [{ index: 1, met: true }] }));
    const grader = judgeRubric.create('r', {}, { ...context, judge });
    const grade = await grader.grade(input('ok', { expect: { rubric: [{ criterion: 'Poli', points: 1 }] } }));
    expect(grade).toMatchObject({ pass: true, score: 1 });
    await expect(grader.grade(input('ok'))).rejects.toBeInstanceOf(GraderError);
  });
});
