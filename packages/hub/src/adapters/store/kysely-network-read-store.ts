import type { Kysely } from "kysely";
import type { NetworkReadStore, NetworkSnapshot } from "../../app/ports/network-read-store.ts";
import { participantFromRow } from "./kysely-participant-store.ts";
import { balancesFromRow } from "./ledger-rows.ts";
import type { ClearhubSchema } from "./schema.ts";

/**
 * The network overview's reads: two queries whatever the number of participants (the accounts
 * table holds a few rows per participant and currency, so reading it whole stays small).
 */
export class KyselyNetworkReadStore implements NetworkReadStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async readNetwork(): Promise<NetworkSnapshot> {
    const [participants, accounts] = await Promise.all([
      this.db.selectFrom("participants").selectAll().orderBy("id").execute(),
      this.db
        .selectFrom("accounts")
        .selectAll()
        .where("kind", "in", ["position", "settlement"])
        .orderBy("id")
        .execute(),
    ]);
    return {
      participants: participants.map(participantFromRow),
      accounts: accounts.map(balancesFromRow),
    };
  }
}
