import type { Kysely } from "kysely";
import type { PinnedAgreements } from "../../app/ports/agreement-placement.ts";
import type {
  AgreementCursor,
  AgreementInsert,
  AgreementStore,
  AgreementWrite,
} from "../../app/ports/agreement-store.ts";
import type { Agreement } from "../../domain/agreements/agreement.ts";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";
import { agreementFromRow, agreementRow } from "./agreement-rows.ts";
import { KyselyNoticeLog } from "./kysely-notice-log.ts";
import { updateWithOutboxEvents } from "./outbox-insert.ts";
import type { ClearhubSchema } from "./schema.ts";

/** Agreements with plain Kysely; see the port for the compare-and-set rule. */
export class KyselyAgreementStore implements AgreementStore {
  private readonly notices: KyselyNoticeLog;

  constructor(private readonly db: Kysely<ClearhubSchema>) {
    this.notices = new KyselyNoticeLog(db);
  }

  async insert(agreement: Agreement): Promise<AgreementInsert> {
    const institution = await this.db
      .selectFrom("participants")
      .select("id")
      .where("id", "=", agreement.paymentInstitutionId)
      .executeTakeFirst();
    if (institution === undefined) return { ok: false, code: "participant_not_found" };
    const inserted = await this.db
      .insertInto("agreements")
      .values(agreementRow(agreement))
      .onConflict((conflict) => conflict.columns(["payment_institution_id", "id"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) {
      return { ok: true, agreement, created: true };
    }
    const stored = await this.find(agreement.paymentInstitutionId, agreement.id);
    if (stored === undefined)
      throw new Error(`agreement ${agreement.id} conflicted, then vanished`);
    return { ok: true, agreement: stored, created: false };
  }

  async find(paymentInstitutionId: string, id: string): Promise<Agreement | undefined> {
    const row = await this.db
      .selectFrom("agreements")
      .selectAll()
      .where("payment_institution_id", "=", paymentInstitutionId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row === undefined ? undefined : agreementFromRow(row);
  }

  async findByNumber(bankId: string, agreementNumber: string): Promise<Agreement[]> {
    const rows = await this.db
      .selectFrom("agreements")
      .selectAll()
      .where("bank_id", "=", bankId)
      .where("agreement_number", "=", agreementNumber)
      .orderBy("payment_institution_id")
      .orderBy("id")
      .execute();
    return rows.map(agreementFromRow);
  }

  async list(
    paymentInstitutionId: string,
    limit: number,
    after?: AgreementCursor,
  ): Promise<Agreement[]> {
    const rows = await this.db
      .selectFrom("agreements")
      .selectAll()
      .where("payment_institution_id", "=", paymentInstitutionId)
      .$if(after !== undefined, (query) =>
        query.where((eb) =>
          eb.or([
            eb("created_at", "<", BigInt(after?.createdAt ?? 0)),
            eb.and([
              eb("created_at", "=", BigInt(after?.createdAt ?? 0)),
              eb("id", "<", after?.id ?? ""),
            ]),
          ]),
        ),
      )
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map(agreementFromRow);
  }

  async update(
    next: Agreement,
    fromState: Agreement["state"],
    events: readonly PreparedEvent[] = [],
  ): Promise<AgreementWrite> {
    const {
      payment_institution_id: _institution,
      id: _id,
      created_at: _created,
      ...changes
    } = agreementRow(next);
    const updated = await updateWithOutboxEvents(this.db, events, (trx) =>
      trx
        .updateTable("agreements")
        .set(changes)
        .where("payment_institution_id", "=", next.paymentInstitutionId)
        .where("id", "=", next.id)
        .where("state", "=", fromState)
        .executeTakeFirst(),
    );
    return updated
      ? ({ ok: true, agreement: next } as const)
      : ({ ok: false, code: "agreement_state_conflict" } as const);
  }

  async repinAgreements(bankId: string, fromEndpointId: string, toEndpointId: string) {
    const updated = await this.db
      .updateTable("agreements")
      .set({ pinned_endpoint_id: toEndpointId })
      .where("bank_id", "=", bankId)
      .where("pinned_endpoint_id", "=", fromEndpointId)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows);
  }

  async countPinned(bankId: string): Promise<PinnedAgreements[]> {
    const rows = await this.db
      .selectFrom("agreements")
      .select((eb) => [
        "pinned_endpoint_id",
        eb.fn.countAll<number | bigint | string>().as("total"),
        eb.fn
          .sum<number | bigint | string | null>(
            eb.case().when("state", "=", "active").then(1).else(0).end(),
          )
          .as("active"),
      ])
      .where("bank_id", "=", bankId)
      .groupBy("pinned_endpoint_id")
      .orderBy("pinned_endpoint_id")
      .execute();
    return rows.map((row) => ({
      endpointId: row.pinned_endpoint_id,
      active: Number(row.active ?? 0),
      total: Number(row.total),
    }));
  }

  /** The notice log's (kysely-notice-log.ts), read beside the agreements it concerns. */
  noticeSeen(bankId: string, noticeId: string): Promise<boolean> {
    return this.notices.seen(bankId, noticeId);
  }

  recordNotice(
    bankId: string,
    noticeId: string,
    kind: string,
    at: number,
    transactionId?: string,
  ): Promise<void> {
    return this.notices.record(bankId, noticeId, kind, at, transactionId);
  }
}
