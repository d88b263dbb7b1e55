import type { BankRefusalCode } from "@clearhub/wire";

/** What a desk of the bank answers a request: the answer, or a refusal that changed nothing. */
export type DeskResult<Answer> =
  | { readonly ok: true; readonly answer: Answer }
  | { readonly ok: false; readonly code: BankRefusalCode; readonly reason: string };

export function refusal(code: BankRefusalCode, reason: string): DeskResult<never> {
  return { ok: false, code, reason };
}
