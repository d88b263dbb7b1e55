import type { Kysely, SelectQueryBuilder } from "kysely";
import type {
  TransferRecord,
  TransferSearchCursor,
  TransferSearchFilter,
  TransferSearchStore,
} from "../../app/ports/transfer-search-store.ts";
import type { TransferKind } from "../../domain/ledger/transfer.ts";
import { resolutionOfState, transferState } from "../../domain/ledger/transfer-state.ts";
import type { ClearhubSchema } from "./schema.ts";

type Tables = ClearhubSchema & {
  t: ClearhubSchema["transfers"];
  r: ClearhubSchema["transfers"];
  d: ClearhubSchema["transfer_details"];
  da: ClearhubSchema["accounts"];
  ca: ClearhubSchema["accounts"];
};
type Query = SelectQueryBuilder<Tables, "t" | "r" | "d" | "da" | "ca", Record<string, unknown>>;

type Integer = number | bigint;
interface RecordRow {
  id: string;
  kind: string;
  amount: Integer;
  currency: string;
  reference: string | null;
  created_at: Integer;
  expires_at: Integer | null;
  pending_id: string | null;
  batch_seq: Integer;
  payer_id: string;
  payee_id: string;
  resolved_by: string | null;
  resolution_kind: string | null;
}

const recordColumns = [
  "t.id",
  "t.kind",
  "t.amount",
  "t.currency",
  "t.reference",
  "t.created_at",
  "t.expires_at",
  "t.pending_id",
  "t.batch_seq",
  "r.id as resolved_by",
  "r.kind as resolution_kind",
] as const;

function recordFromRow(row: RecordRow): TransferRecord {
  const kind = row.kind as TransferKind;
  return {
    id: row.id,
    kind,
    state: transferState(kind, row.resolution_kind as TransferKind | null),
    payerId: row.payer_id,
    payeeId: row.payee_id,
    amount: BigInt(row.amount),
    currency: row.currency,
    reference: row.reference,
    createdAt: Number(row.created_at),
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    pendingId: row.pending_id,
    resolvedBy: row.resolved_by,
    batchSeq: Number(row.batch_seq),
  };
}

/** Newer first: a later time, or the same millisecond and a greater id. */
function newestFirst(a: TransferRecord, b: TransferRecord): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The operator's transfer search, on indexes that exist for other reasons, so the ledger's
 * inserts pay for nothing more:
 * - by participant, through `transfer_details`, whose (payer, created_at, id) and (payee,
 *   created_at, id) indexes serve each side newest first; the two sides are merged here, as one
 *   `or` over both columns would make the database sort every matching row. Every transfer
 *   with parties (participants' own, bank operations', funds movements) has a details row;
 * - otherwise over `transfers` with its accounts mapped to participants, newest first.
 * A reservation's resolution is found through the unique index on `transfers.pending_id`.
 */
export class KyselyTransferSearchStore implements TransferSearchStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async search(
    filter: TransferSearchFilter,
    limit: number,
    after?: TransferSearchCursor,
  ): Promise<TransferRecord[]> {
    if (filter.participantId === undefined) {
      const rows = await this.page(this.allTransfers(), "t", filter, limit, after).execute();
      return rows.map((row) => recordFromRow(row as unknown as RecordRow));
    }
    const participantId = filter.participantId;
    const sides = await Promise.all(
      (["payer_id", "payee_id"] as const).map(async (side) => {
        const other = side === "payer_id" ? "payee_id" : "payer_id";
        let query = this.detailed().where(`d.${side}`, "=", participantId);
        if (filter.counterpartyId !== undefined) {
          query = query.where(`d.${other}`, "=", filter.counterpartyId);
        }
        const rows = await this.page(
          query.orderBy(`d.${side}`, "desc"),
          "d",
          filter,
          limit,
          after,
        ).execute();
        return rows.map((row) => recordFromRow(row as unknown as RecordRow));
      }),
    );
    // A transfer to oneself is refused, so no row is on both sides; dedupe anyway by id.
    const seen = new Set<string>();
    return sides
      .flat()
      .sort(newestFirst)
      .filter((record) => !seen.has(record.id) && seen.add(record.id))
      .slice(0, limit);
  }

  async find(id: string): Promise<TransferRecord | undefined> {
    const row = await this.allTransfers(false).where("t.id", "=", id).executeTakeFirst();
    return row === undefined ? undefined : recordFromRow(row as unknown as RecordRow);
  }

  private detailed(): Query {
    return this.db
      .selectFrom("transfer_details as d")
      .innerJoin("transfers as t", "t.id", "d.transfer_id")
      .leftJoin("transfers as r", "r.pending_id", "t.id")
      .select(recordColumns)
      .select(["d.payer_id", "d.payee_id"]) as unknown as Query;
  }

  /** Every transfer with its parties read off its accounts; moving ones only unless told. */
  private allTransfers(movingOnly = true): Query {
    let query = this.db
      .selectFrom("transfers as t")
      .innerJoin("accounts as da", "da.id", "t.debit_account_id")
      .innerJoin("accounts as ca", "ca.id", "t.credit_account_id")
      .leftJoin("transfers as r", "r.pending_id", "t.id")
      .select(recordColumns)
      .select(["da.participant_id as payer_id", "ca.participant_id as payee_id"]);
    if (movingOnly) query = query.where("t.kind", "in", ["posted", "pending"]);
    return query as unknown as Query;
  }

  /** The filters, the cursor and the order, on the time and id columns of `keyed`. */
  private page(
    base: Query,
    keyed: "t" | "d",
    filter: TransferSearchFilter,
    limit: number,
    after: TransferSearchCursor | undefined,
  ): Query {
    const createdAt = keyed === "t" ? "t.created_at" : "d.created_at";
    const id = keyed === "t" ? "t.id" : "d.transfer_id";
    let query = base;
    if (filter.kind !== undefined) query = query.where("t.kind", "=", filter.kind);
    if (filter.state !== undefined) query = withState(query, filter.state);
    if (filter.currency !== undefined) query = query.where("t.currency", "=", filter.currency);
    if (filter.amountMin !== undefined) query = query.where("t.amount", ">=", filter.amountMin);
    if (filter.amountMax !== undefined) query = query.where("t.amount", "<=", filter.amountMax);
    if (filter.reference !== undefined) query = query.where("t.reference", "=", filter.reference);
    if (filter.createdFrom !== undefined) {
      query = query.where(createdAt, ">=", BigInt(filter.createdFrom));
    }
    if (filter.createdBefore !== undefined) {
      query = query.where(createdAt, "<", BigInt(filter.createdBefore));
    }
    if (after !== undefined) {
      const at = BigInt(after.createdAt);
      query = query.where((eb) =>
        eb.or([
          eb(createdAt, "<", at),
          eb.and([eb(createdAt, "=", at), eb(id, "<", after.transferId)]),
        ]),
      );
    }
    return query.orderBy(createdAt, "desc").orderBy(id, "desc").limit(limit);
  }
}

function withState(query: Query, state: TransferSearchFilter["state"] & string): Query {
  const resolution = resolutionOfState(state);
  if (resolution !== null)
    return query.where("t.kind", "=", "pending").where("r.kind", "=", resolution);
  const kind = state === "posted" ? "posted" : "pending";
  return query.where("t.kind", "=", kind).where("r.kind", "is", null);
}
