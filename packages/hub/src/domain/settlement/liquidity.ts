import type { SettlementInstruction } from "./settlement-instruction.ts";

/**
 * A payer whose reserve cannot cover what it must pay into settlement: reported before any
 * money moves, so the operator can decide (wait for funds, settle the others, abort).
 */
export interface LiquidityShortfall {
  readonly participantId: string;
  readonly accountId: number;
  readonly owes: bigint;
  readonly reserve: bigint;
  readonly shortBy: bigint;
}

/** Reserves by netted account id; a payer with no settlement account has no reserve. */
export function liquidityShortfalls(
  instructions: readonly SettlementInstruction[],
  reserves: ReadonlyMap<number, bigint>,
): LiquidityShortfall[] {
  const short: LiquidityShortfall[] = [];
  for (const instruction of instructions) {
    if (instruction.direction !== "pay") continue;
    const reserve = reserves.get(instruction.accountId) ?? 0n;
    if (reserve >= instruction.amount) continue;
    short.push({
      participantId: instruction.participantId,
      accountId: instruction.accountId,
      owes: instruction.amount,
      reserve,
      shortBy: instruction.amount - reserve,
    });
  }
  return short;
}
