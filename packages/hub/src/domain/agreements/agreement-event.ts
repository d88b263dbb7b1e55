import type { PreparedEvent } from "../notifications/webhook-delivery.ts";
import type { Agreement } from "./agreement.ts";

/**
 * The event an ended agreement raises for its payment institution, written to the outbox in
 * the transaction that ends it. Its id names the agreement: an agreement ends once, so a repeated
 * notice or a retried write raises the same event, which the outbox keeps once.
 */
export function agreementUnsignedEvent(agreement: Agreement): PreparedEvent {
  const id = `agreement.unsigned:${agreement.paymentInstitutionId}:${agreement.id}`;
  const createdAt = agreement.unsignedAt ?? agreement.updatedAt;
  const payload = JSON.stringify({
    id,
    type: "agreement.unsigned",
    createdAt: new Date(createdAt).toISOString(),
    data: {
      agreementId: agreement.id,
      bankId: agreement.bankId,
      agreementNumber: agreement.agreementNumber,
      unsignedBy: agreement.unsignedBy,
      state: agreement.state,
    },
  });
  return {
    id,
    type: "agreement.unsigned",
    recipientId: agreement.paymentInstitutionId,
    payload,
    createdAt,
  };
}
