import type { NoticeLog } from "../../app/ports/notice-log.ts";

/** A recorded notice, as the memory log keeps it. */
interface RecordedNotice {
  readonly senderId: string;
  readonly noticeId: string;
  readonly kind: string;
  readonly at: number;
  readonly transactionId: string | null;
}

/**
 * The notice log in memory, for tests and single-process tools. It keeps every notice: a
 * process that lives long should use the store's log.
 */
export class MemoryNoticeLog implements NoticeLog {
  private readonly notices = new Map<string, RecordedNotice>();

  async seen(senderId: string, noticeId: string): Promise<boolean> {
    return this.notices.has(keyOf(senderId, noticeId));
  }

  async record(
    senderId: string,
    noticeId: string,
    kind: string,
    at: number,
    transactionId?: string | undefined,
  ): Promise<void> {
    const key = keyOf(senderId, noticeId);
    if (this.notices.has(key)) return;
    this.notices.set(key, { senderId, noticeId, kind, at, transactionId: transactionId ?? null });
  }
}

function keyOf(senderId: string, noticeId: string): string {
  // JSON of the pair: no separator a notice id could contain can make two pairs collide.
  return JSON.stringify([senderId, noticeId]);
}
