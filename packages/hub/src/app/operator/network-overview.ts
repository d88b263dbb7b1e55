import { headroom, netPosition, reserveBalance } from "../../domain/ledger/position.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import type { AccountBalances } from "../ports/ledger-store.ts";
import type { NetworkReadStore, NetworkSnapshot } from "../ports/network-read-store.ts";

export interface ParticipantStanding {
  readonly participant: Participant;
  /** Negative: the participant owes the network (see `netPosition`). */
  readonly position: bigint;
  readonly netDebitCap: bigint | null;
  readonly headroom: bigint | null;
  readonly reserve: bigint;
  /** The factor in basis points when the cap follows the reserve; null when it is set by hand. */
  readonly capFollowsReserveBps: number | null;
}

export interface CurrencyStanding {
  readonly currency: string;
  readonly totals: {
    readonly position: bigint;
    /** The sum of the caps that exist; participants without one add nothing. */
    readonly netDebitCap: bigint;
    readonly headroom: bigint;
    readonly reserve: bigint;
  };
  readonly participants: readonly ParticipantStanding[];
}

export interface NetworkOverview {
  readonly at: number;
  readonly currencies: readonly CurrencyStanding[];
}

/** Every participant's standing per currency it holds, with totals: the operator's first look. */
export class NetworkOverviewService {
  constructor(
    private readonly store: NetworkReadStore,
    private readonly clock: () => number = Date.now,
  ) {}

  async read(): Promise<NetworkOverview> {
    const at = this.clock();
    return { at, currencies: overviewOf(await this.store.readNetwork()) };
  }
}

function overviewOf(snapshot: NetworkSnapshot): CurrencyStanding[] {
  const byId = new Map(snapshot.participants.map((participant) => [participant.id, participant]));
  const factors = new Map(
    snapshot.reserveCapRules.map((rule) => [
      `${rule.participantId} ${rule.currency}`,
      rule.factorBps,
    ]),
  );
  const byCurrency = new Map<
    string,
    Map<string, { position?: AccountBalances; settlement?: AccountBalances }>
  >();
  for (const account of snapshot.accounts) {
    if (account.kind !== "position" && account.kind !== "settlement") continue;
    const holders = byCurrency.get(account.currency) ?? new Map();
    byCurrency.set(account.currency, holders);
    const held = holders.get(account.participantId) ?? {};
    held[account.kind] = account;
    holders.set(account.participantId, held);
  }
  return [...byCurrency.keys()].sort().map((currency) => {
    const holders = byCurrency.get(currency) ?? new Map();
    const participants: ParticipantStanding[] = [];
    for (const [participantId, held] of [...holders].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const participant = byId.get(participantId);
      const factorBps = factors.get(`${participantId} ${currency}`) ?? null;
      if (participant !== undefined) participants.push(standing(participant, held, factorBps));
    }
    return { currency, totals: totalsOf(participants), participants };
  });
}

function standing(
  participant: Participant,
  held: { position?: AccountBalances; settlement?: AccountBalances },
  capFollowsReserveBps: number | null,
): ParticipantStanding {
  const position = held.position;
  const netDebitCap = position?.debitLimit ?? null;
  return {
    participant,
    position: position === undefined ? 0n : netPosition(position),
    netDebitCap,
    headroom: position === undefined ? null : headroom(position, netDebitCap),
    reserve: held.settlement === undefined ? 0n : reserveBalance(held.settlement),
    capFollowsReserveBps,
  };
}

function totalsOf(participants: readonly ParticipantStanding[]): CurrencyStanding["totals"] {
  let position = 0n;
  let netDebitCap = 0n;
  let room = 0n;
  let reserve = 0n;
  for (const each of participants) {
    position += each.position;
    netDebitCap += each.netDebitCap ?? 0n;
    room += each.headroom ?? 0n;
    reserve += each.reserve;
  }
  return { position, netDebitCap, headroom: room, reserve };
}
