import { type Kysely, sql } from "kysely";
import type {
  StatementDayTotals,
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

/** The aggregate's columns (sums are null over no rows). */
type TotalsColumn =
  | "opening"
  | "closing"
  | "credit_count"
  | "credit_sum"
  | "debit_count"
  | "debit_sum";

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

  async dayTotals(
    query: StatementQuery,
    currency: string,
  ): Promise<StatementDayTotals | undefined> {
    const account = await this.db
      .selectFrom("accounts")
      .select("id")
      .where("participant_id", "=", query.participantId)
      .where("currency", "=", currency)
      .where("kind", "=", "position")
      .executeTakeFirst();
    if (account === undefined) return undefined;
    // Every row up to the day's end: the balances need the days before it too.
    const side = (which: "payer" | "payee") =>
      statementSideSql(which, query.participantId, 0, query.toMs);
    const from = BigInt(query.fromMs);
    const booked = sql`case when s.status = 'completed' then s.amount - s.fee else 0 end`;
    const today = sql`s.created_at >= ${from}`;
    const { rows } = await sql<Record<TotalsColumn, string | number | bigint | null>>`
      select
        sum(case when s.created_at < ${from} then ${booked} else 0 end) as opening,
        sum(${booked}) as closing,
        sum(case when ${today} and s.amount >= 0 then 1 else 0 end) as credit_count,
        sum(case when ${today} and s.amount >= 0 then s.amount else 0 end) as credit_sum,
        sum(case when ${today} and s.amount < 0 then 1 else 0 end) as debit_count,
        sum(case when ${today} and s.amount < 0 then -s.amount else 0 end) as debit_sum
      from (select * from (${side("payer")}) payer_side
        union all select * from (${side("payee")}) payee_side) s
      where s.currency = ${currency}`.execute(this.db);
    const row = rows[0];
    const big = (name: TotalsColumn) => BigInt(row?.[name] ?? 0);
    return {
      positionAccountId: String(account.id),
      openingBalanceMinor: big("opening"),
      closingBalanceMinor: big("closing"),
      credits: { count: Number(big("credit_count")), sumMinor: big("credit_sum") },
      debits: { count: Number(big("debit_count")), sumMinor: big("debit_sum") },
    };
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
