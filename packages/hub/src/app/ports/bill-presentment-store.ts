import type { PresentedBill } from "./biller-connector.ts";

/**
 * One bill as the hub presented it to one channel, under the reference `billRef` the channel
 * quotes to pay it. The payment route checks the reference against this record: the channel's
 * own, not expired, and the bill (number, amounts, currency) as it was presented.
 */
export interface BillPresentment {
  /** The hub's reference, unique across channels: a channel cannot guess another's. */
  readonly billRef: string;
  readonly channelId: string;
  readonly billerId: string;
  /** The customer parameters as they were checked against the biller's profile. */
  readonly customerParameters: Readonly<Record<string, string>>;
  /** `customerParamsHash` of the parameters: finds a customer's bills without opening them. */
  readonly customerParamsHash: string;
  readonly customerName?: string | undefined;
  readonly bill: PresentedBill;
  readonly presentedAtMs: number;
  /** The reference is not honoured from this instant on. */
  readonly expiresAtMs: number;
}

/**
 * The bills presented to channels. Written once per presented bill and never changed; the
 * customer parameters are sealed at rest by the store (they identify a person at a biller).
 */
export interface BillPresentmentStore {
  /** Keeps every presentment; a `billRef` already kept is an error (references are fresh ids). */
  save(presentments: readonly BillPresentment[]): Promise<void>;
  /**
   * The presentment under `billRef` made to `channelId`, expired or not (the caller tells an
   * expired reference apart); undefined when there is none, or it was made to another channel.
   */
  find(channelId: string, billRef: string): Promise<BillPresentment | undefined>;
  /** Deletes at most `limit` presentments that expired before `beforeMs`, oldest first; answers how many. */
  purgeExpired(beforeMs: number, limit: number): Promise<number>;
}
