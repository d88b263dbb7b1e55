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
import {
  type Keyset,
  type StatementSide,
  statementPageSql,
  statementSideSql,
} from "./statement-sql.ts";
import { readUnknownOperations } from "./unknown-operations-read.ts";

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
 * One side of the statement (the participant as payer, or as payee) read in keyset pages by
 * (time, transfer id) over that side's index `(party, created_at, transfer_id)`. The next page
 * is read while this one is taken, so the database works while the reader does.
 */
class SidePages {
  private rows: StatementDbRow[] = [];
  private at = 0;
  private next: Promise<StatementDbRow[]> | undefined;

  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly side: StatementSide,
    private readonly query: StatementQuery,
    private readonly pageSize: number,
  ) {
    this.next = this.read(undefined);
  }

  /** True when the page in hand is spent and another is on its way. */
  get needsFill(): boolean {
    return this.at >= this.rows.length && this.next !== undefined;
  }

  async fill(): Promise<void> {
    if (!this.needsFill) return;
    const page = await (this.next as Promise<StatementDbRow[]>);
    this.rows = page;
    this.at = 0;
    const last = page.at(-1);
    this.next =
      page.length < this.pageSize || last === undefined
        ? undefined
        : this.read({ createdAt: BigInt(last.created_at), hubId: last.hub_id });
  }

  peek(): StatementDbRow | undefined {
    return this.rows[this.at];
  }

  take(): StatementDbRow {
    const row = this.rows[this.at++];
    if (row === undefined) throw new Error("statement side taken past its page");
    return row;
  }

  private read(after: Keyset | undefined): Promise<StatementDbRow[]> {
    const { participantId, fromMs, toMs } = this.query;
    const side = statementPageSql(this.side, participantId, fromMs, toMs, after, this.pageSize);
    const page = sql<StatementDbRow>`${side}`.execute(this.db).then((result) => result.rows);
    // A reader that stops early leaves this page unread: its failure then has no one to tell.
    page.catch(() => {});
    return page;
  }
}

/** Whether `a` comes before `b`: older first, then by transfer id. */
function before(a: StatementDbRow, b: StatementDbRow): boolean {
  const aAt = BigInt(a.created_at);
  const bAt = BigInt(b.created_at);
  return aAt < bAt || (aAt === bAt && a.hub_id <= b.hub_id);
}

/**
 * Statement pages: the payer side and the payee side, each read by keyset on its own index
 * (both at once, on two connections where the database has them), merged by time. Every row
 * is read once, each page costs its own rows only, and no cursor is held open between pages,
 * so a slow reader holds no connection or snapshot.
 */
export class KyselyStatementStore implements StatementStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async *pages(query: StatementQuery, pageSize: number): AsyncIterable<readonly StatementRow[]> {
    const payer = new SidePages(this.db, "payer", query, pageSize);
    const payee = new SidePages(this.db, "payee", query, pageSize);
    let out: StatementRow[] = [];
    for (;;) {
      if (payer.needsFill || payee.needsFill) await Promise.all([payer.fill(), payee.fill()]);
      const fromPayer = payer.peek();
      const fromPayee = payee.peek();
      if (fromPayer === undefined && fromPayee === undefined) break;
      const takePayer =
        fromPayee === undefined || (fromPayer !== undefined && before(fromPayer, fromPayee));
      out.push(statementRowOf(takePayer ? payer.take() : payee.take()));
      if (out.length === pageSize) {
        yield out;
        out = [];
      }
    }
    if (out.length > 0) yield out;
  }

  unknownOperations(query: StatementQuery, limit: number): Promise<UnknownOperation[]> {
    return readUnknownOperations(this.db, query, limit);
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
}
