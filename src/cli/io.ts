/** What a command may touch of the outside world, so tests can run commands in-process. */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress bars and colours only on a terminal, and never in CI logs. */
  interactive: boolean;
  colors: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
}

export function parsePositiveInteger(flag: string, max = 10_000) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isInteger(parsed) || parsed < 1 || parsed > max) {
      throw new InvalidFlagError(`${flag} must be a whole number from 1 to ${max}, not "${value}"`);
    }
    return parsed;
  };
}

/** Thrown by option parsers; commander turns it into a usage error (exit 2). */
export class InvalidFlagError extends Error {
  readonly code = 'commander.invalidArgument';
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
