/**
 * The notice log contract, declared once and run against every implementation: in memory, and
 * the store on SQLite and PostgreSQL. A notice is kept once per (sender, notice id): the same id
 * from another sender is another notice, and recording it again changes nothing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { MemoryNoticeLog } from "../../src/adapters/memory/memory-notice-log.ts";
import { KyselyNoticeLog } from "../../src/adapters/store/kysely-notice-log.ts";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import type { NoticeLog } from "../../src/app/ports/notice-log.ts";
import { describeEachBackend, openTestDatabase } from "../support/backends.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function noticeLogContract(open: () => Promise<NoticeLog>): void {
  it("answers a notice unseen until it is recorded, and seen from then on", async () => {
    const log = await open();
    expect(await log.seen("bank-a", "n-1")).toBe(false);
    await log.record("bank-a", "n-1", "transaction_result", 5, "tx-1");
    expect(await log.seen("bank-a", "n-1")).toBe(true);
  });

  it("keeps each sender's notice ids apart: a bank's and a biller's may be the same", async () => {
    const log = await open();
    await log.record("bank-a", "n-1", "unsigned", 5);
    expect(await log.seen("water-co", "n-1")).toBe(false);
    await log.record("water-co", "n-1", "bill_pushed", 6);
    expect(await log.seen("water-co", "n-1")).toBe(true);
    expect(await log.seen("bank-a", "n-2")).toBe(false);
  });

  it("records a notice once, however often it is recorded, concurrently too", async () => {
    const log = await open();
    await Promise.all(
      Array.from({ length: 10 }, (_, at) => log.record("water-co", "n-9", "reversal", at)),
    );
    await log.record("water-co", "n-9", "reversal", 99);
    expect(await log.seen("water-co", "n-9")).toBe(true);
  });
}

describe("MemoryNoticeLog", () => {
  noticeLogContract(async () => new MemoryNoticeLog());
});

describeEachBackend("KyselyNoticeLog", (backend) => {
  noticeLogContract(async () => {
    const test = await openTestDatabase(backend);
    cleanups.push(() => test.dispose());
    const participants = new KyselyParticipantStore(test.database.kysely);
    for (const [id, kind] of [
      ["bank-a", "bank"],
      ["water-co", "biller"],
    ] as const) {
      await participants.createParticipant(
        { id, name: id, kind, status: "active", createdAt: 1 },
        [],
      );
    }
    return new KyselyNoticeLog(test.database.kysely);
  });
});
