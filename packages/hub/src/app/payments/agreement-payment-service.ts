import {
  type AgreementLimits,
  checkAgreementLimits,
  limitDay,
  riskLevel,
} from "../../domain/bank-operations/agreement-limits.ts";
import type { BankOperation } from "../../domain/bank-operations/bank-operation.ts";
import { findCurrency } from "../../domain/money/currency.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import type { AgreementStore } from "../ports/agreement-store.ts";
import type { BankConnector } from "../ports/bank-connector.ts";
import type { BankOperationStore } from "../ports/bank-operation-store.ts";
import type { BankOperationRunner } from "./bank-operation-runner.ts";
import { newBankOperation } from "./new-bank-operation.ts";

/** What an institution asks to debit; the amount already in minor units, the body hashed. */
export interface NewAgreementPayment {
  readonly id: string;
  readonly agreementId: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly requestHash: string;
}

export type PaymentRefusal =
  | "participant_inactive"
  | "agreement_not_found"
  | "agreement_not_active"
  | "payment_currency_unsupported"
  | "exceeds_transaction_limit"
  | "exceeds_daily_limit"
  | "exceeds_refundable_amount"
  | "idempotency_key_reused"
  | "bank_operation_not_found";

export type PaymentOutcome =
  | { readonly ok: true; readonly operation: BankOperation; readonly created: boolean }
  | { readonly ok: false; readonly code: PaymentRefusal };

/** Agreement payments are in the currency the limits are set in. */
export const agreementPaymentCurrency = "CNY";

const refused = (code: PaymentRefusal): PaymentOutcome => ({ ok: false, code });

/**
 * Debits a customer's account through an active agreement, within the agreement's limits. The
 * institution's id is the idempotency key: the operation is recorded (within the daily limit,
 * checked in the same transaction) before anything else happens, and only the request that
 * recorded it reserves and calls the bank, so concurrent duplicates make one bank call.
 */
export class AgreementPaymentService {
  constructor(
    private readonly operations: BankOperationStore,
    private readonly agreements: AgreementStore,
    private readonly runner: BankOperationRunner,
    private readonly bank: BankConnector,
    private readonly limits: AgreementLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  async pay(institution: Participant, request: NewAgreementPayment): Promise<PaymentOutcome> {
    const existing = await this.operations.find(institution.id, request.id);
    if (existing !== undefined) return replay(existing, request);
    if (!mayStartPayments(institution)) return refused("participant_inactive");
    const agreement = await this.agreements.find(institution.id, request.agreementId);
    if (agreement === undefined) return refused("agreement_not_found");
    if (agreement.state !== "active" || agreement.agreementNumber === null) {
      return refused("agreement_not_active");
    }
    if (request.currency !== agreementPaymentCurrency) {
      return refused("payment_currency_unsupported");
    }
    const check = checkAgreementLimits(request.amountMinor, 0n, agreement.risk, this.limits);
    if (check !== "ok") return refused(check);
    const now = this.clock();
    const day = limitDay(now, this.limits.dayOffsetMinutes);
    const operation = await this.runner.priced(
      newBankOperation(
        {
          paymentInstitutionId: institution.id,
          id: request.id,
          kind: "debit",
          bankId: agreement.bankId,
          agreementId: agreement.id,
          originalId: null,
          amountMinor: request.amountMinor,
          currency: request.currency,
          requestHash: request.requestHash,
        },
        now,
        this.runner.timings.callGraceMs,
      ),
    );
    const inserted = await this.operations.insert(operation, {
      kind: "agreement_daily",
      agreementId: agreement.id,
      dayStart: day.start,
      dayEnd: day.end,
      maxMinor: this.limits.dailyMaxMinor[riskLevel(agreement.risk)],
    });
    if (!inserted.ok) return refused(inserted.code);
    if (!inserted.created) return replay(inserted.operation, request);
    const agreementNumber = agreement.agreementNumber;
    const currency = findCurrency(operation.currency);
    if (currency === undefined) throw new Error(`currency ${operation.currency} vanished`);
    const settled = await this.runner.run(inserted.operation, (endpoint, options) =>
      this.bank.debit(
        endpoint,
        {
          transactionId: operation.transactionId,
          paymentInstitutionId: institution.id,
          agreementNumber,
          amountMinor: operation.amountMinor,
          currency,
        },
        options,
      ),
    );
    return { ok: true, operation: settled, created: true };
  }

  async find(institution: Participant, id: string): Promise<PaymentOutcome> {
    const operation = await this.operations.find(institution.id, id);
    return operation === undefined
      ? refused("bank_operation_not_found")
      : { ok: true, operation, created: false };
  }
}

/**
 * A suspended or terminated institution starts no payment, payout or refund: refused before
 * anything is recorded (409 `participant_inactive`, as its transfers are), so the id stays
 * free. A retry of an operation recorded earlier still answers it as it stands.
 */
export function mayStartPayments(institution: Participant): boolean {
  return institution.status === "active";
}

export function replay(stored: BankOperation, request: { requestHash: string }): PaymentOutcome {
  return stored.requestHash === request.requestHash
    ? { ok: true, operation: stored, created: false }
    : refused("idempotency_key_reused");
}
