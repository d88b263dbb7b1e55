/**
 * What a desk of a simulated party answers a request: the answer, or a refusal, with a code of
 * the party's interface, that changed nothing.
 */
export type DeskResult<Answer, Code extends string> =
  | { readonly ok: true; readonly answer: Answer }
  | { readonly ok: false; readonly code: Code; readonly reason: string };

export function refusal<Code extends string>(code: Code, reason: string): DeskResult<never, Code> {
  return { ok: false, code, reason };
}
