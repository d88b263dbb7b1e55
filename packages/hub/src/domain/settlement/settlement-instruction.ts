import type { NetPosition } from "./net-position.ts";
import { assertSumsToZero } from "./zero-sum.ts";

/**
 * Who pays how much into settlement and who receives how much, for one window. A participant
 * whose net position is negative pays its absolute value; a positive one receives it; a zero
 * one has no instruction. The signed amounts sum to zero per window (asserted).
 */
export interface SettlementInstruction {
  readonly windowId: string;
  readonly currency: string;
  readonly accountId: number;
  readonly participantId: string;
  readonly direction: "pay" | "receive";
  /** Always positive. */
  readonly amount: bigint;
}

export function settlementInstructions(
  windowId: string,
  currency: string,
  positions: readonly NetPosition[],
): SettlementInstruction[] {
  const instructions = positions
    .filter((position) => position.net !== 0n)
    .map(
      (position): SettlementInstruction => ({
        windowId,
        currency,
        accountId: position.accountId,
        participantId: position.participantId,
        direction: position.net < 0n ? "pay" : "receive",
        amount: position.net < 0n ? -position.net : position.net,
      }),
    );
  assertSumsToZero(instructions.map(signedAmount), `window ${windowId} instructions`);
  return instructions;
}

/** Receipts positive, payments negative: the instruction as the participant's net. */
export function signedAmount(instruction: SettlementInstruction): bigint {
  return instruction.direction === "receive" ? instruction.amount : -instruction.amount;
}
