import type {
  BillPresentment,
  BillPresentmentStore,
} from "../../app/ports/bill-presentment-store.ts";

/** Presented bills in memory: for tests and for a hub without a database's durability needs. */
export class MemoryBillPresentmentStore implements BillPresentmentStore {
  private readonly presentments = new Map<string, BillPresentment>();

  async save(presentments: readonly BillPresentment[]): Promise<void> {
    for (const { billRef } of presentments) {
      if (this.presentments.has(billRef)) throw new Error(`bill reference ${billRef} is taken`);
    }
    for (const presentment of presentments) this.presentments.set(presentment.billRef, presentment);
  }

  async find(channelId: string, billRef: string): Promise<BillPresentment | undefined> {
    const presentment = this.presentments.get(billRef);
    return presentment?.channelId === channelId ? presentment : undefined;
  }

  async purgeExpired(beforeMs: number, limit: number): Promise<number> {
    const expired = [...this.presentments.values()]
      .filter((presentment) => presentment.expiresAtMs < beforeMs)
      .sort((a, b) => a.expiresAtMs - b.expiresAtMs)
      .slice(0, limit);
    for (const { billRef } of expired) this.presentments.delete(billRef);
    return expired.length;
  }
}
