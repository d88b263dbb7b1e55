import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import type {
  DetailedTransfer,
  ParticipantTransferStore,
  TransferCursor,
  TransferListFilter,
  TransferStateFilter,
} from "../../app/ports/participant-transfer-store.ts";
import { feeTransferIdPrefix, type TransferKind } from "../../domain/ledger/transfer.ts";
import { type TransferRow, transferColumns, transferFromRow } from "./ledger-rows.ts";
import type { ClearhubSchema } from "./schema.ts";

type Joined = ClearhubSchema & {
  t: ClearhubSchema["transfers"];
  r: ClearhubSchema["transfers"];
  f: ClearhubSchema["transfers"];
};
type Query = SelectQueryBuilder<
  ClearhubSchema & { d: ClearhubSchema["transfer_details"] } & Joined,
  "d" | "t" | "r" | "f",
  Record<string, unknown>
>;

interface DetailedRow extends TransferRow {
  initiator_id: string;
  payer_id: string;
  payee_id: string;
  request_hash: string;
  parties: string | null;
  resolution_kind: string | null;
  fee_amount: bigint | number | null;
}

const resolutionOfState: Readonly<Record<TransferStateFilter, TransferKind | null>> = {
  posted: null,
  reserved: null,
  committed: "commit",
  voided: "void",
  expired: "expire",
};

function detailedFromRow(row: DetailedRow): DetailedTransfer {
  return {
    transfer: transferFromRow(row),
    detail: {
      initiatorId: row.initiator_id,
      payerId: row.payer_id,
      payeeId: row.payee_id,
      requestHash: row.request_hash,
      sealedParties: row.parties,
    },
    resolution: (row.resolution_kind as TransferKind | null) ?? null,
    feeMinor: row.fee_amount === null ? null : BigInt(row.fee_amount),
  };
}

/** Newer first: a later time, or the same millisecond and a greater id. */
function compareNewestFirst(a: DetailedTransfer, b: DetailedTransfer): number {
  if (a.transfer.createdAt !== b.transfer.createdAt) {
    return b.transfer.createdAt - a.transfer.createdAt;
  }
  return a.transfer.id < b.transfer.id ? 1 : a.transfer.id > b.transfer.id ? -1 : 0;
}

/**
 * Participants' transfers: `transfer_details` joined with the ledger's rows. A list reads the
 * payer side and the payee side each through its own index, newest first, and merges them:
 * one `or` over both columns would make the database sort every matching row.
 */
export class KyselyParticipantTransferStore implements ParticipantTransferStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  private base(): Query {
    return (
      this.db
        .selectFrom("transfer_details as d")
        .innerJoin("transfers as t", "t.id", "d.transfer_id")
        .leftJoin("transfers as r", "r.pending_id", "d.transfer_id")
        // The fee's id is derived from the transfer's (feeTransferId): one primary-key probe.
        .leftJoin("transfers as f", (join) =>
          join.onRef("f.id", "=", sql<string>`${feeTransferIdPrefix} || d.transfer_id`),
        )
        .select(transferColumns.map((column) => `t.${column}` as const))
        .select([
          "d.initiator_id",
          "d.payer_id",
          "d.payee_id",
          "d.request_hash",
          "d.parties",
          "r.kind as resolution_kind",
          "f.amount as fee_amount",
        ]) as unknown as Query
    );
  }

  async find(transferId: string): Promise<DetailedTransfer | undefined> {
    const row = await this.base().where("d.transfer_id", "=", transferId).executeTakeFirst();
    return row === undefined ? undefined : detailedFromRow(row as unknown as DetailedRow);
  }

  async list(
    filter: TransferListFilter,
    limit: number,
    after?: TransferCursor,
  ): Promise<DetailedTransfer[]> {
    const sides = await Promise.all(
      (["payer_id", "payee_id"] as const).map((side) => this.listSide(side, filter, limit, after)),
    );
    const merged = sides.flat().sort(compareNewestFirst);
    // A transfer to oneself is refused, so no row is on both sides; dedupe anyway by id.
    const seen = new Set<string>();
    return merged
      .filter((row) => !seen.has(row.transfer.id) && seen.add(row.transfer.id))
      .slice(0, limit);
  }

  private async listSide(
    side: "payer_id" | "payee_id",
    filter: TransferListFilter,
    limit: number,
    after: TransferCursor | undefined,
  ): Promise<DetailedTransfer[]> {
    const other = side === "payer_id" ? "payee_id" : "payer_id";
    let query = this.base().where(`d.${side}`, "=", filter.participantId);
    if (filter.counterpartyId !== undefined) {
      query = query.where(`d.${other}`, "=", filter.counterpartyId);
    }
    if (filter.createdFrom !== undefined) {
      query = query.where("d.created_at", ">=", BigInt(filter.createdFrom));
    }
    if (filter.createdBefore !== undefined) {
      query = query.where("d.created_at", "<", BigInt(filter.createdBefore));
    }
    if (filter.state !== undefined) query = withState(query, filter.state);
    if (after !== undefined) {
      const createdAt = BigInt(after.createdAt);
      query = query.where((eb) =>
        eb.or([
          eb("d.created_at", "<", createdAt),
          eb.and([eb("d.created_at", "=", createdAt), eb("d.transfer_id", "<", after.transferId)]),
        ]),
      );
    }
    const rows = await query
      .orderBy(`d.${side}`, "desc")
      .orderBy("d.created_at", "desc")
      .orderBy("d.transfer_id", "desc")
      .limit(limit)
      .execute();
    return rows.map((row) => detailedFromRow(row as unknown as DetailedRow));
  }
}

function withState(query: Query, state: TransferStateFilter): Query {
  const resolution = resolutionOfState[state];
  if (resolution !== null) return query.where("r.kind", "=", resolution);
  const kind = state === "posted" ? "posted" : "pending";
  return query.where("t.kind", "=", kind).where("r.kind", "is", null);
}
