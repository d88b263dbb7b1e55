import { type Kysely, sql, type Transaction } from "kysely";
import type {
  BankOperationStore,
  OperationCap,
  OperationInsert,
  OperationWrite,
} from "../../app/ports/bank-operation-store.ts";
import {
  type BankOperation,
  unsettledStates,
} from "../../domain/bank-operations/bank-operation.ts";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";
import { operationFromRow, operationRow } from "./bank-operation-rows.ts";
import type { BankOperationsTable } from "./bank-tables.ts";
import type { Dialect } from "./database.ts";
import { updateWithOutboxEvents } from "./outbox-insert.ts";
import type { ClearhubSchema } from "./schema.ts";

type Trx = Transaction<ClearhubSchema>;

/** Bank operations with plain Kysely; see the port for the cap and claim rules. */
export class KyselyBankOperationStore implements BankOperationStore {
  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly dialect: Dialect,
  ) {}

  insert(operation: BankOperation, cap?: OperationCap): Promise<OperationInsert> {
    return this.db.transaction().execute(async (trx) => {
      const stored = await findIn(trx, operation.paymentInstitutionId, operation.id);
      if (stored !== undefined) return { ok: true, operation: stored, created: false };
      if (cap !== undefined) {
        const spent = await this.spentUnder(trx, operation.paymentInstitutionId, cap);
        if (spent + operation.amountMinor > cap.maxMinor) {
          const code =
            cap.kind === "agreement_daily" ? "exceeds_daily_limit" : "exceeds_refundable_amount";
          return { ok: false, code } as const;
        }
      }
      const inserted = await trx
        .insertInto("bank_operations")
        .values(operationRow(operation))
        .onConflict((conflict) => conflict.columns(["payment_institution_id", "id"]).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) {
        return { ok: true, operation, created: true };
      }
      const winner = await findIn(trx, operation.paymentInstitutionId, operation.id);
      if (winner === undefined)
        throw new Error(`operation ${operation.id} conflicted, then vanished`);
      return { ok: true, operation: winner, created: false };
    });
  }

  find(paymentInstitutionId: string, id: string): Promise<BankOperation | undefined> {
    return findIn(this.db, paymentInstitutionId, id);
  }

  async findByTransaction(bankId: string, transactionId: string) {
    const row = await this.db
      .selectFrom("bank_operations")
      .selectAll()
      .where("bank_id", "=", bankId)
      .where("transaction_id", "=", transactionId)
      .executeTakeFirst();
    return row === undefined ? undefined : operationFromRow(row);
  }

  async update(
    next: BankOperation,
    fromState: BankOperation["state"],
    events: readonly PreparedEvent[] = [],
  ): Promise<OperationWrite> {
    const {
      payment_institution_id: _institution,
      id: _id,
      created_at: _created,
      inquiries: _inquiries,
      ...changes
    } = operationRow(next);
    const updated = await updateWithOutboxEvents(this.db, events, (trx) =>
      trx
        .updateTable("bank_operations")
        .set(changes)
        .where("payment_institution_id", "=", next.paymentInstitutionId)
        .where("id", "=", next.id)
        .where("state", "=", fromState)
        .executeTakeFirst(),
    );
    return updated
      ? ({ ok: true, operation: next } as const)
      : ({ ok: false, code: "bank_operation_state_conflict" } as const);
  }

  async claimDueInquiries(now: number, limit: number, leaseMs: number) {
    const lockClause = this.dialect === "postgres" ? sql`for update skip locked` : sql``;
    const { rows } = await sql<BankOperationsTable>`
      update bank_operations
      set next_inquiry_at = ${BigInt(now + leaseMs)}, inquiries = inquiries + 1
      where (payment_institution_id, id) in (
        select payment_institution_id, id from bank_operations
        where state in (${sql.join([...unsettledStates])}) and next_inquiry_at <= ${BigInt(now)}
        order by next_inquiry_at
        limit ${limit}
        ${lockClause}
      )
      returning *`.execute(this.db);
    return rows.map(operationFromRow);
  }

  /** Locks the row the cap sums over (PostgreSQL; SQLite has one writer), then sums. */
  private async spentUnder(trx: Trx, institutionId: string, cap: OperationCap): Promise<bigint> {
    const anchor = cap.kind === "agreement_daily" ? "agreements" : "bank_operations";
    const anchorId = cap.kind === "agreement_daily" ? cap.agreementId : cap.originalId;
    if (this.dialect === "postgres") {
      await trx
        .selectFrom(anchor)
        .select("id")
        .where("payment_institution_id", "=", institutionId)
        .where("id", "=", anchorId)
        .forUpdate()
        .execute();
    }
    let query = trx
      .selectFrom("bank_operations")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<bigint>("amount"), sql<bigint>`0`).as("spent"))
      .where("payment_institution_id", "=", institutionId)
      .where("state", "!=", "failed");
    query =
      cap.kind === "agreement_daily"
        ? query
            .where("kind", "=", "debit")
            .where("agreement_id", "=", cap.agreementId)
            .where("created_at", ">=", BigInt(cap.dayStart))
            .where("created_at", "<", BigInt(cap.dayEnd))
        : query.where("kind", "=", "refund").where("original_id", "=", cap.originalId);
    const row = await query.executeTakeFirstOrThrow();
    return BigInt(row.spent);
  }
}

async function findIn(
  db: Kysely<ClearhubSchema> | Trx,
  paymentInstitutionId: string,
  id: string,
): Promise<BankOperation | undefined> {
  const row = await db
    .selectFrom("bank_operations")
    .selectAll()
    .where("payment_institution_id", "=", paymentInstitutionId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : operationFromRow(row);
}
