import { type Kysely, sql, type Transaction } from "kysely";
import type { BillerEntry, BillerListQuery } from "../../app/billers/biller-catalogue-entry.ts";
import type { BillerProfileStore, ProfilePut } from "../../app/ports/biller-profile-store.ts";
import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import {
  type BillerProfile,
  type BillerProfileFields,
  sameProfileFields,
} from "../../domain/billers/biller-profile.ts";
import type { ParticipantStatus } from "../../domain/participant/participant.ts";
import { appendAuditEntry } from "./audit-log-append.ts";
import { billerProfileFromRow, billerProfileRow } from "./biller-profile-rows.ts";
import type { Dialect } from "./database.ts";
import type { ClearhubSchema } from "./schema.ts";

type Trx = Transaction<ClearhubSchema>;

/** Billers' profiles with plain Kysely; see the port for the locking and audit rules. */
export class KyselyBillerProfileStore implements BillerProfileStore {
  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly dialect: Dialect,
  ) {}

  putProfile<Refusal extends string = never>(
    participantId: string,
    fields: BillerProfileFields,
    at: number,
    audit: (written: BillerProfile, previous: BillerProfile | undefined) => AuditRecord,
    refuse?: (previous: BillerProfile | undefined) => Refusal | undefined,
  ): Promise<ProfilePut<Refusal>> {
    return this.db.transaction().execute(async (trx): Promise<ProfilePut<Refusal>> => {
      const participant = await this.lockParticipant(trx, participantId);
      if (participant === undefined) return { ok: false, code: "participant_not_found" };
      if (participant.kind !== "biller") return { ok: false, code: "participant_not_biller" };
      if (participant.status === "terminated") return { ok: false, code: "participant_terminated" };
      const missing = await firstCurrencyNotHeld(trx, participantId, fields.currencies);
      if (missing !== undefined) return { ok: false, code: "currency_not_held", currency: missing };
      const previous = await findProfileIn(trx, participantId);
      const refusal = refuse?.(previous);
      if (refusal !== undefined) return { ok: false, code: refusal };
      const status = participant.status as ParticipantStatus;
      if (previous !== undefined && sameProfileFields(previous, fields)) {
        const entry = { profile: previous, name: participant.name, status };
        return { ok: true, value: { entry, changed: false, previous } };
      }
      const written: BillerProfile = {
        ...fields,
        participantId,
        version: (previous?.version ?? 0) + 1,
        createdAt: previous?.createdAt ?? at,
        updatedAt: at,
      };
      const row = billerProfileRow(written);
      if (previous === undefined) {
        await trx.insertInto("biller_profiles").values(row).execute();
      } else {
        const { participant_id: _id, created_at: _created, ...changes } = row;
        await trx
          .updateTable("biller_profiles")
          .set(changes)
          .where("participant_id", "=", participantId)
          .execute();
      }
      await appendAuditEntry(trx, audit(written, previous));
      const entry = { profile: written, name: participant.name, status };
      return { ok: true, value: { entry, changed: true, previous } };
    });
  }

  async findEntry(participantId: string): Promise<BillerEntry | undefined> {
    const row = await this.entries()
      .where("b.participant_id", "=", participantId)
      .executeTakeFirst();
    return row === undefined ? undefined : entryFromRow(row);
  }

  async listEntries(query: BillerListQuery): Promise<BillerEntry[]> {
    const { after, updatedSince } = query;
    const rows = await this.entries()
      .$if(updatedSince !== undefined, (q) =>
        q.where("b.updated_at", ">=", BigInt(updatedSince ?? 0)),
      )
      .$if(after !== undefined, (q) =>
        q.where((eb) =>
          eb.or([
            eb("b.updated_at", ">", BigInt(after?.updatedAt ?? 0)),
            eb.and([
              eb("b.updated_at", "=", BigInt(after?.updatedAt ?? 0)),
              eb("b.participant_id", ">", after?.participantId ?? ""),
            ]),
          ]),
        ),
      )
      .orderBy("b.updated_at")
      .orderBy("b.participant_id")
      .limit(query.limit)
      .execute();
    return rows.map(entryFromRow);
  }

  private entries() {
    return this.db
      .selectFrom("biller_profiles as b")
      .innerJoin("participants as p", "p.id", "b.participant_id")
      .selectAll("b")
      .select(["p.name as participant_name", "p.status as participant_status"]);
  }

  private lockParticipant(trx: Trx, participantId: string) {
    return trx
      .selectFrom("participants")
      .select(["kind", "status", "name"])
      .where("id", "=", participantId)
      .$if(this.dialect === "postgres", (q) => q.forUpdate())
      .executeTakeFirst();
  }
}

type EntryRow = Parameters<typeof billerProfileFromRow>[0] & {
  participant_name: string;
  participant_status: string;
};

function entryFromRow(row: EntryRow): BillerEntry {
  return {
    profile: billerProfileFromRow(row),
    name: row.participant_name,
    status: row.participant_status as ParticipantStatus,
  };
}

async function findProfileIn(trx: Trx, participantId: string): Promise<BillerProfile | undefined> {
  const row = await trx
    .selectFrom("biller_profiles")
    .selectAll()
    .where("participant_id", "=", participantId)
    .executeTakeFirst();
  return row === undefined ? undefined : billerProfileFromRow(row);
}

/** The first of the currencies in which the participant has no position account. */
async function firstCurrencyNotHeld(
  trx: Trx,
  participantId: string,
  currencies: readonly string[],
): Promise<string | undefined> {
  const held = await trx
    .selectFrom("accounts")
    .select("currency")
    .where("participant_id", "=", participantId)
    .where("kind", "=", "position")
    .where(sql.ref("currency"), "in", [...currencies])
    .execute();
  const heldSet = new Set(held.map((row) => row.currency));
  return currencies.find((currency) => !heldSet.has(currency));
}
