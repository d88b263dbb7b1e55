import type { LiquidityShortfall } from "../../domain/settlement/liquidity.ts";
import type { NetPosition } from "../../domain/settlement/net-position.ts";
import type { SettlementInstruction } from "../../domain/settlement/settlement-instruction.ts";
import type { SettlementWindow } from "../../domain/settlement/settlement-window.ts";
import type { LegRecord } from "../ports/settlement-leg-store.ts";

/** Everything the operator sees of one window: positions, what to move, what moved, what cannot. */
export interface SettlementReport {
  readonly window: SettlementWindow;
  readonly positions: readonly NetPosition[];
  readonly instructions: readonly SettlementInstruction[];
  readonly legs: readonly LegRecord[];
  /** Payers whose reserves cannot cover their instruction now; empty once settled. */
  readonly shortfalls: readonly LiquidityShortfall[];
  /** Windows aborted into this one, whose positions this one's include. */
  readonly carried: readonly SettlementWindow[];
}
