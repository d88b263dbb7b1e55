import type {
  BillerRefusalCode,
  PostingAnswer,
  PostingInquiryRequest,
  PostingRejectionReason,
  PostingRequest,
} from "@clearhub/wire";
import { compareDecimal } from "../shared/decimal-text.ts";
import type { DeskResult } from "../shared/desk-result.ts";
import { refusal } from "../shared/desk-result.ts";
import type { FaultPlan } from "../shared/fault-plan.ts";
import { type BillRecord, type Customer, customerKey } from "./biller-customer.ts";

type Accepted = Extract<PostingAnswer, { status: "accepted" }>;
type Rejected = Extract<PostingAnswer, { status: "rejected" }>;

/** A posting as the biller's books keep it. */
interface PostingRecord {
  readonly postingId: string;
  /** What makes a repeat the same posting; undefined for an id closed by an inquiry. */
  readonly fingerprint: string | undefined;
  readonly request: PostingRequest | undefined;
  /** The final outcome, known from arrival; answered from `decidedAtMs` on. */
  readonly outcome: Accepted | Rejected;
  readonly decidedAtMs: number;
  reversed: boolean;
}

/** A posting as the admin routes show it. */
export interface PostingView {
  readonly postingId: string;
  readonly request: PostingRequest | undefined;
  readonly answer: PostingAnswer;
  readonly reversed: boolean;
}

export interface PostingDeskContext {
  readonly customers: ReadonlyMap<string, Customer>;
  readonly faults: FaultPlan;
  readonly clock: () => number;
  /** The next receipt number: unique within the biller. */
  readonly nextReceiptNumber: () => string;
}

function fingerprintOf(request: PostingRequest): string {
  return JSON.stringify([
    request.channelId,
    customerKey(request.customerParameters) ?? "",
    request.billNumber ?? "",
    request.amount,
    request.currency,
    request.paidAt,
  ]);
}

/** Why the bill takes no payment of this amount, or undefined when it does. */
function amountProblem(record: BillRecord, amount: string): PostingRejectionReason | undefined {
  const { amountDue, amountMin, amountMax } = record.bill;
  if (amountMin === undefined && amountMax === undefined) {
    return compareDecimal(amount, amountDue) === 0 ? undefined : "amount_mismatch";
  }
  if (compareDecimal(amount, amountMin ?? amountDue) < 0) return "amount_below_minimum";
  if (compareDecimal(amount, amountMax ?? amountDue) > 0) return "amount_above_maximum";
  return undefined;
}

/**
 * Postings, idempotent by the hub's posting id however often and in whatever order they
 * arrive: the id's first posting decides, a repeat answers the outcome as it stands, another
 * posting under the id is refused. A pending posting's outcome is fixed on arrival and revealed
 * when the injected clock passes its decision time, so tests advance the clock, not wait; only
 * a posting the biller would accept is left pending, one it must reject is rejected at once.
 * A posting that pays a bill marks it paid at once, pending or not, so two postings can never
 * both pay one bill.
 */
export class PostingDesk {
  private readonly records = new Map<string, PostingRecord>();

  constructor(private readonly context: PostingDeskContext) {}

  post(request: PostingRequest): DeskResult<PostingAnswer, BillerRefusalCode> {
    const known = this.records.get(request.postingId);
    if (known !== undefined) {
      if (known.fingerprint !== undefined && known.fingerprint !== fingerprintOf(request)) {
        return refusal(
          "idempotency_key_reused",
          `posting ${request.postingId} was made before with other content`,
        );
      }
      return { ok: true, answer: this.answerOf(known) };
    }
    const { faults, clock } = this.context;
    const fate = faults.fate();
    const now = clock();
    const outcome =
      fate === "decline"
        ? this.rejected(request.postingId, "declined", "the biller declined the payment")
        : this.apply(request, now);
    const delayMs =
      fate === "pend" && outcome.status === "accepted" ? faults.options.pendingDelayMs : 0;
    const record: PostingRecord = {
      postingId: request.postingId,
      fingerprint: fingerprintOf(request),
      request,
      outcome:
        outcome.status === "accepted"
          ? { ...outcome, postedAt: new Date(now + delayMs).toISOString() }
          : outcome,
      decidedAtMs: now + delayMs,
      reversed: false,
    };
    this.records.set(request.postingId, record);
    return { ok: true, answer: this.answerOf(record) };
  }

  /** Where a posting stands; an id never received is closed with `posting_not_received`. */
  inquire(request: PostingInquiryRequest): PostingAnswer {
    const known = this.records.get(request.postingId);
    if (known !== undefined) return this.answerOf(known);
    const closed: PostingRecord = {
      postingId: request.postingId,
      fingerprint: undefined,
      request: undefined,
      outcome: this.rejected(
        request.postingId,
        "posting_not_received",
        "the biller never received this posting; the id is closed",
      ),
      decidedAtMs: this.context.clock(),
      reversed: false,
    };
    this.records.set(request.postingId, closed);
    return closed.outcome;
  }

  /**
   * Marks an accepted posting reversed and its bill due again; the posting, or a reason why it
   * cannot be reversed.
   */
  reverse(postingId: string): { ok: true; posting: PostingView } | { ok: false; reason: string } {
    const record = this.records.get(postingId);
    if (record === undefined || record.request === undefined) {
      return { ok: false, reason: "no such posting" };
    }
    const answer = this.answerOf(record);
    if (answer.status !== "accepted") {
      return { ok: false, reason: `the posting is ${answer.status}, not accepted` };
    }
    if (record.reversed) return { ok: false, reason: "the posting is already reversed" };
    record.reversed = true;
    const bill = this.billOf(record.request);
    if (bill !== undefined && bill.paidBy === postingId) {
      bill.state = "due";
      bill.paidBy = undefined;
    }
    return { ok: true, posting: this.view(record) };
  }

  posting(postingId: string): PostingView | undefined {
    const record = this.records.get(postingId);
    return record === undefined ? undefined : this.view(record);
  }

  postings(): PostingView[] {
    return [...this.records.values()].map((record) => this.view(record));
  }

  private view(record: PostingRecord): PostingView {
    return {
      postingId: record.postingId,
      request: record.request,
      answer: this.answerOf(record),
      reversed: record.reversed,
    };
  }

  private answerOf(record: PostingRecord): PostingAnswer {
    if (this.context.clock() < record.decidedAtMs) {
      return { postingId: record.postingId, status: "pending" };
    }
    return record.outcome;
  }

  private billOf(request: PostingRequest): BillRecord | undefined {
    const key = customerKey(request.customerParameters);
    const customer = key === undefined ? undefined : this.context.customers.get(key);
    return request.billNumber === undefined ? undefined : customer?.bills.get(request.billNumber);
  }

  /** Checks the posting against the customer and the bill, and credits it when it passes. */
  private apply(request: PostingRequest, now: number): Accepted | Rejected {
    const { postingId } = request;
    const key = customerKey(request.customerParameters);
    const customer = key === undefined ? undefined : this.context.customers.get(key);
    if (customer === undefined) {
      return this.rejected(postingId, "customer_unknown", "no customer with these parameters");
    }
    if (customer.status !== "active") {
      return this.rejected(postingId, "customer_inactive", "the customer's account is closed");
    }
    if (compareDecimal(request.amount, "0") === 0) {
      return this.rejected(
        postingId,
        "amount_below_minimum",
        "a payment of nothing credits nothing",
      );
    }
    if (request.currency !== customer.currency) {
      return this.rejected(
        postingId,
        "currency_not_supported",
        `the customer is billed in ${customer.currency}`,
      );
    }
    if (request.billNumber !== undefined) {
      const bill = customer.bills.get(request.billNumber);
      if (bill === undefined) {
        return this.rejected(postingId, "bill_unknown", `no bill ${request.billNumber}`);
      }
      if (bill.state === "paid") {
        return this.rejected(postingId, "bill_already_paid", "another payment settled the bill");
      }
      const problem = amountProblem(bill, request.amount);
      if (problem !== undefined) {
        return this.rejected(postingId, problem, `the bill does not take ${request.amount}`);
      }
      bill.state = "paid";
      bill.paidBy = postingId;
    }
    return {
      postingId,
      status: "accepted",
      receiptNumber: this.context.nextReceiptNumber(),
      postedAt: new Date(now).toISOString(),
    };
  }

  private rejected(
    postingId: string,
    reasonCode: PostingRejectionReason,
    reasonText: string,
  ): Rejected {
    return { postingId, status: "rejected", reasonCode, reasonText };
  }
}
