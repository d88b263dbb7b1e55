import type { Kysely } from "kysely";
import type { NoticeLog } from "../../app/ports/notice-log.ts";
import type { ClearhubSchema } from "./schema.ts";

/**
 * The notice log in the `bank_notices` table, which keeps the name it had when banks were the
 * only senders: its `bank_id` is the sending participant (a bank or a biller), whose id the
 * table's key pairs with the notice's.
 */
export class KyselyNoticeLog implements NoticeLog {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async seen(senderId: string, noticeId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("bank_notices")
      .select("notice_id")
      .where("bank_id", "=", senderId)
      .where("notice_id", "=", noticeId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async record(
    senderId: string,
    noticeId: string,
    kind: string,
    at: number,
    transactionId?: string | undefined,
  ): Promise<void> {
    await this.db
      .insertInto("bank_notices")
      .values({
        bank_id: senderId,
        notice_id: noticeId,
        kind,
        received_at: BigInt(at),
        transaction_id: transactionId ?? null,
      })
      .onConflict((conflict) => conflict.columns(["bank_id", "notice_id"]).doNothing())
      .execute();
  }
}
