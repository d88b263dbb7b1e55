import { findCurrency } from "../../domain/money/currency.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import type { BankConnector } from "../ports/bank-connector.ts";
import type { BankOperationStore } from "../ports/bank-operation-store.ts";
import { mayStartPayments, type PaymentOutcome, replay } from "./agreement-payment-service.ts";
import type { BankOperationRunner } from "./bank-operation-runner.ts";
import { newBankOperation } from "./new-bank-operation.ts";

/** What an institution asks to refund: part or all of one of its succeeded payments. */
export interface NewRefund {
  readonly id: string;
  readonly paymentId: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly requestHash: string;
}

export type RefundRefusal =
  | "participant_inactive"
  | "bank_operation_not_found"
  | "payment_not_refundable";

/**
 * Returns money of an agreement payment to the account it came from, through the payment's
 * agreement and bank. The refunds of a payment never pass its amount: each is recorded only
 * if, with the payment's other refunds not known to have failed, it fits, checked with the
 * payment's row locked in the recording transaction.
 */
export class RefundService {
  constructor(
    private readonly operations: BankOperationStore,
    private readonly runner: BankOperationRunner,
    private readonly bank: BankConnector,
    private readonly clock: () => number = Date.now,
  ) {}

  async refund(
    institution: Participant,
    request: NewRefund,
  ): Promise<PaymentOutcome | { readonly ok: false; readonly code: RefundRefusal }> {
    const existing = await this.operations.find(institution.id, request.id);
    if (existing !== undefined) return replay(existing, request);
    if (!mayStartPayments(institution)) return { ok: false, code: "participant_inactive" };
    const original = await this.operations.find(institution.id, request.paymentId);
    if (original === undefined || original.kind !== "debit") {
      return { ok: false, code: "bank_operation_not_found" };
    }
    if (original.state !== "succeeded" || original.currency !== request.currency) {
      return { ok: false, code: "payment_not_refundable" };
    }
    const operation = await this.runner.priced(
      newBankOperation(
        {
          paymentInstitutionId: institution.id,
          id: request.id,
          kind: "refund",
          bankId: original.bankId,
          agreementId: original.agreementId,
          originalId: original.id,
          amountMinor: request.amountMinor,
          currency: request.currency,
          requestHash: request.requestHash,
        },
        this.clock(),
        this.runner.timings.callGraceMs,
      ),
    );
    const inserted = await this.operations.insert(operation, {
      kind: "refundable",
      originalId: original.id,
      maxMinor: original.amountMinor,
    });
    if (!inserted.ok) return { ok: false, code: inserted.code };
    if (!inserted.created) return replay(inserted.operation, request);
    const currency = findCurrency(operation.currency);
    if (currency === undefined) throw new Error(`currency ${operation.currency} vanished`);
    const settled = await this.runner.run(inserted.operation, (endpoint, options) =>
      this.bank.refund(
        endpoint,
        {
          transactionId: operation.transactionId,
          paymentInstitutionId: institution.id,
          originalTransactionId: original.transactionId,
          amountMinor: operation.amountMinor,
          currency,
        },
        options,
      ),
    );
    return { ok: true, operation: settled, created: true };
  }
}
