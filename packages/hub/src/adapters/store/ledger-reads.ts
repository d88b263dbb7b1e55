import type { Kysely } from "kysely";
import type { AccountBalances } from "../../app/ports/ledger-store.ts";
import type { JournalEntry } from "../../domain/ledger/journal.ts";
import type { StoredTransfer } from "../../domain/ledger/transfer.ts";
import {
  balancesFromRow,
  journalFromRow,
  type TransferRow,
  transferColumns,
  transferFromRow,
} from "./ledger-rows.ts";
import type { ClearhubSchema } from "./schema.ts";

/** The ledger's reads outside the batch path: plain Kysely, the same on both dialects. */
export class LedgerReads {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async findTransfer(id: string): Promise<StoredTransfer | undefined> {
    const row = await this.db
      .selectFrom("transfers")
      .select(transferColumns)
      .where("id", "=", id)
      .executeTakeFirst();
    return row === undefined ? undefined : transferFromRow(row as TransferRow);
  }

  async findExpiredPendingIds(now: number, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom("open_pendings")
      .select("transfer_id")
      .where("expires_at", "<=", BigInt(now))
      .orderBy("expires_at")
      .limit(limit)
      .execute();
    return rows.map((row) => row.transfer_id);
  }

  async readJournal(afterSeq: number, limit: number): Promise<JournalEntry[]> {
    const rows = await this.db
      .selectFrom("journal")
      .selectAll()
      .where("seq", ">", BigInt(afterSeq))
      .orderBy("seq")
      .limit(limit)
      .execute();
    return rows.map(journalFromRow);
  }

  async readTransfersOfBatches(fromSeq: number, toSeq: number): Promise<StoredTransfer[]> {
    const rows = await this.db
      .selectFrom("transfers")
      .select(transferColumns)
      .where("batch_seq", ">=", BigInt(fromSeq))
      .where("batch_seq", "<=", BigInt(toSeq))
      .orderBy("batch_seq")
      .orderBy("batch_index")
      .execute();
    return rows.map((row) => transferFromRow(row as TransferRow));
  }

  async readJournalHead(): Promise<{ seq: number; hash: string }> {
    const row = await this.db
      .selectFrom("journal_head")
      .select(["seq", "hash"])
      .where("id", "=", 1)
      .executeTakeFirstOrThrow();
    return { seq: Number(row.seq), hash: row.hash };
  }

  async readAllAccounts(): Promise<AccountBalances[]> {
    const rows = await this.db.selectFrom("accounts").selectAll().orderBy("id").execute();
    return rows.map(balancesFromRow);
  }

  async readOpenPendingIds(): Promise<string[]> {
    const rows = await this.db.selectFrom("open_pendings").select("transfer_id").execute();
    return rows.map((row) => row.transfer_id);
  }
}
