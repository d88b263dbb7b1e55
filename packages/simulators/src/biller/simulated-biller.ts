import {
  type Bill,
  type BillerOperationName,
  type BillerRefusalCode,
  type BillInquiryAnswer,
  type BillInquiryRequest,
  type BillNotice,
  billerNoticeOperations,
  billsPerAnswerMax,
  type PostingInquiryRequest,
  type PostingRequest,
  type ReversalNotice,
} from "@clearhub/wire";
import { type DeskResult, refusal } from "../shared/desk-result.ts";
import type { FaultPlan } from "../shared/fault-plan.ts";
import type { NoticeSender } from "../shared/notice-sender.ts";
import { type RandomSource, randomTag } from "../shared/random-source.ts";
import {
  type BillRecord,
  type BillSeed,
  type Customer,
  type CustomerSeed,
  customerKey,
  parameterList,
} from "./biller-customer.ts";
import { PostingDesk } from "./posting-desk.ts";

export interface OperationRequests {
  inquireBills: BillInquiryRequest;
  post: PostingRequest;
  inquirePosting: PostingInquiryRequest;
}

export interface SimulatedBillerContext {
  /** The names of the parameters that identify a customer, as the biller registry declares them. */
  readonly parameterNames: readonly string[];
  readonly random: RandomSource;
  readonly clock: () => number;
  readonly faults: FaultPlan;
  readonly notices: NoticeSender;
}

export type ReversalReason = ReversalNotice["reasonCode"];

/** "Wang Fang" as a payer sees it: "W*** Fang"; a one-word name keeps only its first letter. */
function maskedName(name: string): string {
  const [first = "", ...rest] = name.trim().split(/\s+/);
  return [`${first.slice(0, 1)}***`, ...rest].join(" ");
}

function byDueDate(a: BillRecord, b: BillRecord): number {
  return a.bill.dueDate < b.bill.dueDate ? -1 : a.bill.dueDate > b.bill.dueDate ? 1 : 0;
}

/**
 * A biller's billing system: customers and their bills, bill inquiries, postings, and the
 * notices it sends the hub when it issues or changes a bill or reverses a payment. Its ids carry
 * a tag of the run, so two runs never hand out the same receipt or notice id.
 */
export class SimulatedBiller {
  readonly customers = new Map<string, Customer>();
  readonly postings: PostingDesk;
  private readonly runTag: string;
  private receiptSequence = 0;
  private noticeSequence = 0;

  constructor(private readonly context: SimulatedBillerContext) {
    this.runTag = randomTag(context.random, 4);
    this.postings = new PostingDesk({
      customers: this.customers,
      faults: context.faults,
      clock: context.clock,
      nextReceiptNumber: () => {
        this.receiptSequence += 1;
        return `RCPT-${this.runTag}-${String(this.receiptSequence).padStart(8, "0")}`;
      },
    });
  }

  private readonly desks: {
    [Name in BillerOperationName]: (
      body: OperationRequests[Name],
    ) => DeskResult<unknown, BillerRefusalCode>;
  } = {
    inquireBills: (body) => this.inquireBills(body),
    post: (body) => this.postings.post(body),
    inquirePosting: (body) => ({ ok: true, answer: this.postings.inquire(body) }),
  };

  handle<Name extends BillerOperationName>(
    name: Name,
    body: OperationRequests[Name],
  ): DeskResult<unknown, BillerRefusalCode> {
    const desk = this.desks[name] as (
      body: OperationRequests[Name],
    ) => DeskResult<unknown, BillerRefusalCode>;
    return desk(body);
  }

  /** Adds a customer with its bills; throws on a customer or bill the biller cannot hold. */
  addCustomer(seed: CustomerSeed): Customer {
    const parameters = parameterList(seed.parameters);
    const names = parameters.map((parameter) => parameter.name).sort();
    const declared = [...this.context.parameterNames].sort();
    if (names.join(",") !== declared.join(",")) {
      throw new Error(`a customer is identified by ${declared.join(", ")}`);
    }
    const key = customerKey(parameters) ?? "";
    if (this.customers.has(key)) throw new Error(`customer ${key} exists`);
    const customer: Customer = {
      key,
      parameters: { ...seed.parameters },
      name: seed.name,
      currency: seed.currency,
      status: seed.status ?? "active",
      bills: new Map(),
    };
    for (const bill of seed.bills ?? []) this.putBill(customer, bill);
    this.customers.set(key, customer);
    return customer;
  }

  /**
   * Issues a bill, or changes an unpaid one of the same number, and tells the hub; the notice.
   * Throws when the customer is unknown or the bill is already paid.
   */
  issueBill(parameters: Readonly<Record<string, string>>, seed: BillSeed): BillNotice {
    const customer = this.customers.get(customerKey(parameterList(parameters)) ?? "");
    if (customer === undefined) throw new Error("no customer with these parameters");
    const kind = customer.bills.has(seed.billNumber) ? "changed" : "new";
    const bill = this.putBill(customer, seed);
    const notice: BillNotice = {
      noticeId: this.nextNoticeId("BILL"),
      kind,
      customerParameters: parameterList(customer.parameters),
      bill,
      issuedAt: new Date(this.context.clock()).toISOString(),
    };
    this.context.notices.send(billerNoticeOperations.billNotice.path, notice);
    return notice;
  }

  /** Reverses an accepted posting and tells the hub; the notice, or why it cannot be. */
  reversePosting(
    postingId: string,
    reasonCode: ReversalReason,
    reasonText: string,
  ): { ok: true; notice: ReversalNotice } | { ok: false; reason: string } {
    const reversed = this.postings.reverse(postingId);
    if (!reversed.ok) return reversed;
    const { request, answer } = reversed.posting;
    if (request === undefined || answer.status !== "accepted") {
      return { ok: false, reason: "the posting is not accepted" };
    }
    const notice: ReversalNotice = {
      noticeId: this.nextNoticeId("REV"),
      postingId,
      receiptNumber: answer.receiptNumber,
      amount: request.amount,
      currency: request.currency,
      reasonCode,
      reasonText,
      reversedAt: new Date(this.context.clock()).toISOString(),
    };
    this.context.notices.send(billerNoticeOperations.reversalNotice.path, notice);
    return { ok: true, notice };
  }

  private inquireBills(
    request: BillInquiryRequest,
  ): DeskResult<BillInquiryAnswer, BillerRefusalCode> {
    const names = request.customerParameters.map((parameter) => parameter.name).sort();
    const key = customerKey(request.customerParameters);
    if (
      key === undefined ||
      names.join(",") !== [...this.context.parameterNames].sort().join(",")
    ) {
      return refusal(
        "customer_parameters_invalid",
        `a customer is identified by ${this.context.parameterNames.join(", ")}, each once`,
      );
    }
    const customer = this.customers.get(key);
    if (customer === undefined) {
      return refusal("customer_not_found", "no customer with these parameters");
    }
    const bills =
      customer.status === "active"
        ? [...customer.bills.values()]
            .filter((record) => record.state === "due")
            .sort(byDueDate)
            .slice(0, billsPerAnswerMax)
            .map((record) => record.bill)
        : [];
    return {
      ok: true,
      answer: { inquiryId: request.inquiryId, customerName: maskedName(customer.name), bills },
    };
  }

  private putBill(customer: Customer, seed: BillSeed): Bill {
    const known = customer.bills.get(seed.billNumber);
    if (known?.state === "paid") throw new Error(`bill ${seed.billNumber} is already paid`);
    const bill: Bill = { ...seed, currency: seed.currency ?? customer.currency };
    customer.bills.set(seed.billNumber, { bill, state: "due", paidBy: undefined });
    return bill;
  }

  private nextNoticeId(prefix: string): string {
    this.noticeSequence += 1;
    return `${prefix}-${this.runTag}-${String(this.noticeSequence).padStart(8, "0")}`;
  }
}
