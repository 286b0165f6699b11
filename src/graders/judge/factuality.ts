import type { Usage } from '../../providers/types.js';
import { sourceText } from '../expectations.js';
import type { GraderDefinition } from '../types.js';
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
import { FACTUALITY_PROMPT } from './prompts.js';

export interface JudgeFactualityConfig {
  sourceVar?: string;
  /** Most contradicted or unsupported claims an answer may hold and still pass. */
  maxUnsupported?: number;
  votes?: number;
  temperature?: number;
  maxTokens?: number;
}

interface Claim {
  claim: string;
  label: 'supported' | 'contradicted' | 'unsupported';
}

/** An LLM judge splits the answer into claims and checks each against the source. */
export const judgeFactuality: GraderDefinition<JudgeFactualityConfig> = {
  catches: ['change-number', 'change-unit', 'flip-negation'],
  description:
    'LLM judge: share of the claims of the output that the source supports (added claims count against it).',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      sourceVar: { type: 'string', minLength: 1 },
      maxUnsupported: { type: 'integer', minimum: 0 },
      ...JUDGE_CALL_OPTIONS,
    },
  },
  create(id, config, context) {
    const votes = config.votes ?? 1;
    const maxUnsupported = config.maxUnsupported ?? 0;
    return {
      id,
      type: 'judge.factuality',
      async grade(input) {
        const judge = context.judge;
        if (!judge) return skippedForNoJudge(id);
        const source = sourceText(input, id, config.sourceVar);
        let usage: Usage = { inputTokens: 0, outputTokens: 0 };
        const verdicts: Array<{ pass: boolean; score: number; bad: Claim[]; total: number }> = [];
        for (let vote = 0; vote < votes; vote++) {
          const answer = await askJudge<{ claims: Claim[] }>({
            judge,
            prompt: {
              system: FACTUALITY_PROMPT.system,
              user: fillPrompt(FACTUALITY_PROMPT.user, { source, output: input.output }),
            },
            answerSchema: FACTUALITY_PROMPT.answerSchema,
            input,
            graderId: id,
            temperature: judgeTemperature(config.temperature, votes),
            maxTokens: config.maxTokens ?? 1500,
          });
          usage = addUsage(usage, answer.usage);
          const claims = answer.value.claims;
          const bad = claims.filter((c) => c.label !== 'supported');
          verdicts.push({
            pass: bad.length <= maxUnsupported,
            score: claims.length === 0 ? 1 : (claims.length - bad.length) / claims.length,
            bad,
            total: claims.length,
          });
        }
        const pass = majority(verdicts.map((v) => v.pass));
        const score = verdicts.reduce((sum, v) => sum + v.score, 0) / verdicts.length;
        // Explain with the vote that agrees with the outcome and found the most problems.
        const shown =
          verdicts.filter((v) => v.pass === pass).sort((a, b) => b.bad.length - a.bad.length)[0] ??
          verdicts[0];
        const contradicted = shown?.bad.filter((c) => c.label === 'contradicted').length ?? 0;
        const unsupported = (shown?.bad.length ?? 0) - contradicted;
        const examples = (shown?.bad ?? []).slice(0, 3).map((c) => `${c.label}: "${c.claim.slice(0, 120)}"`);
        return {
          pass,
          score,
          reason: `${shown ? shown.total - shown.bad.length : 0}/${shown?.total ?? 0} claims supported, ${contradicted} contradicted, ${unsupported} unsupported${votes > 1 ? ` (majority of ${votes} votes)` : ''}${examples.length > 0 ? `; ${examples.join('; ')}` : ''}`,
          judge: judgeSpend(judge, usage),
        };
      },
    };
  },
};
