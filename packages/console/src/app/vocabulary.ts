/** The API's closed sets the console offers in its filters and forms. */
export const participantKinds = ["bank", "payment_institution", "biller", "operator"] as const;
export const participantStatuses = ["active", "suspended", "terminated"] as const;
export const transferKinds = ["posted", "pending"] as const;
export const transferStates = ["posted", "reserved", "committed", "voided", "expired"] as const;
export const deliveryStatuses = ["pending", "delivered", "dead"] as const;
export const auditActions = [
  "participant.create",
  "participant.status_change",
  "participant.currency_add",
  "participant.net_debit_cap_set",
  "participant.funds_move",
  "participant_key.add",
  "participant_key.rotate",
  "participant_key.revoke",
  "operator_token.issue",
  "webhook_delivery.redeliver",
  "transfers.submit",
  "bank_endpoint.add",
  "bank_endpoint.update",
  "bank_endpoint.primary_set",
  "bank_endpoint.retire",
  "endpoint_migration.create",
  "endpoint_migration.weight_change",
  "endpoint_migration.rollback",
  "endpoint_migration.complete",
  "channel.suspend",
  "channel.lift",
  "channel.terminate",
  "settlement_window.close",
  "settlement_window.confirm",
  "settlement_window.abort",
  "reconciliation.match",
  "reconciliation.break_resolve",
] as const;
export const windowStates = ["open", "closed", "pending_settlement", "settled", "aborted"] as const;
export const channelCapabilities = ["bill_inquiry", "bill_payment"] as const;
export const paymentPolicies = ["reject", "honour_presented"] as const;
/** Biller protection's traffic classes, in the order its page lists a channel's rows. */
export const trafficClasses = ["user_inquiry", "scheduled_inquiry", "posting"] as const;
export const shedReasons = [
  "channel_quota",
  "biller_capacity",
  "no_spare_capacity",
  "concurrency",
  "queue_full",
] as const;

/** An approval is what a four-eyes action answers instead of acting (202). */
export interface Approval {
  readonly id: string;
  readonly action: string;
  readonly subject: string;
  readonly payload: unknown;
  readonly proposedBy: { readonly id: string; readonly name: string };
  readonly proposedAt: string;
  readonly expiresAt: string;
  readonly state: string;
}

/** Some actions answer 202 with an approval waiting for a second operator. */
export function approvalNotice(status: number, body: unknown, done: string): string {
  if (status !== 202) return done;
  const approval = (body as { approval?: Approval } | undefined)?.approval;
  return `Proposed for approval by a second operator${approval === undefined ? "" : ` (approval ${approval.id})`}.`;
}
