import { assertSumsToZero } from "./zero-sum.ts";

/**
 * The posted balances of one netted account at one journal seq: what a snapshot keeps. Netted
 * accounts are the participants' positions and the operator's fee account, whose fees settle
 * with the window like any position.
 */
export interface AccountSnapshot {
  readonly accountId: number;
  readonly participantId: string;
  readonly debitsPosted: bigint;
  readonly creditsPosted: bigint;
}

/** A settlement leg the ledger posted inside the window: to be taken out of its gross flows. */
export interface CountedLeg {
  readonly accountId: number;
  /** Positive when the leg credited the netted account, negative when it debited it. */
  readonly amount: bigint;
}

/** One participant's figures for one window. Net = received − sent; negative means it pays. */
export interface NetPosition {
  readonly accountId: number;
  readonly participantId: string;
  readonly grossSent: bigint;
  readonly grossReceived: bigint;
  readonly net: bigint;
}

export interface WindowEnds {
  /** The snapshot at the window's start; accounts opened since are absent and held zero. */
  readonly start: ReadonlyMap<number, AccountSnapshot>;
  readonly end: readonly AccountSnapshot[];
  readonly legs: readonly CountedLeg[];
  /** Net positions of aborted windows returned to this round. */
  readonly carried: readonly NetPosition[];
}

/**
 * A window's net positions from the snapshots at its two ends: the growth of each account's
 * posted debits and credits, less the settlement legs posted meanwhile (they settle earlier
 * windows, they are not clearing), plus what aborted windows carried in. Costs one step per
 * account, however many transfers the window holds. Accounts with no movement are left out.
 * Throws if the positions do not sum to zero: the ledger's own invariant, checked again here.
 */
export function netPositions(ends: WindowEnds): NetPosition[] {
  const legCredits = new Map<number, bigint>();
  const legDebits = new Map<number, bigint>();
  for (const leg of ends.legs) {
    const into = leg.amount > 0n ? legCredits : legDebits;
    const amount = leg.amount > 0n ? leg.amount : -leg.amount;
    into.set(leg.accountId, (into.get(leg.accountId) ?? 0n) + amount);
  }
  const byAccount = new Map<number, NetPosition>();
  for (const end of ends.end) {
    const start = ends.start.get(end.accountId);
    const sent =
      end.debitsPosted - (start?.debitsPosted ?? 0n) - (legDebits.get(end.accountId) ?? 0n);
    const received =
      end.creditsPosted - (start?.creditsPosted ?? 0n) - (legCredits.get(end.accountId) ?? 0n);
    if (sent < 0n || received < 0n) {
      throw new Error(`account ${end.accountId}: posted balances fell within the window`);
    }
    byAccount.set(end.accountId, {
      accountId: end.accountId,
      participantId: end.participantId,
      grossSent: sent,
      grossReceived: received,
      net: received - sent,
    });
  }
  for (const carried of ends.carried) addInto(byAccount, carried);
  const positions = [...byAccount.values()].filter(
    (position) => position.grossSent !== 0n || position.grossReceived !== 0n,
  );
  assertSumsToZero(
    positions.map((position) => position.net),
    "net positions",
  );
  return positions.sort((a, b) => a.accountId - b.accountId);
}

function addInto(byAccount: Map<number, NetPosition>, carried: NetPosition): void {
  const own = byAccount.get(carried.accountId);
  if (own === undefined) {
    byAccount.set(carried.accountId, carried);
    return;
  }
  byAccount.set(carried.accountId, {
    ...own,
    grossSent: own.grossSent + carried.grossSent,
    grossReceived: own.grossReceived + carried.grossReceived,
    net: own.net + carried.net,
  });
}
