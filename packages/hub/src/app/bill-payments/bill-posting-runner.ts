import type { BillPayment } from "../../domain/bill-payments/bill-payment.ts";
import { billPaymentEvent } from "../../domain/bill-payments/bill-payment-event.ts";
import { applyReversal } from "../../domain/bill-payments/posting-outcome.ts";
import { OperationRunner } from "../calls/operation-runner.ts";
import type { EndpointGuard } from "../ports/endpoint-guard.ts";
import type { ParticipantCallLog } from "../ports/participant-call-log.ts";
import { type BillPostingDependencies, BillPostingKind } from "./bill-posting-kind.ts";

export type ReversalOutcome =
  | { readonly ok: true; readonly payment: BillPayment }
  | { readonly ok: false; readonly code: "bill_payment_not_reversible" };

/**
 * Every posting of a bill payment, on the one operation runner with the posting kind: the first
 * posting right after the payment is accepted, the take-ups the inquiry job claims (on any hub
 * node, so a posting survives the node that accepted it), a posting given up past its deadline,
 * and a biller's reversal. Money first, then the state (see the runner's header): each ledger
 * step has an id derived from the payment's, so a crash between the two is repaired by doing
 * both again.
 */
export class BillPostingRunner {
  readonly kind: BillPostingKind;
  readonly runner: OperationRunner<
    BillPayment,
    [string, string],
    Parameters<BillPostingKind["outcomeOfAnswer"]>[0],
    ReturnType<BillPostingKind["outcomeOfAnswer"]>
  >;

  constructor(
    deps: BillPostingDependencies,
    guard: EndpointGuard,
    callLog: ParticipantCallLog,
    private readonly clock: () => number = Date.now,
  ) {
    this.kind = new BillPostingKind(deps, clock);
    this.runner = new OperationRunner(this.kind, guard, callLog, clock);
  }

  /** Posts a freshly accepted payment: its first call. */
  post(payment: BillPayment): Promise<BillPayment> {
    return this.runner.run(payment, this.kind.postCall(payment));
  }

  /** A due posting, claimed by the inquiry job: given up past its deadline, else taken up. */
  takeUp(payment: BillPayment): Promise<BillPayment> {
    if (this.kind.overdue(payment)) {
      return this.runner.settle(payment, {
        kind: "failed",
        cause: "deadline",
        code: "posting_failed",
        text: `not settled by the biller within the posting deadline (${payment.inquiries} attempts)`,
      });
    }
    return this.runner.takeUp(payment);
  }

  /**
   * The biller reversed the payment: the money is cleared back (once, under the id a rejection
   * would use too), then the state written with its event. Racing an inquiry, the loser re-reads
   * and tries again; a payment reversed already is answered as it is.
   */
  async reverse(payment: BillPayment, receiptNumber: string, reversedAt: number) {
    let current = payment;
    for (;;) {
      if (current.state === "reversed") return { ok: true, payment: current } as ReversalOutcome;
      const next = applyReversal(current, receiptNumber, reversedAt, this.clock());
      if (next === undefined) return { ok: false, code: "bill_payment_not_reversible" } as const;
      await this.kind.clearBack(current);
      const written = await this.kind.store.update(next, current.state, [billPaymentEvent(next)]);
      if (written.ok) return { ok: true, payment: written.operation } as ReversalOutcome;
      const reread = await this.kind.store.find(current.channelId, current.id);
      if (reread === undefined) throw new Error(`bill payment ${current.id} vanished`);
      current = reread;
    }
  }
}
