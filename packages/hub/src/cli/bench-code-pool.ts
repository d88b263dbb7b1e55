/**
 * The one-time payment codes a load driver of `clearhub bench qr` presents, as customers' apps
 * would show them at the till: taken from the wallet simulator's admin routes in batches, one
 * customer after the other, so a payment never waits for its code to be issued. Topped up
 * before each slice to what the last one used (off the clock); a slice that still runs dry
 * waits for one shared batch.
 */
import { adminJson } from "./bench-simulator-process.ts";
import { type CodeBatch, codeBatchPath } from "./bench-wallet-process.ts";

/** The wallet simulator's most codes a batch (wallet-admin-routes.ts). */
const batchMax = 10_000;
const batchMin = 256;

export class CodePool {
  private readonly codes: string[] = [];
  private next = 0;
  private customerTurn = 0;
  private refilling: Promise<void> | undefined;

  constructor(
    private readonly walletOrigin: string,
    private readonly customerIds: readonly string[],
  ) {
    if (customerIds.length === 0) throw new Error("code payments need customers to pay");
  }

  /** Codes in hand, not yet presented. */
  get size(): number {
    return this.codes.length - this.next;
  }

  /** Tops the pool up to at least `count` codes. */
  async ensure(count: number): Promise<void> {
    while (this.size < count) await this.refill(count - this.size);
  }

  /** The next code; waits for a batch when none is in hand. */
  async take(): Promise<string> {
    while (this.size === 0) await this.refill(batchMin);
    const code = this.codes[this.next++] as string;
    if (this.next > batchMax) {
      // Forget what was presented, so a long run's pool does not grow without end.
      this.codes.splice(0, this.next);
      this.next = 0;
    }
    return code;
  }

  /** One batch for the next customer; callers arriving meanwhile share it. */
  private refill(wanted: number): Promise<void> {
    this.refilling ??= this.fetchBatch(Math.min(batchMax, Math.max(batchMin, wanted))).finally(
      () => {
        this.refilling = undefined;
      },
    );
    return this.refilling;
  }

  private async fetchBatch(count: number): Promise<void> {
    const customerId = this.customerIds[this.customerTurn++ % this.customerIds.length] as string;
    const batch = await adminJson<CodeBatch>(`${this.walletOrigin}${codeBatchPath(customerId)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ count }),
    });
    for (const { code } of batch.codes) this.codes.push(code);
  }
}
