import { type Kysely, sql } from "kysely";
import type { StatementQuery, UnknownOperation } from "../../app/ports/statement-store.ts";
import { clearingTransferIdOf } from "../../domain/bill-payments/bill-payment.ts";
import {
  statusOfBankOperationState,
  statusOfBillPaymentState,
} from "../../domain/reconciliation/statement-status.ts";
import type { ClearhubSchema } from "./schema.ts";

/** Transfer ids asked about at once when finding bill payments' clearing transfers. */
const idsPerQueryMax = 500;

const unknownStatesOf = (table: Readonly<Record<string, string>>) =>
  sql.join(
    Object.entries(table)
      .filter(([, status]) => status === "unknown")
      .map(([state]) => sql.lit(state)),
  );

interface Found extends UnknownOperation {
  readonly createdAt: bigint;
}

const older = (a: Found, b: Found) =>
  a.createdAt < b.createdAt
    ? -1
    : a.createdAt > b.createdAt
      ? 1
      : a.hubTransactionId < b.hubTransactionId
        ? -1
        : 1;

/**
 * The participant's operations over `[from, to)` its statement shows as `unknown` (by the same
 * tables as the status column), oldest first, keyed as their stores key them so a status inquiry
 * can settle them. Read from the unsettled operations (the inquiry job's index on their state),
 * never by scanning the day: a day of a million rows with none unknown costs two index probes.
 */
export async function readUnknownOperations(
  db: Kysely<ClearhubSchema>,
  query: StatementQuery,
  limit: number,
): Promise<UnknownOperation[]> {
  const found = [
    ...(await unknownBankOperations(db, query, limit)),
    ...(await unknownBillPayments(db, query)),
  ];
  return found
    .sort(older)
    .slice(0, limit)
    .map(({ hubTransactionId, kind, key }) => ({ hubTransactionId, kind, key }));
}

async function unknownBankOperations(
  db: Kysely<ClearhubSchema>,
  { participantId, fromMs, toMs }: StatementQuery,
  limit: number,
): Promise<Found[]> {
  const { rows } = await sql<{
    hub_id: string;
    created_at: bigint | number;
    owner: string;
    id: string;
  }>`
    select d.transfer_id as hub_id, d.created_at, o.payment_institution_id as owner, o.id
    from bank_operations o join transfer_details d on d.transfer_id = o.transaction_id
    where o.state in (${unknownStatesOf(statusOfBankOperationState)})
      and (d.payer_id = ${participantId} or d.payee_id = ${participantId})
      and d.created_at >= ${BigInt(fromMs)} and d.created_at < ${BigInt(toMs)}
    order by d.created_at, d.transfer_id limit ${limit}`.execute(db);
  return rows.map((row) => ({
    hubTransactionId: row.hub_id,
    createdAt: BigInt(row.created_at),
    kind: "bank_operation",
    key: [row.owner, row.id],
  }));
}

/** A bill payment's clearing transfer has a derived id, so it is looked up by that id. */
async function unknownBillPayments(
  db: Kysely<ClearhubSchema>,
  { participantId, fromMs, toMs }: StatementQuery,
): Promise<Found[]> {
  const { rows: payments } = await sql<{ channel_id: string; id: string }>`
    select b.channel_id, b.id from bill_payments b
    where b.state in (${unknownStatesOf(statusOfBillPaymentState)})
      and (b.channel_id = ${participantId} or b.biller_id = ${participantId})`.execute(db);
  const byTransfer = new Map(
    payments.map((p) => [clearingTransferIdOf(p.channel_id, p.id), [p.channel_id, p.id] as const]),
  );
  const ids = [...byTransfer.keys()];
  const found: Found[] = [];
  for (let at = 0; at < ids.length; at += idsPerQueryMax) {
    const details = await db
      .selectFrom("transfer_details")
      .select(["transfer_id", "created_at"])
      .where("transfer_id", "in", ids.slice(at, at + idsPerQueryMax))
      .where("created_at", ">=", BigInt(fromMs))
      .where("created_at", "<", BigInt(toMs))
      .execute();
    for (const row of details) {
      const key = byTransfer.get(row.transfer_id);
      if (key === undefined) continue;
      found.push({
        hubTransactionId: row.transfer_id,
        createdAt: BigInt(row.created_at),
        kind: "bill_payment",
        key,
      });
    }
  }
  return found;
}
