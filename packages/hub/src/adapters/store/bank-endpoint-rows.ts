import type { Transaction } from "kysely";
import type { BankEndpoint } from "../../domain/banks/bank-endpoint.ts";
import type {
  EndpointMigration,
  MigrationState,
  MigrationStep,
} from "../../domain/banks/endpoint-migration.ts";
import type { ParticipantKind } from "../../domain/participant/participant.ts";
import type { BankEndpointsTable, EndpointMigrationsTable } from "./bank-tables.ts";
import type { Dialect } from "./database.ts";
import type { ClearhubSchema } from "./schema.ts";

export function endpointFromRow(row: BankEndpointsTable): BankEndpoint {
  return {
    bankId: row.bank_id,
    id: row.id,
    url: row.url,
    timeoutMs: Number(row.timeout_ms),
    concurrencyMax: Number(row.concurrency_max),
    breaker: {
      failurePercent: Number(row.breaker_failure_percent),
      windowMs: Number(row.breaker_window_ms),
      minimumCalls: Number(row.breaker_minimum_calls),
      halfOpenAfterMs: Number(row.breaker_half_open_after_ms),
    },
    enabled: Number(row.enabled) === 1,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    retiredAt: row.retired_at === null ? null : Number(row.retired_at),
  };
}

export function endpointRow(endpoint: BankEndpoint): BankEndpointsTable {
  return {
    bank_id: endpoint.bankId,
    id: endpoint.id,
    url: endpoint.url,
    timeout_ms: endpoint.timeoutMs,
    concurrency_max: endpoint.concurrencyMax,
    breaker_failure_percent: endpoint.breaker.failurePercent,
    breaker_window_ms: endpoint.breaker.windowMs,
    breaker_minimum_calls: endpoint.breaker.minimumCalls,
    breaker_half_open_after_ms: endpoint.breaker.halfOpenAfterMs,
    enabled: endpoint.enabled ? 1 : 0,
    created_at: BigInt(endpoint.createdAt),
    updated_at: BigInt(endpoint.updatedAt),
    retired_at: endpoint.retiredAt === null ? null : BigInt(endpoint.retiredAt),
  };
}

export function migrationFromRow(row: EndpointMigrationsTable): EndpointMigration {
  return {
    bankId: row.bank_id,
    id: row.id,
    fromEndpointId: row.from_endpoint_id,
    toEndpointId: row.to_endpoint_id,
    weightPercent: Number(row.weight_percent),
    state: row.state as MigrationState,
    history: JSON.parse(row.history) as MigrationStep[],
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function migrationRow(migration: EndpointMigration): EndpointMigrationsTable {
  return {
    bank_id: migration.bankId,
    id: migration.id,
    from_endpoint_id: migration.fromEndpointId,
    to_endpoint_id: migration.toEndpointId,
    weight_percent: migration.weightPercent,
    state: migration.state,
    history: JSON.stringify(migration.history),
    created_at: BigInt(migration.createdAt),
    updated_at: BigInt(migration.updatedAt),
  };
}

export type BankLockRefusal = "participant_not_found" | "participant_not_bank";

/**
 * Locks the owner's participant row for the transaction: every write to a participant's
 * endpoints or a bank's migrations takes this lock first (`FOR UPDATE` on PostgreSQL; SQLite
 * has one writer), so they are serialised per owner on every node. Answers the owner's status,
 * or why it cannot own them: endpoints belong to the kinds whose systems the hub calls
 * (called-system-kind.ts), migrations to banks. The refusal keeps the bank registry's code.
 */
export async function lockBank(
  trx: Transaction<ClearhubSchema>,
  dialect: Dialect,
  bankId: string,
  ownerKinds: readonly ParticipantKind[] = ["bank"],
): Promise<{ ok: true; status: string } | { ok: false; code: BankLockRefusal }> {
  const row = await trx
    .selectFrom("participants")
    .select(["kind", "status"])
    .where("id", "=", bankId)
    .$if(dialect === "postgres", (query) => query.forUpdate())
    .executeTakeFirst();
  if (row === undefined) return { ok: false, code: "participant_not_found" };
  if (!(ownerKinds as readonly string[]).includes(row.kind)) {
    return { ok: false, code: "participant_not_bank" };
  }
  return { ok: true, status: row.status };
}
