/**
 * No answer came from the hub: the connection failed, broke, or timed out, on every attempt
 * allowed. Whether a write was applied is unknown; sending it again with the same id is safe,
 * and answers the first result if it was.
 */
export class ClearhubNetworkError extends Error {
  override readonly name = "ClearhubNetworkError";

  constructor(
    message: string,
    /** Attempts made, the last one included. */
    readonly attempts: number,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}
