import type { Kysely, Transaction } from "kysely";
import type {
  KeyWriteRefusal,
  KeyWriteResult,
  ParticipantKeyStore,
  Signer,
} from "../../app/ports/participant-key-store.ts";
import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type {
  KeyAlgorithm,
  KeyStatus,
  ParticipantKey,
} from "../../domain/participant/participant-key.ts";
import { appendAuditEntry } from "./audit-log-append.ts";
import type { Dialect } from "./database.ts";
import { participantFromRow } from "./kysely-participant-store.ts";
import type { ParticipantKeysTable } from "./participant-access-tables.ts";
import type { ClearhubSchema } from "./schema.ts";

function keyFromRow(row: ParticipantKeysTable): ParticipantKey {
  return {
    keyId: row.key_id,
    participantId: row.participant_id,
    algorithm: row.algorithm as KeyAlgorithm,
    publicKey: row.public_key,
    status: row.status as KeyStatus,
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

function keyRow(key: ParticipantKey): ParticipantKeysTable {
  return {
    key_id: key.keyId,
    participant_id: key.participantId,
    algorithm: key.algorithm,
    public_key: key.publicKey,
    status: key.status,
    created_at: BigInt(key.createdAt),
    revoked_at: key.revokedAt === null ? null : BigInt(key.revokedAt),
  };
}

type KeyTransaction = Transaction<ClearhubSchema>;

/**
 * Participant keys with plain Kysely. Writes that depend on other rows lock the participant's
 * row first: `FOR UPDATE` on PostgreSQL; on SQLite every write transaction of the process runs
 * alone on the one connection, and the database has a single writer anyway.
 */
export class KyselyParticipantKeyStore implements ParticipantKeyStore {
  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly dialect: Dialect,
  ) {}

  addKey(key: ParticipantKey, activeKeysMax: number, audit?: AuditRecord): Promise<KeyWriteResult> {
    return this.db.transaction().execute(async (trx) => {
      const refusal = await this.lockWritableParticipant(trx, key.participantId);
      if (refusal !== undefined) return refusal;
      if ((await countActiveKeys(trx, key.participantId)) >= activeKeysMax) {
        return "active_keys_exhausted";
      }
      await trx.insertInto("participant_keys").values(keyRow(key)).execute();
      if (audit !== undefined) await appendAuditEntry(trx, audit);
      return "ok";
    });
  }

  rotateKey(
    replacedKeyId: string,
    key: ParticipantKey,
    audit?: AuditRecord,
  ): Promise<KeyWriteResult> {
    return this.db.transaction().execute(async (trx) => {
      const refusal = await this.lockWritableParticipant(trx, key.participantId);
      if (refusal !== undefined) return refusal;
      const replaced = await trx
        .selectFrom("participant_keys")
        .select("status")
        .where("key_id", "=", replacedKeyId)
        .where("participant_id", "=", key.participantId)
        .executeTakeFirst();
      if (replaced === undefined) return "key_not_found";
      if (replaced.status !== "active") return "key_already_revoked";
      await revokeActiveKey(trx, replacedKeyId, key.createdAt);
      await trx.insertInto("participant_keys").values(keyRow(key)).execute();
      if (audit !== undefined) await appendAuditEntry(trx, audit);
      return "ok";
    });
  }

  async listKeys(participantId: string): Promise<ParticipantKey[]> {
    const rows = await this.db
      .selectFrom("participant_keys")
      .selectAll()
      .where("participant_id", "=", participantId)
      .orderBy("created_at")
      .orderBy("key_id")
      .execute();
    return rows.map(keyFromRow);
  }

  async findKey(keyId: string): Promise<ParticipantKey | undefined> {
    const row = await this.db
      .selectFrom("participant_keys")
      .selectAll()
      .where("key_id", "=", keyId)
      .executeTakeFirst();
    return row === undefined ? undefined : keyFromRow(row);
  }

  async findSigner(keyId: string): Promise<Signer | undefined> {
    const row = await this.db
      .selectFrom("participant_keys as k")
      .innerJoin("participants as p", "p.id", "k.participant_id")
      .selectAll("k")
      .select([
        "p.name",
        "p.kind",
        "p.status as participant_status",
        "p.created_at as participant_created_at",
      ])
      .where("k.key_id", "=", keyId)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      key: keyFromRow(row),
      participant: participantFromRow({
        id: row.participant_id,
        name: row.name,
        kind: row.kind,
        status: row.participant_status,
        created_at: row.participant_created_at,
      }),
    };
  }

  revokeKey(keyId: string, at: number, audit?: AuditRecord): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const revoked = (await revokeActiveKey(trx, keyId, at)) === 1;
      if (revoked && audit !== undefined) await appendAuditEntry(trx, audit);
      return revoked;
    });
  }

  /** Locks the participant's row for the transaction; a refusal if keys cannot be added. */
  private async lockWritableParticipant(
    trx: KeyTransaction,
    participantId: string,
  ): Promise<KeyWriteRefusal | undefined> {
    const participant = await trx
      .selectFrom("participants")
      .select("status")
      .where("id", "=", participantId)
      .$if(this.dialect === "postgres", (query) => query.forUpdate())
      .executeTakeFirst();
    if (participant === undefined) return "participant_not_found";
    if (participant.status === "terminated") return "participant_terminated";
    return undefined;
  }
}

async function countActiveKeys(trx: KeyTransaction, participantId: string): Promise<number> {
  const row = await trx
    .selectFrom("participant_keys")
    .select((eb) => eb.fn.countAll().as("count"))
    .where("participant_id", "=", participantId)
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Conditional on the key being active, so of two racing revocations exactly one counts. */
async function revokeActiveKey(
  db: Kysely<ClearhubSchema>,
  keyId: string,
  at: number,
): Promise<number> {
  const result = await db
    .updateTable("participant_keys")
    .set({ status: "revoked", revoked_at: BigInt(at) })
    .where("key_id", "=", keyId)
    .where("status", "=", "active")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
