import { formatAmount } from "../money/amount.ts";
import { findCurrency } from "../money/currency.ts";
import type { EventType } from "../notifications/event-type.ts";
import type { PreparedEvent } from "../notifications/webhook-delivery.ts";
import { failureOf } from "../recorded-failure.ts";
import type { BankOperation, BankOperationKind } from "./bank-operation.ts";

const eventTypes: Readonly<Record<BankOperationKind, { succeeded: EventType; failed: EventType }>> =
  {
    debit: { succeeded: "payment.succeeded", failed: "payment.failed" },
    credit: { succeeded: "payout.succeeded", failed: "payout.failed" },
    refund: { succeeded: "refund.succeeded", failed: "refund.failed" },
  };

/**
 * The event a settled operation raises for its payment institution, written to the outbox with
 * the state. An operation settles once, so its event id is fixed: a repeated write delivers once.
 */
export function bankOperationEvent(operation: BankOperation): PreparedEvent {
  if (operation.state !== "succeeded" && operation.state !== "failed") {
    throw new Error(`operation ${operation.id} is not settled`);
  }
  const type = eventTypes[operation.kind][operation.state];
  const id = `${type}:${operation.paymentInstitutionId}:${operation.id}`;
  const createdAt = operation.updatedAt;
  const currency = findCurrency(operation.currency);
  if (currency === undefined) throw new Error(`operation ${operation.id} has unknown currency`);
  const payload = JSON.stringify({
    id,
    type,
    createdAt: new Date(createdAt).toISOString(),
    data: {
      operationId: operation.id,
      kind: operation.kind,
      bankId: operation.bankId,
      agreementId: operation.agreementId,
      amount: formatAmount(operation.amountMinor, currency),
      fee:
        operation.feeMinor === null
          ? null
          : { amount: formatAmount(operation.feeMinor, currency), currency: operation.currency },
      currency: operation.currency,
      state: operation.state,
      transactionId: operation.transactionId,
      bankReference: operation.bankReference,
      failure: failureOf(operation),
    },
  });
  return { id, type, recipientId: operation.paymentInstitutionId, payload, createdAt };
}
