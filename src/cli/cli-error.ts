/** A problem with the command line or its input: one line on stderr, exit status 2. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}
