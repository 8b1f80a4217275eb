/** The shape every CLI command has. One file per command under `commands/`. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  readonly stderrIsTty: boolean;
  readonly cwd: string;
  readonly readStdin: () => Promise<string>;
}

export interface CliCommand {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full `--help` text. */
  readonly usage: string;
  /** Returns the process exit code: 0 ok, 1 budget exceeded / findings, 2 usage error. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** A mistake in how the command was called: printed as one line plus a usage hint, exit 2. */
export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A problem with the user's input (missing file, unknown model): one line, exit 2, no stack. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
