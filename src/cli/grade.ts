import type { Command } from 'commander';
import { gradeOutputs } from '../api/grade.js';
import { ExitCode } from '../shared/errors.js';
import type { CommandIO } from './io.js';

export function registerGrade(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  program
    .command('grade')
    .description(
      'grade outputs produced elsewhere: one JSON line in ({ id, output, vars?, expect? }), one out',
    )
    .requiredOption('-i, --input <file>', 'JSONL file of outputs, or - for standard input')
    .option('-g, --graders <list>', "comma-separated grader types, configured from each line's expect")
    .option('-s, --suite <path>', "use a suite's graders and their configuration")
    .action(async (flags: { input: string; graders?: string; suite?: string }) => {
      let allPassed = true;
      for await (const line of gradeOutputs({
        input: flags.input,
        cwd: io.cwd,
        ...(flags.graders
          ? {
              graders: flags.graders
                .split(',')
                .map((g) => g.trim())
                .filter(Boolean),
            }
          : {}),
        ...(flags.suite ? { suite: flags.suite } : {}),
      })) {
        if (!line.pass) allPassed = false;
        io.stdout(`${JSON.stringify(line)}\n`);
      }
      setExit(allPassed ? ExitCode.ok : ExitCode.gatesFailed);
    });
}
