import type { Kysely, Transaction } from "kysely";
import type {
  BankEndpointStore,
  BankEndpoints,
  EndpointLimits,
  EndpointUpdateOptions,
  EndpointWrite,
} from "../../app/ports/bank-endpoint-store.ts";
import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import {
  applySettingsPatch,
  type BankEndpoint,
  type EndpointSettingsPatch,
} from "../../domain/banks/bank-endpoint.ts";
import { checkRetirement, retiredEndpoint } from "../../domain/banks/endpoint-retirement.ts";
import { calledSystemKinds } from "../../domain/participant/called-system-kind.ts";
import { appendAuditEntry } from "./audit-log-append.ts";
import { endpointFromRow, endpointRow, lockBank, migrationFromRow } from "./bank-endpoint-rows.ts";
import type { Dialect } from "./database.ts";
import type { ClearhubSchema } from "./schema.ts";

type Trx = Transaction<ClearhubSchema>;

/** Bank endpoints with plain Kysely; see the port for the locking and audit rules. */
export class KyselyBankEndpointStore implements BankEndpointStore {
  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly dialect: Dialect,
  ) {}

  addEndpoint(
    endpoint: BankEndpoint,
    limits: EndpointLimits,
    audit: AuditRecord,
  ): Promise<EndpointWrite<{ primary: boolean }>> {
    return this.db.transaction().execute(async (trx) => {
      const bank = await lockBank(trx, this.dialect, endpoint.bankId, calledSystemKinds);
      if (!bank.ok) return bank;
      if (bank.status === "terminated") return { ok: false, code: "participant_terminated" };
      if ((await findEndpointIn(trx, endpoint.bankId, endpoint.id)) !== undefined) {
        return { ok: false, code: "bank_endpoint_exists" };
      }
      const count = await countEndpoints(trx, endpoint.bankId);
      if (count.inService >= limits.inServiceMax || count.kept >= limits.keptMax) {
        return { ok: false, code: "bank_endpoints_exhausted" };
      }
      assertOnePrimary(endpoint.bankId, count.inService, await primaryIdIn(trx, endpoint.bankId));
      await trx.insertInto("bank_endpoints").values(endpointRow(endpoint)).execute();
      const primary = count.inService === 0;
      if (primary) {
        await trx
          .insertInto("bank_primary_endpoints")
          .values({ bank_id: endpoint.bankId, endpoint_id: endpoint.id })
          .execute();
      }
      await appendAuditEntry(trx, audit);
      return { ok: true, value: { primary } };
    });
  }

  updateEndpoint(
    bankId: string,
    endpointId: string,
    patch: EndpointSettingsPatch,
    at: number,
    audit: AuditRecord,
    options: EndpointUpdateOptions = {},
  ): Promise<EndpointWrite<BankEndpoint>> {
    return this.db.transaction().execute(async (trx) => {
      const bank = await lockBank(trx, this.dialect, bankId, calledSystemKinds);
      if (!bank.ok) return bank;
      const current = await findEndpointIn(trx, bankId, endpointId);
      if (current === undefined) return { ok: false, code: "bank_endpoint_not_found" };
      if (current.retiredAt !== null) return { ok: false, code: "bank_endpoint_retired" };
      if (patch.enabled === false && (await primaryIdIn(trx, bankId)) === endpointId) {
        return { ok: false, code: "bank_endpoint_is_primary" };
      }
      const disabling = patch.enabled === false && current.enabled;
      if (disabling && options.force !== true && (await hasLivePins(trx, bankId, endpointId))) {
        return { ok: false, code: "bank_endpoint_in_use" };
      }
      const updated: BankEndpoint = {
        ...current,
        ...applySettingsPatch(current, patch),
        updatedAt: at,
      };
      const { bank_id: _bank, id: _id, created_at: _created, ...changes } = endpointRow(updated);
      await trx
        .updateTable("bank_endpoints")
        .set(changes)
        .where("bank_id", "=", bankId)
        .where("id", "=", endpointId)
        .execute();
      await appendAuditEntry(trx, audit);
      return { ok: true, value: updated };
    });
  }

  retireEndpoint(
    bankId: string,
    endpointId: string,
    at: number,
    audit: AuditRecord,
  ): Promise<EndpointWrite<{ endpoint: BankEndpoint; changed: boolean }>> {
    return this.db.transaction().execute(async (trx) => {
      const bank = await lockBank(trx, this.dialect, bankId, calledSystemKinds);
      if (!bank.ok) return bank;
      const current = await findEndpointIn(trx, bankId, endpointId);
      if (current === undefined) return { ok: false, code: "bank_endpoint_not_found" };
      const check = checkRetirement(current, {
        primaryEndpointId: (await primaryIdIn(trx, bankId)) ?? null,
        livePins: await hasLivePins(trx, bankId, endpointId),
        openMigrations: await openMigrationsOf(trx, bankId, endpointId),
      });
      if (check.kind === "refused") return { ok: false, code: check.code };
      if (check.kind === "already_retired") {
        return { ok: true, value: { endpoint: current, changed: false } };
      }
      const retired = retiredEndpoint(current, at);
      const { enabled, updated_at, retired_at } = endpointRow(retired);
      await trx
        .updateTable("bank_endpoints")
        .set({ enabled, updated_at, retired_at })
        .where("bank_id", "=", bankId)
        .where("id", "=", endpointId)
        .execute();
      await appendAuditEntry(trx, audit);
      return { ok: true, value: { endpoint: retired, changed: true } };
    });
  }

  setPrimary(
    bankId: string,
    endpointId: string,
    audit: (previous: string | null) => AuditRecord,
  ): Promise<EndpointWrite<{ previous: string | null }>> {
    return this.db.transaction().execute(async (trx) => {
      const bank = await lockBank(trx, this.dialect, bankId, calledSystemKinds);
      if (!bank.ok) return bank;
      const endpoint = await findEndpointIn(trx, bankId, endpointId);
      if (endpoint === undefined) return { ok: false, code: "bank_endpoint_not_found" };
      if (endpoint.retiredAt !== null) return { ok: false, code: "bank_endpoint_retired" };
      if (!endpoint.enabled) return { ok: false, code: "bank_endpoint_disabled" };
      const previous = (await primaryIdIn(trx, bankId)) ?? null;
      if (previous === endpointId) return { ok: true, value: { previous } };
      await trx
        .updateTable("bank_primary_endpoints")
        .set({ endpoint_id: endpointId })
        .where("bank_id", "=", bankId)
        .execute();
      await appendAuditEntry(trx, audit(previous));
      return { ok: true, value: { previous } };
    });
  }

  async listEndpoints(bankId: string): Promise<BankEndpoints> {
    const rows = await this.db
      .selectFrom("bank_endpoints")
      .selectAll()
      .where("bank_id", "=", bankId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    const primary = await primaryIdIn(this.db, bankId);
    const inService = rows.filter((row) => row.retired_at === null).length;
    assertOnePrimary(bankId, inService, primary);
    if (primary !== undefined && !rows.some((row) => row.id === primary)) {
      throw new Error(`bank ${bankId}'s primary endpoint ${primary} is not among its endpoints`);
    }
    return { endpoints: rows.map(endpointFromRow), primaryEndpointId: primary ?? null };
  }

  findEndpoint(bankId: string, endpointId: string): Promise<BankEndpoint | undefined> {
    return findEndpointIn(this.db, bankId, endpointId);
  }

  async findPrimary(bankId: string): Promise<BankEndpoint | undefined> {
    const row = await this.db
      .selectFrom("bank_primary_endpoints as p")
      .innerJoin("bank_endpoints as e", (join) =>
        join.onRef("e.bank_id", "=", "p.bank_id").onRef("e.id", "=", "p.endpoint_id"),
      )
      .selectAll("e")
      .where("p.bank_id", "=", bankId)
      .executeTakeFirst();
    return row === undefined ? undefined : endpointFromRow(row);
  }
}

/**
 * A bank with endpoints in service has exactly one primary, and one without has none: checked on
 * write and on read. (The primary is never retired, so retiring the last one leaves a primary.)
 */
function assertOnePrimary(bankId: string, endpoints: number, primary: string | undefined): void {
  if (endpoints > 0 !== (primary !== undefined)) {
    throw new Error(`bank ${bankId} has ${endpoints} endpoints and primary ${primary ?? "none"}`);
  }
}

async function findEndpointIn(
  db: Kysely<ClearhubSchema>,
  bankId: string,
  endpointId: string,
): Promise<BankEndpoint | undefined> {
  const row = await db
    .selectFrom("bank_endpoints")
    .selectAll()
    .where("bank_id", "=", bankId)
    .where("id", "=", endpointId)
    .executeTakeFirst();
  return row === undefined ? undefined : endpointFromRow(row);
}

async function primaryIdIn(db: Kysely<ClearhubSchema>, bankId: string) {
  const row = await db
    .selectFrom("bank_primary_endpoints")
    .select("endpoint_id")
    .where("bank_id", "=", bankId)
    .executeTakeFirst();
  return row?.endpoint_id;
}

async function countEndpoints(
  trx: Trx,
  bankId: string,
): Promise<{ inService: number; kept: number }> {
  const row = await trx
    .selectFrom("bank_endpoints")
    .select((eb) => [
      eb.fn.countAll().as("kept"),
      eb.fn.count("id").filterWhere("retired_at", "is", null).as("in_service"),
    ])
    .where("bank_id", "=", bankId)
    .executeTakeFirstOrThrow();
  return { inService: Number(row.in_service), kept: Number(row.kept) };
}

/** The bank's open (active or completing) migrations from or to the endpoint. */
async function openMigrationsOf(trx: Trx, bankId: string, endpointId: string) {
  const rows = await trx
    .selectFrom("endpoint_migrations")
    .selectAll()
    .where("bank_id", "=", bankId)
    .where((eb) =>
      eb.or([eb("from_endpoint_id", "=", endpointId), eb("to_endpoint_id", "=", endpointId)]),
    )
    .where("state", "in", ["active", "completing"])
    .execute();
  return rows.map(migrationFromRow);
}

/** Agreement states whose calls still go to the endpoint they are pinned to. */
const livePinStates = ["requested", "otp_sent", "active"] as const;

/** Whether any agreement that can still be called through is pinned to the endpoint. */
async function hasLivePins(
  trx: Transaction<ClearhubSchema>,
  bankId: string,
  endpointId: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom("agreements")
    .select("id")
    .where("bank_id", "=", bankId)
    .where("pinned_endpoint_id", "=", endpointId)
    .where("state", "in", livePinStates)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
