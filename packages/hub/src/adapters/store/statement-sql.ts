import { type RawBuilder, sql } from "kysely";
import { feeTransferIdPrefix } from "../../domain/ledger/transfer.ts";
import {
  statusOfBankOperationState,
  statusOfBillPaymentState,
  statusOfPostedTransfer,
  statusOfResolution,
} from "../../domain/reconciliation/statement-status.ts";

/**
 * The SQL of a participant's statement rows: `transfer_details` (one row per money movement,
 * with payer and payee) joined with its ledger transfer, the reservation's resolution, and the
 * operation behind it (a bank operation by its transaction id, a bill payment by the posting id
 * its clearing transfer names), plus the settlement window holding the transfer that moved the
 * money. Shared by the export and the match, so both read the same rows.
 */

/** Columns, in the order every statement query selects them. */
export const statementColumns = [
  "hub_id",
  "reference",
  "type",
  "counterparty",
  "amount",
  "currency",
  "fee",
  "status",
  "window_id",
  "created_at",
  "updated_at",
] as const;

const billPaymentReferencePrefix = "bill-payment:";

function caseOf(
  column: string,
  table: Readonly<Record<string, string>>,
  otherwise: RawBuilder<unknown>,
) {
  const arms = Object.entries(table).map(
    ([state, status]) => sql`when ${sql.lit(state)} then ${sql.lit(status)}`,
  );
  return sql`case ${sql.ref(column)} ${sql.join(arms, sql` `)} else ${otherwise} end`;
}

const statusSql = sql`case
  when o.state is not null then ${caseOf("o.state", statusOfBankOperationState, sql.lit("unknown"))}
  when b.state is not null then ${caseOf("b.state", statusOfBillPaymentState, sql.lit("unknown"))}
  when t.kind = 'posted' then ${sql.lit(statusOfPostedTransfer)}
  when r.kind is null then ${sql.lit(statusOfResolution.none)}
  else ${caseOf("r.kind", statusOfResolution, sql.lit(statusOfResolution.none))}
end`;

const typeSql = sql`case o.kind
  when 'debit' then 'agreement_payment'
  when 'credit' then 'payout'
  when 'refund' then 'refund'
  else case when b.id is not null then 'bill_payment' else 'transfer' end
end`;

/** The journal batch of the transfer that moved the money: a posting, or a reservation's commit. */
const movedSeqSql = sql`case when t.kind = 'posted' then t.batch_seq when r.kind = 'commit' then r.batch_seq end`;

/**
 * A window is the journal range `(start_seq, end_seq]` of its currency (end open while it is).
 * An aborted window's transfers are counted by the window it was carried into.
 */
const windowSql = sql`(select coalesce(w.carried_into, w.id) from settlement_windows w
  where w.currency = t.currency and w.start_seq < ${movedSeqSql}
    and (w.end_seq is null or ${movedSeqSql} <= w.end_seq)
  order by w.number limit 1)`;

/**
 * The fee column's one definition: what the payer was charged for the transaction, the linked
 * transfer with the derived id (`~fee:<transfer id>`) once it moved money (posted, or its
 * reservation committed); the payee pays no fee, and a voided or expired fee is none.
 */
function feeSql(side: "payer" | "payee"): RawBuilder<unknown> {
  if (side === "payee") return sql`0`;
  return sql`coalesce((select f.amount from transfers f
    where f.id = ${feeTransferIdPrefix} || d.transfer_id
      and (f.kind = 'posted' or exists (select 1 from transfers c
        where c.pending_id = f.id and c.kind = 'commit'))), 0)`;
}

export type StatementSide = "payer" | "payee";

/** Where a statement page starts: after this row, by (time, transfer id). */
export type Keyset = { readonly createdAt: bigint; readonly hubId: string };

/** The statement's columns for one side, over `details` (rows of `transfer_details`, as `d`). */
function statementRowsSql(side: StatementSide, details: RawBuilder<unknown>): RawBuilder<unknown> {
  const other = side === "payer" ? sql.ref("d.payee_id") : sql.ref("d.payer_id");
  const amount = side === "payer" ? sql`-t.amount` : sql`t.amount`;
  return sql`select d.transfer_id as hub_id,
      coalesce(o.id, b.id, d.transfer_id) as reference,
      ${typeSql} as type,
      ${other} as counterparty,
      ${amount} as amount,
      t.currency as currency,
      ${feeSql(side)} as fee,
      ${statusSql} as status,
      ${windowSql} as window_id,
      d.created_at as created_at,
      coalesce(o.updated_at, b.updated_at, r.created_at, t.created_at) as updated_at
    from (${details}) d
    join transfers t on t.id = d.transfer_id
    left join transfers r on r.pending_id = d.transfer_id
    left join bank_operations o on o.transaction_id = d.transfer_id
    left join bill_payments b on t.reference like ${`${billPaymentReferencePrefix}%`}
      and b.posting_id = substr(t.reference, ${billPaymentReferencePrefix.length + 1})`;
}

function sideDetailsSql(side: StatementSide, participantId: string, fromMs: number, toMs: number) {
  const own = side === "payer" ? sql.ref("d.payer_id") : sql.ref("d.payee_id");
  return sql`select * from transfer_details d
    where ${own} = ${participantId} and d.created_at >= ${BigInt(fromMs)} and d.created_at < ${BigInt(toMs)}`;
}

/** One side of the participant's rows over `[from, to)`. */
export function statementSideSql(
  side: StatementSide,
  participantId: string,
  fromMs: number,
  toMs: number,
): RawBuilder<unknown> {
  return statementRowsSql(side, sideDetailsSql(side, participantId, fromMs, toMs));
}

/**
 * One side's next page after a keyset cursor, oldest first. The page is chosen from
 * `transfer_details` alone, in a subquery with its own limit, and only its rows are joined: each
 * database then seeks the side's index `(party, created_at, transfer_id)` to the cursor (a row
 * value, not an OR of columns) whatever its statistics say of the day, so each page costs its own
 * rows only, and a plan that reads the whole day per page cannot be chosen.
 */
export function statementPageSql(
  side: StatementSide,
  participantId: string,
  fromMs: number,
  toMs: number,
  after: Keyset | undefined,
  limit: number,
): RawBuilder<unknown> {
  const keyset =
    after === undefined
      ? sql``
      : sql`and (d.created_at, d.transfer_id) > (${after.createdAt}, ${after.hubId})`;
  const page = sql`${sideDetailsSql(side, participantId, fromMs, toMs)} ${keyset}
    order by d.created_at, d.transfer_id limit ${limit}`;
  return sql`${statementRowsSql(side, page)} order by d.created_at, d.transfer_id`;
}
