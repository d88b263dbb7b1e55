import { type Kysely, type Migration, sql } from "kysely";
import type { Dialect } from "../dialect.ts";

/** The participants' signing keys, and the nonces of signatures already seen (replay defence). */
export function participantKeysMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("participant_keys")
        .addColumn("key_id", "text", (column) => column.primaryKey())
        .addColumn("participant_id", "text", (column) =>
          column.notNull().references("participants.id"),
        )
        .addColumn("algorithm", "text", (column) =>
          column.notNull().check(sql`algorithm in ('ed25519')`),
        )
        .addColumn("public_key", "text", (column) => column.notNull())
        .addColumn("status", "text", (column) =>
          column.notNull().check(sql`status in ('active', 'revoked')`),
        )
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addColumn("revoked_at", "bigint")
        // A revoked key says when; an active one has no revocation time.
        .addCheckConstraint(
          "participant_keys_revoked_at",
          sql`(status = 'revoked') = (revoked_at is not null)`,
        )
        .execute();
      await db.schema
        .createIndex("participant_keys_participant_id")
        .on("participant_keys")
        .column("participant_id")
        .execute();

      await db.schema
        .createTable("seen_nonces")
        .addColumn("key_id", "text", (column) => column.notNull())
        .addColumn("nonce", "text", (column) => column.notNull())
        .addColumn("expires_at", "bigint", (column) => column.notNull())
        .addPrimaryKeyConstraint("seen_nonces_pk", ["key_id", "nonce"])
        // Every lookup is by the whole primary key: on SQLite, storing the rows in that index
        // itself (no rowid) saves a second b-tree per insert. PostgreSQL has no such option.
        .$call((builder) =>
          dialect === "sqlite" ? builder.modifyEnd(sql`without rowid`) : builder,
        )
        .execute();
      await db.schema
        .createIndex("seen_nonces_expires_at")
        .on("seen_nonces")
        .column("expires_at")
        .execute();
    },
  };
}
