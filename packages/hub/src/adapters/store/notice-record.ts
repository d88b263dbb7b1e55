import type { Transaction } from "kysely";
import type { ClearhubSchema } from "./schema.ts";

/**
 * Records a participant's notice inside the caller's transaction: true the first time, false
 * when its id was recorded before (and nothing is written). Notices share one log, keyed by
 * sender and notice id, which bank notices began (`bank_notices`, read by the agreement
 * store's `noticeSeen`); a biller is a participant like a bank, so its notices go there too.
 * The one place a biller notice touches the log: move it here when the log moves.
 */
export async function recordNoticeOnce(
  trx: Transaction<ClearhubSchema>,
  notice: { senderId: string; noticeId: string; kind: string; receivedAt: number },
): Promise<boolean> {
  const inserted = await trx
    .insertInto("bank_notices")
    .values({
      bank_id: notice.senderId,
      notice_id: notice.noticeId,
      kind: notice.kind,
      received_at: BigInt(notice.receivedAt),
      transaction_id: null,
    })
    .onConflict((conflict) => conflict.columns(["bank_id", "notice_id"]).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
}
