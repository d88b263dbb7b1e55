import { type Kysely, type Migration, sql } from "kysely";

/**
 * Named operator accounts with roles, console sessions, tokens bound to an account and a role,
 * four-eyes approvals, and an audit log that names the account behind every action.
 *
 * Tokens issued before accounts existed could do everything: each name becomes an admin account
 * without a password (it cannot log in) and its tokens keep the admin role, so nothing an existing
 * integration does stops working.
 */
export function operatorAccountsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("operator_accounts")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("name", "text", (column) => column.notNull().unique())
        .addColumn("role", "text", (column) =>
          column.notNull().check(sql`role in ('viewer', 'operator', 'admin')`),
        )
        // Null: the account is only for tokens and cannot log in.
        .addColumn("password_hash", "text")
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addColumn("disabled_at", "bigint")
        .execute();

      // SQLite cannot add a NOT NULL column without a default; the store always sets both.
      await db.schema
        .alterTable("operator_tokens")
        .addColumn("account_id", "text", (column) => column.references("operator_accounts.id"))
        .execute();
      await db.schema
        .alterTable("operator_tokens")
        .addColumn("role", "text", (column) =>
          column.check(sql`role in ('viewer', 'operator', 'admin')`),
        )
        .execute();
      await sql`
        insert into operator_accounts (id, name, role, password_hash, created_at, disabled_at)
        select 'account-' || min(id), name, 'admin', null, min(created_at), null
        from operator_tokens group by name`.execute(db);
      await sql`
        update operator_tokens set role = 'admin', account_id =
          (select a.id from operator_accounts a where a.name = operator_tokens.name)`.execute(db);

      await db.schema
        .createTable("operator_sessions")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("secret_hash", "text", (column) => column.notNull().unique())
        .addColumn("account_id", "text", (column) =>
          column.notNull().references("operator_accounts.id"),
        )
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addColumn("last_seen_at", "bigint", (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex("operator_sessions_account")
        .on("operator_sessions")
        .column("account_id")
        .execute();

      await db.schema
        .createTable("approvals")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("action", "text", (column) => column.notNull())
        .addColumn("subject", "text", (column) => column.notNull())
        // RFC 8785 canonical JSON of what the action will be called with.
        .addColumn("payload", "text", (column) => column.notNull())
        .addColumn("proposed_by_id", "text", (column) => column.notNull())
        .addColumn("proposed_by_name", "text", (column) => column.notNull())
        .addColumn("proposed_at", "bigint", (column) => column.notNull())
        .addColumn("expires_at", "bigint", (column) => column.notNull())
        .addColumn("state", "text", (column) =>
          column.notNull().check(sql`state in ('pending', 'approved', 'rejected')`),
        )
        .addColumn("decided_by_id", "text")
        .addColumn("decided_by_name", "text")
        .addColumn("decided_at", "bigint")
        // "ok" or the problem code the action answered once approved; null until it ran.
        .addColumn("outcome", "text")
        .execute();
      await db.schema
        .createIndex("approvals_state")
        .on("approvals")
        .columns(["state", "proposed_at"])
        .execute();

      await widenAuditActors(db);
    },
  };
}

/**
 * The audit log's actor kinds were fixed by a CHECK that SQLite cannot alter, so the table is
 * rebuilt (the same statements on both dialects) with the new kinds and the operator account
 * columns. Rows are copied unchanged: their hashes cover only what they held.
 */
async function widenAuditActors(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("audit_log_next")
    .addColumn("seq", "bigint", (column) => column.primaryKey())
    .addColumn("at", "bigint", (column) => column.notNull())
    .addColumn("actor_kind", "text", (column) =>
      column.notNull().check(sql`actor_kind in ('operator_token', 'operator_session', 'system')`),
    )
    .addColumn("actor_id", "text", (column) => column.notNull())
    .addColumn("actor_name", "text", (column) => column.notNull())
    // The operator account behind a token or a session; null for the hub's own steps.
    .addColumn("operator_id", "text")
    .addColumn("operator_name", "text")
    .addColumn("action", "text", (column) => column.notNull())
    .addColumn("subject", "text", (column) => column.notNull())
    .addColumn("details", "text", (column) => column.notNull())
    .addColumn("prev_hash", "text", (column) => column.notNull())
    .addColumn("hash", "text", (column) => column.notNull())
    .execute();
  await sql`
    insert into audit_log_next
      (seq, at, actor_kind, actor_id, actor_name, operator_id, operator_name,
       action, subject, details, prev_hash, hash)
    select seq, at, actor_kind, actor_id, actor_name, null, null,
       action, subject, details, prev_hash, hash
    from audit_log`.execute(db);
  await db.schema.dropTable("audit_log").execute();
  await db.schema.alterTable("audit_log_next").renameTo("audit_log").execute();
  await db.schema
    .createIndex("audit_log_action")
    .on("audit_log")
    .columns(["action", "seq"])
    .execute();
  await db.schema
    .createIndex("audit_log_subject")
    .on("audit_log")
    .columns(["subject", "seq"])
    .execute();
}
