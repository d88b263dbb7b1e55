/** Settlement windows and their reports as the operator API answers them. */

export type WindowState = "open" | "closed" | "pending_settlement" | "settled" | "aborted";

export interface SettlementWindow {
  readonly id: string;
  readonly currency: string;
  readonly number: number;
  readonly state: WindowState;
  readonly startSeq: number;
  readonly endSeq: number | null;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  readonly settledAt: string | null;
  readonly abortedAt: string | null;
  readonly carriedInto: string | null;
}

export interface NetPosition {
  readonly participantId: string;
  readonly accountId: number;
  readonly grossSent: string;
  readonly grossReceived: string;
  /** Received − sent, a decimal string; negative: the participant owes. */
  readonly net: string;
}

export type LegState = "none" | "instructed" | "posted";

export interface Instruction {
  readonly participantId: string;
  readonly accountId: number;
  readonly direction: "pay" | "receive";
  readonly amount: string;
  readonly leg: LegState;
}

export interface Shortfall {
  readonly participantId: string;
  readonly owes: string;
  readonly reserve: string;
  readonly shortBy: string;
}

export interface SettlementReport {
  readonly window: SettlementWindow;
  readonly positions: readonly NetPosition[];
  readonly instructions: readonly Instruction[];
  readonly shortfalls: readonly Shortfall[];
  readonly carried: readonly string[];
}

/** What confirming a window (from a file, or once approved) answers. */
export interface Confirmation {
  readonly window: SettlementWindow;
  readonly posted: readonly string[];
  readonly alreadyPosted: readonly string[];
  readonly refused: readonly { readonly participantId: string; readonly code: string }[];
}

export const confirmScopes = ["all", "all_covered", "participants"] as const;
export type ConfirmScope = (typeof confirmScopes)[number];

/**
 * Open windows first (one per currency: where traffic lands now), then the rest in the API's
 * order, newest first. The sort is stable, so the API's order holds within each group.
 */
export function windowsOpenFirst<W extends Pick<SettlementWindow, "state">>(
  windows: readonly W[],
): W[] {
  return [...windows].sort((a, b) => Number(b.state === "open") - Number(a.state === "open"));
}

/**
 * How a net position settles, in words: a negative net is owed to the others. The sign is read
 * from the decimal string itself, so no amount ever passes through a float.
 */
export function netStanding(net: string): {
  readonly kind: "owes" | "receives" | "square";
  readonly amount: string;
} {
  if (net.startsWith("-")) return { kind: "owes", amount: net.slice(1) };
  if (/^[0.]*$/.test(net)) return { kind: "square", amount: net };
  return { kind: "receives", amount: net };
}

/** A window still to settle: the instructions can be confirmed, in whole or in part. */
export function awaitsSettlement(state: WindowState): boolean {
  return state === "closed" || state === "pending_settlement";
}

/** What a proposed confirmation covers, in words, from its approval's payload. */
export function scopeText(payload: unknown): string {
  const { scope, participantIds } = (payload ?? {}) as {
    scope?: unknown;
    participantIds?: unknown;
  };
  if (scope === "all") return "every instruction (all)";
  if (scope === "all_covered") return "everyone covered (all_covered)";
  if (scope === "participants" && Array.isArray(participantIds)) {
    return `participants: ${participantIds.join(", ")}`;
  }
  return JSON.stringify(payload) ?? "";
}
