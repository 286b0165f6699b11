import type { Usage } from '../../providers/types.js';
import { extractCitations } from '../citations/extract.js';
import { splitSentences } from '../text/normalize.js';
import { type GradeInput, type GraderDefinition, GraderError, type Span } from '../types.js';
import {
  addUsage,
  askJudge,
  fillPrompt,
  JUDGE_CALL_OPTIONS,
  judgeSpend,
  judgeTemperature,
  majority,
  skippedForNoJudge,
} from './ask-judge.js';
import { CITATION_SUPPORT_PROMPT } from './prompts.js';

export interface JudgeCitationSupportConfig {
  /** The var listing the sources, objects { id, text, … }; default `sources`. */
  sourcesVar?: string;
  /** A var holding the text of every cited source, when the sources themselves carry none (an abstract). */
  sourceTextVar?: string;
  /** Most sentences an answer may have whose citations do not (fully) support them. */
  maxUnsupported?: number;
  votes?: number;
  temperature?: number;
  maxTokens?: number;
}

interface CitedSentence {
  index: number;
  text: string;
  start: number;
  end: number;
  ids: string[];
}

type Support = 'supported' | 'partial' | 'unsupported';

/**
 * Does each cited source say what the sentence citing it says? The `citations` grader checks that
 * a reference exists; this judge checks that it supports the claim (ALCE's citation recall, per
 * sentence). Sentences citing a source whose text the case does not give are left out, and said so.
 */
export const judgeCitationSupport: GraderDefinition<JudgeCitationSupportConfig> = {
  catches: ['invent-citation'],
  description:
    'LLM judge: each sentence that cites numbered sources is supported by the text of those sources (ALCE citation recall).',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      sourcesVar: { type: 'string', minLength: 1 },
      sourceTextVar: { type: 'string', minLength: 1 },
      maxUnsupported: { type: 'integer', minimum: 0 },
      ...JUDGE_CALL_OPTIONS,
    },
  },
  create(id, config, context) {
    const votes = config.votes ?? 1;
    const maxUnsupported = config.maxUnsupported ?? 0;
    return {
      id,
      type: 'judge.citation-support',
      async grade(input) {
        const judge = context.judge;
        if (!judge) return skippedForNoJudge(id);
        const texts = sourceTexts(input, id, config);
        const cited = citedSentences(input.output);
        const checkable = cited.filter((s) => s.ids.every((sourceId) => texts.has(sourceId)));
        const unchecked = cited.length - checkable.length;
        const note = unchecked > 0 ? `; ${unchecked} citing a source with no text given, not checked` : '';
        if (checkable.length === 0) {
          return { pass: true, score: 1, reason: `no cited sentence to check${note}` };
        }
        const usedIds = [...new Set(checkable.flatMap((s) => s.ids))];
        const user = fillPrompt(CITATION_SUPPORT_PROMPT.user, {
          sources: usedIds.map((sourceId) => `[${sourceId}] """${texts.get(sourceId)}"""`).join('\n\n'),
          sentences: checkable
            .map((s, i) => `${i + 1}. (cites ${s.ids.map((x) => `[${x}]`).join(', ')}) ${s.text}`)
            .join('\n'),
        });
        let usage: Usage = { inputTokens: 0, outputTokens: 0 };
        const ballots: Array<Map<number, Support>> = [];
        for (let vote = 0; vote < votes; vote++) {
          const answer = await askJudge<{ sentences: Array<{ index: number; support: Support }> }>({
            judge,
            prompt: { system: CITATION_SUPPORT_PROMPT.system, user },
            answerSchema: CITATION_SUPPORT_PROMPT.answerSchema,
            input,
            graderId: id,
            temperature: judgeTemperature(config.temperature, votes),
            maxTokens: config.maxTokens ?? 800,
          });
          usage = addUsage(usage, answer.usage);
          ballots.push(new Map(answer.value.sentences.map((s) => [s.index, s.support])));
        }
        // A sentence the judge did not rate is not vouched for: it counts as unsupported.
        const verdicts = checkable.map((_s, i) => {
          const supported = ballots.map((ballot) => ballot.get(i + 1) === 'supported');
          const partial = ballots.filter((ballot) => ballot.get(i + 1) === 'partial').length;
          return majority(supported) ? 'supported' : partial * 2 > ballots.length ? 'partial' : 'unsupported';
        });
        const spans: Span[] = [];
        checkable.forEach((s, i) => {
          if (verdicts[i] !== 'supported')
            spans.push({ start: s.start, end: s.end, label: `citation-${verdicts[i]}` });
        });
        const score =
          verdicts.reduce((sum, v) => sum + (v === 'supported' ? 1 : v === 'partial' ? 0.5 : 0), 0) /
          verdicts.length;
        const supported = verdicts.filter((v) => v === 'supported').length;
        return {
          pass: spans.length <= maxUnsupported,
          score,
          reason: `${supported}/${checkable.length} cited sentences supported by their sources${votes > 1 ? ` (majority of ${votes} votes)` : ''}${note}`,
          spans,
          judge: judgeSpend(judge, usage),
        };
      },
    };
  },
};

function citedSentences(output: string): CitedSentence[] {
  const found: CitedSentence[] = [];
  for (const sentence of splitSentences(output)) {
    const ids = new Set<string>();
    for (const citation of extractCitations(sentence.text)) {
      if (citation.kind !== 'number') continue;
      // A range wider than a reader would write is not worth sending to a judge source by source.
      if (citation.to - citation.from > 20) continue;
      for (let n = citation.from; n <= citation.to; n++) ids.add(String(n));
    }
    if (ids.size > 0) {
      found.push({
        index: found.length + 1,
        text: sentence.text,
        start: sentence.start,
        end: sentence.end,
        ids: [...ids],
      });
    }
  }
  return found;
}

/** Text per source id: each source's own `text`, else the shared `sourceTextVar`. */
function sourceTexts(
  input: GradeInput,
  graderId: string,
  config: JudgeCitationSupportConfig,
): Map<string, string> {
  const texts = new Map<string, string>();
  let shared: string | undefined;
  if (config.sourceTextVar !== undefined) {
    const value = input.case.vars[config.sourceTextVar];
    if (typeof value !== 'string') {
      throw new GraderError(
        `grader "${graderId}" needs the sources' text in vars.${config.sourceTextVar}: give it in the case, or change "sourceTextVar"`,
      );
    }
    shared = value;
  }
  const listed = input.case.vars[config.sourcesVar ?? 'sources'];
  if (Array.isArray(listed)) {
    listed.forEach((source, position) => {
      if (source === null || typeof source !== 'object') return;
      const record = source as Record<string, unknown>;
      const sourceId = String(record.id ?? position + 1);
      const text = typeof record.text === 'string' ? record.text : shared;
      if (text !== undefined) texts.set(sourceId, text);
    });
  } else if (typeof listed === 'string' && shared !== undefined) {
    for (const match of listed.matchAll(/^\s*\[\s*(\d{1,4})\s*\]/gmu)) texts.set(match[1] as string, shared);
  }
  if (texts.size === 0 && shared === undefined) {
    throw new GraderError(
      `grader "${graderId}" has no source text to judge with: give each source a "text" in vars.${config.sourcesVar ?? 'sources'}, or set "sourceTextVar"`,
    );
  }
  return texts;
}
