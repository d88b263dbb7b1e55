import type { BankRefusalCode } from "@clearhub/wire";
import {
  type DeskResult as PartyDeskResult,
  refusal as partyRefusal,
} from "../shared/desk-result.ts";

/** What a desk of the bank answers a request: the answer, or a refusal that changed nothing. */
export type DeskResult<Answer> = PartyDeskResult<Answer, BankRefusalCode>;

export function refusal(code: BankRefusalCode, reason: string): DeskResult<never> {
  return partyRefusal(code, reason);
}
