import type { NetPosition, WindowEnds } from "../../domain/settlement/net-position.ts";
import type {
  SettlementWindow,
  WindowRefusal,
  WindowState,
} from "../../domain/settlement/settlement-window.ts";
import type { SettlementLegStore } from "./settlement-leg-store.ts";

/** Which open window a close is for: the operator names one; the schedule names a cut-off. */
export type CloseTarget =
  | { readonly kind: "window"; readonly windowId: string }
  | { readonly kind: "opened_before"; readonly cutoffAt: number };

export interface CloseRequest {
  readonly currency: string;
  readonly target: CloseTarget;
  readonly now: number;
  /** `operator:<id>` or `schedule`. */
  readonly closedBy: string;
}

export type CloseOutcome =
  | { readonly kind: "closed"; readonly window: SettlementWindow; readonly next: SettlementWindow }
  /** The target was closed already (a retry, or another node's schedule): nothing changed. */
  | { readonly kind: "already_closed"; readonly window: SettlementWindow | undefined }
  | { readonly kind: "refused"; readonly refusal: WindowRefusal };

/** A netted account's settlement account and what it holds now, for legs and liquidity. */
export interface SettlementAccountOf {
  readonly nettedAccountId: number;
  readonly settlementAccountId: number;
  /** Posted credits − posted and pending debits: what the account can pay now. */
  readonly available: bigint;
}

export interface BilateralPosition {
  readonly payerId: string;
  readonly payeeId: string;
  /** What flowed from payer to payee in the window, less what flowed back: always > 0. */
  readonly amount: bigint;
}

export interface WindowFilter {
  readonly currency?: string | undefined;
  readonly state?: WindowState | undefined;
  /** Windows numbered below this (per currency order: newest first). */
  readonly beforeOpenedAt?: number | undefined;
  readonly limit: number;
}

/** What settlement needs from storage: windows and positions here, legs in SettlementLegStore. */
export interface SettlementStore extends SettlementLegStore {
  /**
   * In one transaction that holds the journal head (so no ledger batch commits meanwhile):
   * snapshots the netted accounts at the head, counts the legs the ledger posted since the last
   * close, computes the net positions with `net`, closes the target window and opens the next.
   * Costs one row per account, whatever the number of transfers.
   */
  closeWindow(
    request: CloseRequest,
    net: (ends: WindowEnds) => NetPosition[],
  ): Promise<CloseOutcome>;
  /** The open window of the currency, created (holding journal seqs from 0) if there is none. */
  openWindow(currency: string, now: number): Promise<SettlementWindow>;
  findWindow(id: string): Promise<SettlementWindow | undefined>;
  listWindows(filter: WindowFilter): Promise<SettlementWindow[]>;
  /** Up to `limit` windows of the currency numbered above `afterNumber`, in number order. */
  readWindowsAfter(
    currency: string,
    afterNumber: number,
    limit: number,
  ): Promise<SettlementWindow[]>;
  /** Currencies any account is held in: each has a window. */
  listCurrencies(): Promise<string[]>;
  readPositions(windowId: string): Promise<NetPosition[]>;
  /** Pairwise flows of a closed window; reads its transfers, so it costs what they number. */
  readBilateral(window: SettlementWindow): Promise<BilateralPosition[]>;
  readSettlementAccounts(
    currency: string,
    nettedAccountIds: readonly number[],
  ): Promise<Map<number, SettlementAccountOf>>;
  /** Under the row lock: aborts a closed window into the currency's open window. */
  abortWindow(
    windowId: string,
    now: number,
  ): Promise<{ window: SettlementWindow; into: SettlementWindow } | WindowRefusal>;
  /** Aborted windows whose positions were carried into `windowId`. */
  readCarriedWindows(windowId: string): Promise<SettlementWindow[]>;
}
