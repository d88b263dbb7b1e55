import { type Kysely, type Migration, sql } from "kysely";

/**
 * The audit log of operator actions and its head: the one row every append updates, so that
 * appends from several hub nodes wait for each other and form a single chain.
 */
export function auditLogMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("audit_log")
        .addColumn("seq", "bigint", (column) => column.primaryKey())
        .addColumn("at", "bigint", (column) => column.notNull())
        .addColumn("actor_kind", "text", (column) =>
          column.notNull().check(sql`actor_kind in ('operator_token', 'system')`),
        )
        .addColumn("actor_id", "text", (column) => column.notNull())
        .addColumn("actor_name", "text", (column) => column.notNull())
        .addColumn("action", "text", (column) => column.notNull())
        .addColumn("subject", "text", (column) => column.notNull())
        // RFC 8785 canonical JSON, as hashed.
        .addColumn("details", "text", (column) => column.notNull())
        .addColumn("prev_hash", "text", (column) => column.notNull())
        .addColumn("hash", "text", (column) => column.notNull())
        .execute();
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

      await db.schema
        .createTable("audit_head")
        .addColumn("id", "integer", (column) => column.primaryKey().check(sql`id = 1`))
        .addColumn("seq", "bigint", (column) => column.notNull())
        .addColumn("hash", "text", (column) => column.notNull())
        .execute();
      await sql`insert into audit_head (id, seq, hash) values (1, 0, ${"0".repeat(64)})`.execute(
        db,
      );
    },
  };
}
