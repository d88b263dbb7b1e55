import type { Kysely } from "kysely";
import type {
  BankOperationCursor,
  BankOperationFilter,
  BankOperationReadStore,
  StuckSummary,
} from "../../app/ports/bank-operation-read-store.ts";
import {
  type BankOperation,
  unsettledStates,
} from "../../domain/bank-operations/bank-operation.ts";
import { operationFromRow } from "./bank-operation-rows.ts";
import type { ClearhubSchema } from "./schema.ts";

/**
 * The operator's reads of bank operations. Stuck operations are unsettled ones, found through
 * the inquiry job's (state, next_inquiry_at) index: few at any time, whatever the history.
 */
export class KyselyBankOperationReadStore implements BankOperationReadStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async list(
    filter: BankOperationFilter,
    limit: number,
    after?: BankOperationCursor,
  ): Promise<BankOperation[]> {
    let query = this.db.selectFrom("bank_operations").selectAll();
    if (filter.participantId !== undefined) {
      query = query.where("payment_institution_id", "=", filter.participantId);
    }
    if (filter.bankId !== undefined) query = query.where("bank_id", "=", filter.bankId);
    if (filter.kind !== undefined) query = query.where("kind", "=", filter.kind);
    if (filter.state !== undefined) query = query.where("state", "=", filter.state);
    if (after !== undefined) {
      const at = BigInt(after.createdAt);
      query = query.where((eb) =>
        eb.or([
          eb("created_at", "<", at),
          eb.and([
            eb("created_at", "=", at),
            eb("payment_institution_id", "<", after.participantId),
          ]),
          eb.and([
            eb("created_at", "=", at),
            eb("payment_institution_id", "=", after.participantId),
            eb("id", "<", after.id),
          ]),
        ]),
      );
    }
    const rows = await query
      .orderBy("created_at", "desc")
      .orderBy("payment_institution_id", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map(operationFromRow);
  }

  async listUnsettledBefore(createdBefore: number, limit: number): Promise<BankOperation[]> {
    const rows = await this.db
      .selectFrom("bank_operations")
      .selectAll()
      .where("state", "in", [...unsettledStates])
      .where("created_at", "<", BigInt(createdBefore))
      .orderBy("created_at")
      .orderBy("payment_institution_id")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map(operationFromRow);
  }

  async summarizeUnsettledBefore(createdBefore: number): Promise<StuckSummary> {
    const row = await this.db
      .selectFrom("bank_operations")
      .select([(eb) => eb.fn.countAll().as("count"), (eb) => eb.fn.min("created_at").as("oldest")])
      .where("state", "in", [...unsettledStates])
      .where("created_at", "<", BigInt(createdBefore))
      .executeTakeFirstOrThrow();
    const oldest = row.oldest as bigint | number | null;
    return { count: Number(row.count), oldestCreatedAt: oldest === null ? null : Number(oldest) };
  }
}
