/**
 * Errors a person can meet. Each carries the exit code the CLI ends with and renders as one
 * line that names the place (file, line, JSON pointer) and what to do; never a stack trace.
 */

export const ExitCode = {
  ok: 0,
  gatesFailed: 1,
  usage: 2,
  runIncomplete: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface Place {
  file?: string;
  line?: number;
  column?: number;
  pointer?: string;
}

export function formatPlace(place: Place): string {
  if (!place.file) return place.pointer ? `at ${place.pointer}` : '';
  let where = place.file;
  if (place.line !== undefined) where += `:${place.line}`;
  if (place.line !== undefined && place.column !== undefined) where += `:${place.column}`;
  if (place.pointer !== undefined && place.pointer !== '') where += ` (${place.pointer})`;
  return where;
}

/** A problem with what the user gave us (arguments, config, suite, dataset): exit 2. */
export class UserError extends Error {
  readonly exitCode: ExitCode = ExitCode.usage;
  readonly place: Place;
  readonly hint: string | undefined;

  constructor(message: string, options: { place?: Place; hint?: string } = {}) {
    super(message);
    this.name = 'UserError';
    this.place = options.place ?? {};
    this.hint = options.hint;
  }

  /** The one line the CLI prints. */
  describe(): string {
    const where = formatPlace(this.place);
    const head = where ? `${where}: ${this.message}` : this.message;
    return this.hint ? `${head}. ${this.hint}` : head;
  }
}

/** The run started but could not complete (provider down, interrupted): exit 3. */
export class RunError extends Error {
  readonly exitCode: ExitCode = ExitCode.runIncomplete;
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string } = {}) {
    super(message);
    this.name = 'RunError';
    this.hint = options.hint;
  }

  describe(): string {
    return this.hint ? `${this.message}. ${this.hint}` : this.message;
  }
}

export function isUserFacing(error: unknown): error is UserError | RunError {
  return error instanceof UserError || error instanceof RunError;
}
