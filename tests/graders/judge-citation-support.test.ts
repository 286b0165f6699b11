import { afterEach, describe, expect, it } from 'vitest';
import { judgeCitationSupport } from '../../src/graders/judge/citation-support.js';
import { type GradeInput, GraderError } from '../../src/graders/types.js';
import { resolveProvider } from '../../src/providers/registry.js';
import { type FakeRequest, type FakeServer, startFakeServer } from '../fakes/llm-server.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SOURCES = [
  { id: 1, title: 'Essai A', text: 'La vitamine D à 800 UI par jour n’a pas réduit les chutes (RR 0,91).' },
  { id: 2, title: 'Cohorte B', text: 'Les chutes sont plus fréquentes la nuit chez les résidents.' },
  { id: 3, title: 'Revue C' },
];

const input = (output: string, vars: Record<string, unknown> = { sources: SOURCES }): GradeInput => ({
  output,
  case: { id: 'c1', vars, expect: {} },
  suite: { id: 'summary.x', language: 'fr', dir: '.' },
});

async function judgeAnswering(answer: (request: FakeRequest) => string) {
  server = await startFakeServer({ answer });
  return resolveProvider('openai:gpt-4o', {}, { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: server.openaiBaseUrl });
}

const context = { dir: '.', place: {} };
const OUTPUT =
  'La vitamine D n’a pas réduit les chutes [1]. Les chutes surviennent surtout la nuit [2]. Un contexte général est décrit [3].';

describe('judge.citation-support', () => {
  it('is skipped, never passed, without a judge', async () => {
    const grade = await judgeCitationSupport.create('cs', {}, context).grade(input(OUTPUT));
    expect(grade).toMatchObject({ pass: false, skipped: true });
  });

  it('sends each cited sentence with the text of the sources it cites, and passes when all are supported', async () => {
    const judge = await judgeAnswering(() =>
      JSON.stringify({
        sentences: [
          { index: 1, support: 'supported' },
          { index: 2, support: 'supported' },
        ],
      }),
    );
    const grade = await judgeCitationSupport.create('cs', {}, { ...context, judge }).grade(input(OUTPUT));
    expect(grade).toMatchObject({ pass: true, score: 1 });
    expect(grade.reason).toMatch(
      /2\/2 cited sentences supported.*1 citing a source with no text given, not checked/,
    );
    const sent = server?.requests[0]?.user ?? '';
    expect(sent).toContain('[1] """La vitamine D');
    expect(sent).toContain('2. (cites [2]) Les chutes surviennent surtout la nuit [2].');
    expect(sent).not.toContain('Un contexte général');
    expect(grade.judge?.costUsd).toBeGreaterThan(0);
  });

  it('fails on a sentence its source does not support, with its span', async () => {
    const judge = await judgeAnswering(() =>
      JSON.stringify({
        sentences: [
          { index: 1, support: 'supported' },
          { index: 2, support: 'unsupported' },
        ],
      }),
    );
    const grade = await judgeCitationSupport.create('cs', {}, { ...context, judge }).grade(input(OUTPUT));
    expect(grade).toMatchObject({ pass: false, score: 0.5 });
    const span = grade.spans?.[0];
    expect(span?.label).toBe('citation-unsupported');
    expect(OUTPUT.slice(span?.start, span?.end)).toBe('Les chutes surviennent surtout la nuit [2].');
  });

  it('counts a partial support as half, and a sentence the judge skipped as unsupported', async () => {
    const judge = await judgeAnswering(() =>
      JSON.stringify({ sentences: [{ index: 1, support: 'partial' }] }),
    );
    const grade = await judgeCitationSupport
      .create('cs', { maxUnsupported: 1 }, { ...context, judge })
      .grade(input(OUTPUT));
    expect(grade.score).toBe(0.25);
    expect(grade.pass).toBe(false);
    expect(grade.spans?.map((s) => s.label)).toEqual(['citation-partial', 'citation-unsupported']);
  });

  it('reads "[n] …" source lines with one shared text (an abstract), and says when nothing is cited', async () => {
    const judge = await judgeAnswering(() =>
      JSON.stringify({ sentences: [{ index: 1, support: 'supported' }] }),
    );
    const vars = { sources_text: '[1] Martin A. Essai. Rev. 2021.', abstract: 'Résumé : 800 UI par jour.' };
    const grader = judgeCitationSupport.create(
      'cs',
      { sourcesVar: 'sources_text', sourceTextVar: 'abstract' },
      { ...context, judge },
    );
    expect((await grader.grade(input('Dose de 800 UI par jour [1].', vars))).pass).toBe(true);
    expect(server?.requests[0]?.user).toContain('[1] """Résumé : 800 UI par jour."""');
    expect((await grader.grade(input('Aucune citation ici.', vars))).reason).toMatch(/no cited sentence/);
  });

  it('is a grader error when no source text can be found', async () => {
    const judge = await judgeAnswering(() => '{}');
    const grader = judgeCitationSupport.create('cs', {}, { ...context, judge });
    await expect(grader.grade(input(OUTPUT, { sources: [{ id: 1 }] }))).rejects.toThrow(GraderError);
    const shared = judgeCitationSupport.create('cs', { sourceTextVar: 'abstract' }, { ...context, judge });
    await expect(shared.grade(input(OUTPUT))).rejects.toThrow(/vars\.abstract/);
  });
});
