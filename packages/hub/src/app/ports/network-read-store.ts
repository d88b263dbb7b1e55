import type { Participant } from "../../domain/participant/participant.ts";
import type { AccountBalances } from "./ledger-store.ts";
import type { ReserveCapRule } from "./participant-store.ts";

/** Every participant with the accounts the network overview reads, in two reads, not one per participant. */
export interface NetworkSnapshot {
  readonly participants: readonly Participant[];
  /** Position and settlement accounts of every participant, in every currency. */
  readonly accounts: readonly AccountBalances[];
  /** Every position whose cap follows the reserve. */
  readonly reserveCapRules: readonly ReserveCapRule[];
}

export interface NetworkReadStore {
  readNetwork(): Promise<NetworkSnapshot>;
}
