/**
 * Every action the audit log records. A closed list, so the log can be filtered by action and a
 * new operator action cannot be recorded under a name nobody documented.
 */
export const auditActions = [
  "participant.create",
  "participant.status_change",
  "participant.currency_add",
  "participant.net_debit_cap_set",
  "participant.funds_move",
  "participant.reserve_cap_set",
  "participant.reserve_cap_clear",
  "participant_key.add",
  "participant_key.rotate",
  "participant_key.revoke",
  "operator_token.issue",
  "operator_account.create",
  "operator_account.role_change",
  "operator_account.disable",
  "approval.propose",
  "approval.approve",
  "approval.reject",
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
  "biller_profile.set",
  "channel.suspend",
  "channel.lift",
  "channel.terminate",
  "settlement_window.close",
  "settlement_window.confirm",
  "settlement_window.abort",
  "reconciliation.match",
  "reconciliation.break_resolve",
  "fee_schedule.set",
  "fee_schedule.remove",
  "barcode_limits.set",
  "code_prefix.assign",
  "code_prefix.remove",
] as const;

export type AuditAction = (typeof auditActions)[number];

export function isAuditAction(text: string): text is AuditAction {
  return (auditActions as readonly string[]).includes(text);
}
