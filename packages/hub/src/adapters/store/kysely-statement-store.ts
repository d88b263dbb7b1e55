import { type Kysely, sql } from "kysely";
import type {
  StatementQuery,
  StatementStore,
  UnknownOperation,
} from "../../app/ports/statement-store.ts";
import type {
  StatementRow,
  StatementStatus,
  StatementType,
} from "../../domain/reconciliation/statement-row.ts";
import type { ClearhubSchema } from "./schema.ts";
import { statementSideSql, unknownOperationsSideSql } from "./statement-sql.ts";

interface StatementDbRow {
  hub_id: string;
  reference: string;
  type: string;
  counterparty: string;
  amount: bigint | number;
  currency: string;
  fee: bigint | number;
  status: string;
  window_id: string | null;
  created_at: bigint | number;
  updated_at: bigint | number;
}

interface UnknownDbRow {
  hub_id: string;
  created_at: bigint | number;
  kind: string;
  owner: string;
  id: string;
}

function statementRowOf(row: StatementDbRow): StatementRow {
  return {
    hubTransactionId: row.hub_id,
    participantReference: row.reference,
    type: row.type as StatementType,
    counterpartyId: row.counterparty,
    amountMinor: BigInt(row.amount),
    currency: row.currency,
    feeMinor: BigInt(row.fee),
    status: row.status as StatementStatus,
    windowId: row.window_id,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/**
 * Statement pages by keyset: each page is the next `pageSize` rows after the last one read, by
 * (time, transfer id), over both sides' indexes `(payer_id|payee_id, created_at, transfer_id)`.
 * No cursor is held open between pages, so a slow reader holds no connection or snapshot.
 */
export class KyselyStatementStore implements StatementStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async *pages(query: StatementQuery, pageSize: number): AsyncIterable<readonly StatementRow[]> {
    let after: { createdAt: bigint; hubId: string } | undefined;
    for (;;) {
      const page = await this.page(query, pageSize, after);
      if (page.length > 0) yield page.map(statementRowOf);
      if (page.length < pageSize) return;
      const last = page[page.length - 1] as StatementDbRow;
      after = { createdAt: BigInt(last.created_at), hubId: last.hub_id };
    }
  }

  async unknownOperations(query: StatementQuery, limit: number): Promise<UnknownOperation[]> {
    const side = (which: "payer" | "payee") =>
      unknownOperationsSideSql(which, query.participantId, query.fromMs, query.toMs, limit);
    const { rows } = await sql<UnknownDbRow>`
      select * from (select * from (${side("payer")}) payer_side
        union all select * from (${side("payee")}) payee_side) both_sides
      order by created_at, hub_id limit ${limit}`.execute(this.db);
    return rows.map((row) => ({
      hubTransactionId: row.hub_id,
      kind: row.kind as UnknownOperation["kind"],
      key: [row.owner, row.id],
    }));
  }

  private async page(
    query: StatementQuery,
    pageSize: number,
    after: { createdAt: bigint; hubId: string } | undefined,
  ): Promise<StatementDbRow[]> {
    const side = (which: "payer" | "payee") =>
      statementSideSql(which, query.participantId, query.fromMs, query.toMs, after);
    // Each side is limited on its own so the database can stop each index scan early.
    const { rows } = await sql<StatementDbRow>`
      select * from (
        select * from (${side("payer")} order by d.created_at, d.transfer_id limit ${pageSize}) payer_side
        union all
        select * from (${side("payee")} order by d.created_at, d.transfer_id limit ${pageSize}) payee_side
      ) both_sides
      order by created_at, hub_id limit ${pageSize}`.execute(this.db);
    return rows;
  }
}
