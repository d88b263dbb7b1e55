/**
 * A settlement window: the transfers cleared in one currency between two cut-offs, a range of
 * the journal `(startSeq, endSeq]`.
 *
 * `open` → `closed` (net positions known) → `pending_settlement` (the first leg was instructed)
 * → `settled` (every leg posted); a `closed` window may instead be `aborted`, and its net
 * positions are carried into the window open at that moment, to be settled in the next round.
 * Exactly one window per currency is open; closing one opens the next in the same transaction.
 */
export type WindowState = "open" | "closed" | "pending_settlement" | "settled" | "aborted";

export const windowStates: readonly WindowState[] = [
  "open",
  "closed",
  "pending_settlement",
  "settled",
  "aborted",
];

export interface SettlementWindow {
  /** `<currency>-<number>`: readable, and unique because numbers count up per currency. */
  readonly id: string;
  readonly currency: string;
  readonly number: number;
  readonly state: WindowState;
  /** The last journal seq before the window: it holds the batches after this one. */
  readonly startSeq: number;
  /** The last journal seq in the window; null while it is open. */
  readonly endSeq: number | null;
  readonly openedAt: number;
  readonly closedAt: number | null;
  /** `operator:<id>` or `schedule`. */
  readonly closedBy: string | null;
  readonly settledAt: number | null;
  readonly abortedAt: number | null;
  /** For an aborted window: the window whose round settles its positions. */
  readonly carriedInto: string | null;
}

export function windowId(currency: string, number: number): string {
  return `${currency}-${number}`;
}

/** The closed set of refusals a window step can meet, stable for the API. */
export type WindowRefusal =
  | "window_not_found"
  | "window_not_open"
  | "window_not_closed"
  | "window_already_settled"
  | "window_aborted"
  | "window_settling";

/** Whether the window's net positions may still be settled, and if not, why. */
export function settleableRefusal(window: SettlementWindow): WindowRefusal | null {
  switch (window.state) {
    case "closed":
    case "pending_settlement":
      return null;
    case "open":
      return "window_not_closed";
    case "settled":
      return "window_already_settled";
    case "aborted":
      return "window_aborted";
  }
}

/**
 * Only a window no leg has touched may be aborted: money that moved for one participant cannot
 * return to the next round for the others.
 */
export function abortableRefusal(window: SettlementWindow): WindowRefusal | null {
  switch (window.state) {
    case "closed":
      return null;
    case "open":
      return "window_not_closed";
    case "pending_settlement":
      return "window_settling";
    case "settled":
      return "window_already_settled";
    case "aborted":
      return "window_aborted";
  }
}
