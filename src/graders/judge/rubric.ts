import type { Usage } from '../../providers/types.js';
import { renderOverCase } from '../expectations.js';
import { type GradeInput, type GraderDefinition, GraderError } from '../types.js';
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
import { RUBRIC_PROMPT } from './prompts.js';

export interface RubricItem {
  criterion: string;
  /** Positive for what a good answer does, negative for what it must not do. */
  points: number;
}

export interface JudgeRubricConfig {
  rubric?: RubricItem[];
  /** Template of what the answer replies to, shown to the judge; default: the case's vars as JSON. */
  context?: string;
  minScore?: number;
  votes?: number;
  temperature?: number;
  maxTokens?: number;
}

const itemSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['criterion', 'points'],
  properties: { criterion: { type: 'string', minLength: 1 }, points: { type: 'number', not: { const: 0 } } },
};

/**
 * HealthBench-style grading: points earned over points possible, where met negative items take
 * points away; clipped to [0, 1].
 */
export function rubricScore(items: readonly RubricItem[], met: readonly boolean[]): number {
  const possible = items.reduce((sum, item) => sum + Math.max(0, item.points), 0);
  if (possible === 0) return met.some((m, i) => m && (items[i]?.points ?? 0) < 0) ? 0 : 1;
  const earned = items.reduce((sum, item, i) => sum + (met[i] ? item.points : 0), 0);
  return Math.min(1, Math.max(0, earned / possible));
}

function rubricOf(config: JudgeRubricConfig, input: GradeInput, id: string): RubricItem[] {
  const rubric = config.rubric ?? input.case.expect.rubric;
  const valid =
    Array.isArray(rubric) &&
    rubric.length > 0 &&
    rubric.every(
      (item) =>
        item !== null &&
        typeof item === 'object' &&
        typeof (item as RubricItem).criterion === 'string' &&
        typeof (item as RubricItem).points === 'number',
    );
  if (!valid) {
    throw new GraderError(
      `grader "${id}" needs rubric items { criterion, points }: configure "rubric" or give the case "expect.rubric"`,
    );
  }
  return rubric as RubricItem[];
}

export const judgeRubric: GraderDefinition<JudgeRubricConfig> = {
  description: 'LLM judge: rubric items with positive and negative points, met or not (HealthBench style).',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      rubric: { type: 'array', minItems: 1, items: itemSchema },
      context: { type: 'string' },
      minScore: { type: 'number', minimum: 0, maximum: 1 },
      ...JUDGE_CALL_OPTIONS,
    },
  },
  create(id, config, context) {
    const votes = config.votes ?? 1;
    const minScore = config.minScore ?? 0.6;
    return {
      id,
      type: 'judge.rubric',
      async grade(input) {
        const judge = context.judge;
        if (!judge) return skippedForNoJudge(id);
        const items = rubricOf(config, input, id);
        const requestContext = config.context
          ? renderOverCase(config.context, input, `grader "${id}" context`)
          : JSON.stringify(input.case.vars, null, 2);
        const rubricText = items
          .map((item, i) => `${i + 1}. [${item.points > 0 ? '+' : ''}${item.points}] ${item.criterion}`)
          .join('\n');
        let usage: Usage = { inputTokens: 0, outputTokens: 0 };
        const scores: number[] = [];
        const metByVote: boolean[][] = [];
        for (let vote = 0; vote < votes; vote++) {
          const answer = await askJudge<{ items: Array<{ index: number; met: boolean }> }>({
            judge,
            prompt: {
              system: RUBRIC_PROMPT.system,
              user: fillPrompt(RUBRIC_PROMPT.user, {
                context: requestContext,
                rubric: rubricText,
                output: input.output,
              }),
            },
            answerSchema: RUBRIC_PROMPT.answerSchema,
            input,
            graderId: id,
            temperature: judgeTemperature(config.temperature, votes),
            maxTokens: config.maxTokens ?? 800,
          });
          usage = addUsage(usage, answer.usage);
          // An item the judge forgot counts as not met: for a negative item that is lenient,
          // for a positive one strict; either way the reason says how many were answered.
          const met = items.map(
            (_, i) => answer.value.items.find((entry) => entry.index === i + 1)?.met === true,
          );
          metByVote.push(met);
          scores.push(rubricScore(items, met));
        }
        const passes = scores.map((s) => s >= minScore);
        const pass = majority(passes);
        const score = scores.reduce((a, b) => a + b, 0) / scores.length;
        const finalMet = items.map((_, i) => majority(metByVote.map((m) => m[i] === true)));
        const missed = items
          .filter((item, i) => item.points > 0 && !finalMet[i])
          .map((item) => item.criterion);
        const harmful = items
          .filter((item, i) => item.points < 0 && finalMet[i])
          .map((item) => item.criterion);
        const parts = [`score ${(score * 100).toFixed(0)}% (min ${(minScore * 100).toFixed(0)}%)`];
        if (missed.length > 0) parts.push(`not met: ${missed.map((c) => `"${c.slice(0, 80)}"`).join(', ')}`);
        if (harmful.length > 0)
          parts.push(`penalised: ${harmful.map((c) => `"${c.slice(0, 80)}"`).join(', ')}`);
        return { pass, score, reason: parts.join('; '), judge: judgeSpend(judge, usage) };
      },
    };
  },
};
