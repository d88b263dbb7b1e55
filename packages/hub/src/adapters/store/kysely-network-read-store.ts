import type { Kysely } from "kysely";
import type { NetworkReadStore, NetworkSnapshot } from "../../app/ports/network-read-store.ts";
import { participantFromRow } from "./kysely-participant-store.ts";
import { balancesFromRow } from "./ledger-rows.ts";
import type { ClearhubSchema } from "./schema.ts";

/**
 * The network overview's reads: three queries whatever the number of participants (the accounts
 * table holds a few rows per participant and currency, so reading it whole stays small).
 */
export class KyselyNetworkReadStore implements NetworkReadStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async readNetwork(): Promise<NetworkSnapshot> {
    const [participants, accounts, rules] = await Promise.all([
      this.db.selectFrom("participants").selectAll().orderBy("id").execute(),
      this.db
        .selectFrom("accounts")
        .selectAll()
        .where("kind", "in", ["position", "settlement"])
        .orderBy("id")
        .execute(),
      this.db.selectFrom("reserve_cap_rules").selectAll().execute(),
    ]);
    return {
      participants: participants.map(participantFromRow),
      accounts: accounts.map(balancesFromRow),
      reserveCapRules: rules.map((row) => ({
        participantId: row.participant_id,
        currency: row.currency,
        factorBps: Number(row.factor_bps),
      })),
    };
  }
}
