import type { Grader, StoredGrade } from '../graders/types.js';
import type { Case, Suite } from '../suite/types.js';
import type { Outcome } from './types.js';

export interface GradedOutput {
  outcome: Outcome;
  grades: StoredGrade[];
  error: string | null;
}

/**
 * Runs every grader on one output. A grader that throws makes the case an error (the harness
 * could not judge), never a model failure; skipped graders count neither way.
 */
export async function gradeOutput(
  graders: readonly Grader[],
  output: string,
  testCase: Pick<Case, 'id' | 'vars' | 'expect' | 'reference'>,
  suite: Pick<Suite, 'id' | 'language' | 'dir'> & { use?: Suite['use'] },
): Promise<GradedOutput> {
  const grades: StoredGrade[] = [];
  for (const grader of graders) {
    try {
      const result = await grader.grade({
        output,
        case: testCase,
        suite: {
          id: suite.id,
          language: suite.language,
          dir: suite.dir,
          ...(suite.use ? { use: suite.use } : {}),
        },
      });
      grades.push({ grader: grader.id, type: grader.type, ...result });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { outcome: 'error', grades, error: `grading failed: ${message}` };
    }
  }
  const judged = grades.filter((grade) => !grade.skipped);
  // A case no grader could judge has no verdict: calling it a pass would be a lie.
  if (judged.length === 0 && grades.length > 0) {
    return { outcome: 'error', grades, error: `no grader could judge: ${grades[0]?.reason ?? ''}` };
  }
  const outcome: Outcome = judged.every((grade) => grade.pass) ? 'pass' : 'fail';
  return { outcome, grades, error: null };
}
