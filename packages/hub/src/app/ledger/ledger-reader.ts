import type { StoredTransfer } from "../../domain/ledger/transfer.ts";
import type { LedgerStore } from "../ports/ledger-store.ts";

/** Reads of the ledger that write nothing: a transfer by id, and the journal's head. */
export class LedgerReader {
  constructor(private readonly store: Pick<LedgerStore, "findTransfer" | "readJournalHead">) {}

  findTransfer(id: string): Promise<StoredTransfer | undefined> {
    return this.store.findTransfer(id);
  }

  /**
   * Resolves once the store has answered a one-row query that also proves the schema is
   * migrated: what readiness asks of the database.
   */
  async checkReadable(): Promise<void> {
    await this.store.readJournalHead();
  }
}
