import type { SettlementWindow, WindowRefusal } from "../../domain/settlement/settlement-window.ts";

/** A settlement leg as recorded beside its ledger transfer. */
export interface LegRecord {
  readonly windowId: string;
  readonly accountId: number;
  readonly participantId: string;
  readonly currency: string;
  /** The leg's effect on the netted account: positive when it credits it. */
  readonly amount: bigint;
  readonly transferId: string;
  readonly state: "instructed" | "posted";
  readonly source: string;
  /** The confirmation that instructed the leg last: only it may forget the leg again. */
  readonly claim: string;
}

/**
 * The legs a confirmation instructs, records and posts: each write takes the window's row lock,
 * and moves the window to pending settlement or settled as its legs post.
 */
export interface SettlementLegStore {
  readLegs(windowId: string): Promise<LegRecord[]>;
  /**
   * Under the window's row lock: refuses unless the window is closed or pending settlement,
   * marks it pending settlement and records the legs not recorded yet (written before their
   * transfers, so a close finds them once the ledger has them).
   */
  beginSettlement(windowId: string, legs: readonly LegRecord[]): Promise<WindowRefusal | null>;
  /**
   * Marks the legs posted (the ledger holds their transfers), recording any whose row a
   * concurrent confirmation forgot meanwhile (it saw the ledger refuse that leg before this one
   * posted it), and, if every instruction of the window now has a posted leg, the window
   * settled. Returns the window as it stands.
   */
  recordPostedLegs(
    windowId: string,
    legs: readonly LegRecord[],
    instructedCount: number,
    now: number,
  ): Promise<SettlementWindow>;
  /**
   * Forgets legs the ledger refused (their transfers are not stored); a window left with no
   * leg goes back to closed, so it may still be aborted.
   */
  dropRefusedLegs(windowId: string, transferIds: readonly string[], claim: string): Promise<void>;
}
