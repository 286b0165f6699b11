import { costUsd, findPrice } from '../../providers/pricing.js';
import { DEFAULT_RETRY_POLICY, withRetry } from '../../providers/retry.js';
import type { Provider, Usage } from '../../providers/types.js';
import { compileSchema } from '../../shared/yaml-file.js';
import { extractJson } from '../extract-json.js';
import { type GradeInput, type GradeResult, GraderError } from '../types.js';

export interface JudgePrompt {
  system: string;
  user: string;
}

export interface JudgeCallOptions {
  judge: Provider;
  prompt: JudgePrompt;
  /** JSON Schema the judge's answer must satisfy. */
  answerSchema: object;
  input: GradeInput;
  graderId: string;
  temperature: number;
  maxTokens: number;
}

export interface JudgeAnswer<T> {
  value: T;
  usage: Usage;
}

/**
 * Asks the judge once and reads its JSON answer. A judge that answers something unreadable is
 * asked once more; after that the case is an error (the harness could not grade), not a fail.
 */
export async function askJudge<T>(options: JudgeCallOptions): Promise<JudgeAnswer<T>> {
  const validate = compileSchema(options.answerSchema);
  const usage: Usage = { inputTokens: 0, outputTokens: 0 };
  let lastProblem = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    const { value: completion } = await withRetry(
      () =>
        options.judge.complete(
          {
            system: options.prompt.system,
            user: options.prompt.user,
            parameters: { temperature: options.temperature, maxTokens: options.maxTokens },
            case: {
              suiteId: options.input.suite.id,
              caseId: options.input.case.id,
              expect: options.input.case.expect,
            },
          },
          new AbortController().signal,
        ),
      DEFAULT_RETRY_POLICY,
    );
    usage.inputTokens += completion.usage.inputTokens;
    usage.outputTokens += completion.usage.outputTokens;
    const extraction = extractJson(completion.text);
    if (!extraction.ok) {
      lastProblem = extraction.error;
      continue;
    }
    if (validate(extraction.value)) return { value: extraction.value as T, usage };
    lastProblem = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
  }
  throw new GraderError(
    `grader "${options.graderId}": the judge ${options.judge.id} gave no usable answer (${lastProblem})`,
  );
}

/** The config keys every judge grader takes, beside its own. */
export const JUDGE_CALL_OPTIONS = {
  votes: { type: 'integer', minimum: 1, maximum: 9 },
  temperature: { type: 'number', minimum: 0, maximum: 2 },
  maxTokens: { type: 'integer', minimum: 64 },
} as const;

/** Several votes only make sense if the judge may answer differently: 0 for one vote, 0.7 for several. */
export function judgeTemperature(configured: number | undefined, votes: number): number {
  return configured ?? (votes > 1 ? 0.7 : 0);
}

/** What a judge grade cost, in the shape stored with the grade. */
export function judgeSpend(judge: Provider, usage: Usage): NonNullable<GradeResult['judge']> {
  return { model: judge.id, usage, costUsd: costUsd(usage, findPrice(judge)) };
}

export function addUsage(a: Usage, b: Usage): Usage {
  return { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens };
}

/** The grade given when no judge is configured: not a pass, not a fail, and said so. */
export function skippedForNoJudge(graderId: string): GradeResult {
  return {
    pass: false,
    score: 0,
    skipped: true,
    reason: `skipped: grader "${graderId}" needs a judge model (--judge provider:model, or judge: in avec.config.yaml)`,
  };
}

/** Fills {{name}} slots of a judge prompt; judge prompts are ours, so a missing slot is a bug. */
export function fillPrompt(template: string, slots: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`judge prompt slot "${name}" has no value`);
    return value;
  });
}

/** Majority of votes; a tie counts as a fail, since in health an unsure judge should not pass an answer. */
export function majority(votes: readonly boolean[]): boolean {
  const yes = votes.filter(Boolean).length;
  return yes > votes.length - yes;
}
