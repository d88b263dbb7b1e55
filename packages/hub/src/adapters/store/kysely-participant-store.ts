import type { Kysely } from "kysely";
import type { AccountBalances } from "../../app/ports/ledger-store.ts";
import type {
  NewAccount,
  ParticipantFilter,
  ParticipantStore,
  ReserveCapRule,
  ReserveCapStore,
} from "../../app/ports/participant-store.ts";
import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { AccountKind } from "../../domain/ledger/account.ts";
import type {
  Participant,
  ParticipantKind,
  ParticipantStatus,
} from "../../domain/participant/participant.ts";
import { appendAuditEntry } from "./audit-log-append.ts";
import { balancesFromRow } from "./ledger-rows.ts";
import type { ParticipantsTable } from "./ledger-tables.ts";
import { followReserveSql } from "./reserve-cap-sql.ts";
import type { ClearhubSchema } from "./schema.ts";

const accountIdMax = 2 ** 31 - 1;

export function participantFromRow(row: ParticipantsTable): Participant {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ParticipantKind,
    status: row.status as ParticipantStatus,
    createdAt: Number(row.created_at),
  };
}

function accountValues(account: NewAccount, now: number) {
  return {
    participant_id: account.participantId,
    kind: account.kind,
    currency: account.currency,
    debit_limit: account.debitLimit,
    debits_posted: 0n,
    credits_posted: 0n,
    debits_pending: 0n,
    credits_pending: 0n,
    created_at: BigInt(now),
  };
}

/** Participants and accounts with plain Kysely: the same on both dialects. */
export class KyselyParticipantStore implements ParticipantStore, ReserveCapStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async createParticipant(
    participant: Participant,
    accounts: readonly NewAccount[],
    audit?: AuditRecord,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto("participants")
        .values({
          id: participant.id,
          name: participant.name,
          kind: participant.kind,
          status: participant.status,
          created_at: BigInt(participant.createdAt),
        })
        .onConflict((conflict) => conflict.column("id").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      if (accounts.length > 0) {
        await trx
          .insertInto("accounts")
          .values(accounts.map((account) => accountValues(account, participant.createdAt)))
          .execute();
      }
      if (audit !== undefined) await appendAuditEntry(trx, audit);
      return true;
    });
  }

  async findParticipant(id: string): Promise<Participant | undefined> {
    const row = await this.db
      .selectFrom("participants")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row === undefined ? undefined : participantFromRow(row);
  }

  async listParticipants(
    limit: number,
    afterId?: string,
    filter: ParticipantFilter = {},
  ): Promise<Participant[]> {
    let query = this.db.selectFrom("participants").selectAll().orderBy("id").limit(limit);
    if (afterId !== undefined) query = query.where("id", ">", afterId);
    if (filter.kind !== undefined) query = query.where("kind", "=", filter.kind);
    if (filter.status !== undefined) query = query.where("status", "=", filter.status);
    return (await query.execute()).map(participantFromRow);
  }

  async findOperator(): Promise<Participant | undefined> {
    const row = await this.db
      .selectFrom("participants")
      .selectAll()
      .where("kind", "=", "operator")
      .orderBy("created_at")
      .executeTakeFirst();
    return row === undefined ? undefined : participantFromRow(row);
  }

  setStatus(
    id: string,
    from: ParticipantStatus,
    to: ParticipantStatus,
    audit?: AuditRecord,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable("participants")
        .set({ status: to })
        .where("id", "=", id)
        .where("status", "=", from)
        .executeTakeFirst();
      const changed = Number(result.numUpdatedRows) === 1;
      // A biller's catalogue entry shows its status: channels syncing by updatedAt must see it change.
      if (changed) {
        await trx
          .updateTable("biller_profiles")
          .set({ updated_at: BigInt(audit?.at ?? Date.now()) })
          .where("participant_id", "=", id)
          .execute();
      }
      if (changed && audit !== undefined) await appendAuditEntry(trx, audit);
      return changed;
    });
  }

  async addAccounts(accounts: readonly NewAccount[], audit?: AuditRecord): Promise<void> {
    if (accounts.length === 0) return;
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("accounts")
        .values(accounts.map((account) => accountValues(account, now)))
        .onConflict((conflict) =>
          conflict.columns(["participant_id", "currency", "kind"]).doNothing(),
        )
        .execute();
      if (audit !== undefined) await appendAuditEntry(trx, audit);
    });
  }

  async setDebitLimit(
    accountId: number,
    debitLimit: bigint | null,
    audit?: AuditRecord,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("accounts")
        .set({ debit_limit: debitLimit })
        .where("id", "=", accountId)
        .execute();
      if (audit !== undefined) await appendAuditEntry(trx, audit);
    });
  }

  async listAccounts(participantId: string): Promise<AccountBalances[]> {
    const rows = await this.db
      .selectFrom("accounts")
      .selectAll()
      .where("participant_id", "=", participantId)
      .orderBy("id")
      .execute();
    return rows.map(balancesFromRow);
  }

  async findAccountOwners(accountIds: readonly number[]): Promise<Map<number, string>> {
    // Account ids are 32-bit integers on both stores: PostgreSQL refuses to compare beyond.
    const possible = [...new Set(accountIds)].filter((id) => id > 0 && id <= accountIdMax);
    if (possible.length === 0) return new Map();
    const rows = await this.db
      .selectFrom("accounts")
      .select(["id", "participant_id"])
      .where("id", "in", possible)
      .execute();
    return new Map(rows.map((row) => [Number(row.id), row.participant_id]));
  }

  async listAccountsOf(participantIds: readonly string[]): Promise<AccountBalances[]> {
    if (participantIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("accounts")
      .selectAll()
      .where("participant_id", "in", participantIds)
      .orderBy("id")
      .execute();
    return rows.map(balancesFromRow);
  }

  async findAccount(
    participantId: string,
    currency: string,
    kind: AccountKind,
  ): Promise<AccountBalances | undefined> {
    const row = await this.db
      .selectFrom("accounts")
      .selectAll()
      .where("participant_id", "=", participantId)
      .where("currency", "=", currency)
      .where("kind", "=", kind)
      .executeTakeFirst();
    return row === undefined ? undefined : balancesFromRow(row);
  }

  async findReserveCapRule(
    participantId: string,
    currency: string,
  ): Promise<ReserveCapRule | undefined> {
    const row = await this.db
      .selectFrom("reserve_cap_rules")
      .select("factor_bps")
      .where("participant_id", "=", participantId)
      .where("currency", "=", currency)
      .executeTakeFirst();
    return row === undefined
      ? undefined
      : { participantId, currency, factorBps: Number(row.factor_bps) };
  }

  async listReserveCapRules(participantIds: readonly string[]): Promise<ReserveCapRule[]> {
    if (participantIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("reserve_cap_rules")
      .selectAll()
      .where("participant_id", "in", participantIds)
      .orderBy("participant_id")
      .orderBy("currency")
      .execute();
    return rows.map((row) => ({
      participantId: row.participant_id,
      currency: row.currency,
      factorBps: Number(row.factor_bps),
    }));
  }

  setReserveCapRule(
    rule: ReserveCapRule,
    at: number,
    audit: (netDebitCap: bigint) => AuditRecord,
  ): Promise<bigint> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("reserve_cap_rules")
        .values({
          participant_id: rule.participantId,
          currency: rule.currency,
          factor_bps: rule.factorBps,
          set_at: BigInt(at),
        })
        .onConflict((conflict) =>
          conflict
            .columns(["participant_id", "currency"])
            .doUpdateSet({ factor_bps: rule.factorBps, set_at: BigInt(at) }),
        )
        .execute();
      const cap = await followReserveSql(trx, rule.participantId, rule.currency);
      if (cap === undefined)
        throw new Error(`${rule.participantId} holds no ${rule.currency} accounts`);
      await appendAuditEntry(trx, audit(cap));
      return cap;
    });
  }

  clearReserveCapRule(
    participantId: string,
    currency: string,
    audit: AuditRecord,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom("reserve_cap_rules")
        .where("participant_id", "=", participantId)
        .where("currency", "=", currency)
        .executeTakeFirst();
      const cleared = Number(deleted.numDeletedRows) === 1;
      if (cleared) await appendAuditEntry(trx, audit);
      return cleared;
    });
  }

  followReserve(participantId: string, currency: string): Promise<bigint | undefined> {
    return followReserveSql(this.db, participantId, currency);
  }
}
