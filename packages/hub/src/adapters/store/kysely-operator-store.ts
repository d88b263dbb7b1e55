import type { Kysely, Selectable, Transaction } from "kysely";
import type {
  AccountChangeRefusal,
  ActiveSession,
  ActiveToken,
  OperatorSession,
  OperatorStore,
  OperatorToken,
} from "../../app/ports/operator-store.ts";
import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { OperatorAccount } from "../../domain/operators/operator-account.ts";
import type { OperatorRole } from "../../domain/operators/operator-role.ts";
import { appendAuditEntry } from "./audit-log-append.ts";
import type { Dialect } from "./database.ts";
import type { OperatorAccountsTable } from "./operator-tables.ts";
import type { ClearhubSchema } from "./schema.ts";

/** Operator accounts, tokens and sessions with plain Kysely: the same on both dialects. */
export class KyselyOperatorStore implements OperatorStore {
  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly dialect: Dialect,
  ) {}

  async createAccount(
    account: OperatorAccount,
    passwordHash: string | null,
    audit: AuditRecord,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto("operator_accounts")
        .values({
          id: account.id,
          name: account.name,
          role: account.role,
          password_hash: passwordHash,
          created_at: BigInt(account.createdAt),
          disabled_at: account.disabledAt === null ? null : BigInt(account.disabledAt),
        })
        .onConflict((conflict) => conflict.column("name").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
      await appendAuditEntry(trx, audit);
      return true;
    });
  }

  async findAccount(id: string): Promise<OperatorAccount | undefined> {
    const row = await this.db
      .selectFrom("operator_accounts")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row === undefined ? undefined : accountFromRow(row);
  }

  async findAccountByName(name: string): Promise<OperatorAccount | undefined> {
    const row = await this.db
      .selectFrom("operator_accounts")
      .selectAll()
      .where("name", "=", name)
      .executeTakeFirst();
    return row === undefined ? undefined : accountFromRow(row);
  }

  async findLogin(
    name: string,
  ): Promise<{ account: OperatorAccount; passwordHash: string } | undefined> {
    const row = await this.db
      .selectFrom("operator_accounts")
      .selectAll()
      .where("name", "=", name)
      .where("disabled_at", "is", null)
      .where("password_hash", "is not", null)
      .executeTakeFirst();
    if (row === undefined || row.password_hash === null) return undefined;
    return { account: accountFromRow(row), passwordHash: row.password_hash };
  }

  async listAccounts(limit: number, afterName?: string): Promise<OperatorAccount[]> {
    let query = this.db.selectFrom("operator_accounts").selectAll();
    if (afterName !== undefined) query = query.where("name", ">", afterName);
    const rows = await query.orderBy("name").limit(limit).execute();
    return rows.map(accountFromRow);
  }

  async changeAccount(
    id: string,
    change: { readonly role: OperatorRole } | { readonly disabledAt: number },
    audit: AuditRecord,
  ): Promise<{ ok: true; account: OperatorAccount } | { ok: false; code: AccountChangeRefusal }> {
    return this.db.transaction().execute(async (trx) => {
      // Every account change locks the admins' rows first, in one order, so the last-admin
      // check below reads what no concurrent change can alter before this one commits.
      await lockAdmins(trx, this.dialect);
      const row = await trx
        .selectFrom("operator_accounts")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      if (row === undefined) return { ok: false, code: "operator_account_not_found" };
      if (row.disabled_at !== null) return { ok: false, code: "operator_account_disabled" };
      const staysAdmin = "role" in change && change.role === "admin";
      if (row.role === "admin" && !staysAdmin && (await enabledAdmins(trx)) <= 1) {
        return { ok: false, code: "operator_account_last_admin" };
      }
      if ("role" in change) {
        await trx
          .updateTable("operator_accounts")
          .set({ role: change.role })
          .where("id", "=", id)
          .execute();
      } else {
        await trx
          .updateTable("operator_accounts")
          .set({ disabled_at: BigInt(change.disabledAt) })
          .where("id", "=", id)
          .execute();
        await trx.deleteFrom("operator_sessions").where("account_id", "=", id).execute();
      }
      await appendAuditEntry(trx, audit);
      const changed = await trx
        .selectFrom("operator_accounts")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      return { ok: true, account: accountFromRow(changed) };
    });
  }

  async createToken(token: OperatorToken, tokenHash: string, audit?: AuditRecord): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("operator_tokens")
        .values({
          id: token.id,
          name: token.name,
          token_hash: tokenHash,
          created_at: BigInt(token.createdAt),
          revoked_at: null,
          account_id: token.accountId,
          role: token.role,
        })
        .execute();
      if (audit !== undefined) await appendAuditEntry(trx, audit);
    });
  }

  async findActiveToken(tokenHash: string): Promise<ActiveToken | undefined> {
    const row = await this.db
      .selectFrom("operator_tokens as t")
      .innerJoin("operator_accounts as a", "a.id", "t.account_id")
      .selectAll("a")
      .select([
        "t.id as token_id",
        "t.name as token_name",
        "t.created_at as token_created_at",
        "t.role as token_role",
      ])
      .where("t.token_hash", "=", tokenHash)
      .where("t.revoked_at", "is", null)
      .where("a.disabled_at", "is", null)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const account = accountFromRow(row);
    return {
      account,
      token: {
        id: row.token_id,
        name: row.token_name,
        createdAt: Number(row.token_created_at),
        role: (row.token_role ?? account.role) as OperatorRole,
        accountId: account.id,
      },
    };
  }

  async countActiveTokens(): Promise<number> {
    const row = await this.db
      .selectFrom("operator_tokens")
      .select((eb) => eb.fn.countAll().as("count"))
      .where("revoked_at", "is", null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async revokeToken(id: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable("operator_tokens")
      .set({ revoked_at: BigInt(at) })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async createSession(session: OperatorSession, secretHash: string): Promise<void> {
    await this.db
      .insertInto("operator_sessions")
      .values({
        id: session.id,
        secret_hash: secretHash,
        account_id: session.accountId,
        created_at: BigInt(session.createdAt),
        last_seen_at: BigInt(session.lastSeenAt),
      })
      .execute();
  }

  async findSession(secretHash: string): Promise<ActiveSession | undefined> {
    const row = await this.db
      .selectFrom("operator_sessions as s")
      .innerJoin("operator_accounts as a", "a.id", "s.account_id")
      .selectAll("a")
      .select([
        "s.id as session_id",
        "s.created_at as session_created_at",
        "s.last_seen_at as session_last_seen_at",
      ])
      .where("s.secret_hash", "=", secretHash)
      .where("a.disabled_at", "is", null)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      account: accountFromRow(row),
      session: {
        id: row.session_id,
        accountId: row.id,
        createdAt: Number(row.session_created_at),
        lastSeenAt: Number(row.session_last_seen_at),
      },
    };
  }

  async touchSession(id: string, lastSeenAt: number): Promise<void> {
    await this.db
      .updateTable("operator_sessions")
      .set({ last_seen_at: BigInt(lastSeenAt) })
      .where("id", "=", id)
      .where("last_seen_at", "<", BigInt(lastSeenAt))
      .execute();
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom("operator_sessions").where("id", "=", id).execute();
  }

  async deleteExpiredSessions(
    accountId: string,
    lastSeenBefore: number,
    createdBefore: number,
  ): Promise<void> {
    await this.db
      .deleteFrom("operator_sessions")
      .where("account_id", "=", accountId)
      .where((eb) =>
        eb.or([
          eb("last_seen_at", "<", BigInt(lastSeenBefore)),
          eb("created_at", "<", BigInt(createdBefore)),
        ]),
      )
      .execute();
  }
}

/** SQLite runs one transaction at a time on the hub's connection; PostgreSQL needs the rows locked. */
async function lockAdmins(trx: Transaction<ClearhubSchema>, dialect: Dialect): Promise<void> {
  if (dialect !== "postgres") return;
  await trx
    .selectFrom("operator_accounts")
    .select("id")
    .where("role", "=", "admin")
    .orderBy("id")
    .forUpdate()
    .execute();
}

async function enabledAdmins(trx: Transaction<ClearhubSchema>): Promise<number> {
  const row = await trx
    .selectFrom("operator_accounts")
    .select((eb) => eb.fn.countAll().as("count"))
    .where("role", "=", "admin")
    .where("disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

function accountFromRow(row: Selectable<OperatorAccountsTable>): OperatorAccount {
  return {
    id: row.id,
    name: row.name,
    role: row.role as OperatorRole,
    canLogIn: row.password_hash !== null,
    createdAt: Number(row.created_at),
    disabledAt: row.disabled_at === null ? null : Number(row.disabled_at),
  };
}
