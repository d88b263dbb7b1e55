/**
 * A failure the person at the terminal can act on: the CLI prints its message alone, as one
 * line, and exits 1. Anything else that escapes a command is a fault and keeps its stack.
 */
export class CliError extends Error {
  override readonly name = "CliError";
}
