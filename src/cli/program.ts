import { Command, CommanderError } from 'commander';
import { ExitCode, isUserFacing } from '../shared/errors.js';
import { AVEC_VERSION } from '../shared/version.js';
import { registerCalibrate } from './calibrate.js';
import { registerCompare } from './compare.js';
import { registerGrade } from './grade.js';
import type { CommandIO } from './io.js';
import { registerReport } from './report.js';
import { registerRun } from './run.js';
import { registerRuns, registerRunsPurge } from './runs.js';
import { registerSuites } from './suites.js';
import { registerTrend } from './trend.js';

/** Every command, registered in one place. */
const COMMANDS = [
  registerRun,
  registerRuns,
  registerSuites,
  registerGrade,
  registerCalibrate,
  registerCompare,
  registerTrend,
  registerReport,
  registerRunsPurge,
];

/**
 * Parses argv, runs the command and returns the exit code; never exits the process itself, so
 * tests drive it in-process. A user error ends in one line on stderr, never a stack trace.
 */
export async function runCli(argv: string[], io: CommandIO): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command('avec')
    .description(
      'avec: evaluate LLM answers for the French health, social and medico-social sector, after the HAS A.V.E.C. guide (Apprendre, Vérifier, Estimer, Communiquer)',
    )
    .version(AVEC_VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
    })
    .exitOverride();
  for (const register of COMMANDS) register(program, io, setExit);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end "with an error" in commander's terms; for a user they are a success.
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        return ExitCode.ok;
      }
      return ExitCode.usage;
    }
    if (isUserFacing(error)) {
      io.stderr(`avec: ${error.describe()}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`avec: internal error, please report it with the command you ran:\n${message}\n`);
    return ExitCode.runIncomplete;
  }
}
