import {
  type BillNoticeReceived,
  billPresentedEvent,
} from "../../domain/billers/bill-presented-event.ts";
import type { CustomerParameters } from "../../domain/billers/customer-parameters.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import type { BillSubscriptionStore } from "../ports/bill-subscription-store.ts";
import type { LookupHasher } from "../ports/lookup-hasher.ts";
import { billCustomerLookup } from "./bill-subscription-service.ts";

export type BillNoticeRefusal = "biller_inactive";

/** A biller's notice of a new or changed bill, read into the hub's terms. */
export interface PushedBill extends Omit<BillNoticeReceived, "billerId" | "receivedAt"> {
  readonly parameters: CustomerParameters;
}

export type BillNoticeOutcome =
  | {
      readonly ok: true;
      /** False for a notice recorded before: nothing was written, nobody told again. */
      readonly first: boolean;
      /** The channels subscribed to the customer, each given one `bill.presented` event. */
      readonly subscribers: number;
    }
  | { readonly ok: false; readonly code: BillNoticeRefusal };

/**
 * A biller's push of a new or changed bill, turned into a `bill.presented` event for every
 * channel subscribed to the customer, without a single inquiry to the biller. The events and
 * the record of the notice are written in one transaction, so a crash tells nobody or
 * everybody, and a repeated notice (the biller sends until it sees a 2xx) tells nobody twice.
 *
 * The subscribers are read just before that transaction: a channel subscribing in the same
 * instant may miss this bill, as it would had it subscribed a moment later.
 */
export class BillNoticeService {
  constructor(
    private readonly store: BillSubscriptionStore,
    private readonly hasher: LookupHasher,
    private readonly clock: () => number = Date.now,
  ) {}

  async present(biller: Participant, notice: PushedBill): Promise<BillNoticeOutcome> {
    // Only an active biller is heard: a suspended one must be reinstated first.
    if (biller.kind !== "biller" || biller.status !== "active") {
      return { ok: false, code: "biller_inactive" };
    }
    const received: BillNoticeReceived = {
      billerId: biller.id,
      noticeId: notice.noticeId,
      kind: notice.kind,
      bill: notice.bill,
      issuedAt: notice.issuedAt,
      receivedAt: this.clock(),
    };
    const candidates = billCustomerLookup(this.hasher, biller.id, notice.parameters);
    const subscriptions = await this.store.subscribersOf(biller.id, candidates);
    const events = subscriptions.map((subscription) => billPresentedEvent(received, subscription));
    const first = await this.store.recordBillNotice(received, events);
    return { ok: true, first, subscribers: first ? subscriptions.length : 0 };
  }
}
