import type { Role } from "./session.ts";

/**
 * What each role may do, to hide or disable the controls a role cannot use. The API enforces the
 * same rules on every route; this only spares the operator a button that can only be refused.
 */
const roleRank: Readonly<Record<Role, number>> = { viewer: 0, operator: 1, admin: 2 };

export type ConsoleAction =
  | "participant.create"
  | "participant.status"
  | "participant.net_debit_cap"
  | "participant.funds"
  | "participant.keys"
  | "webhook.redeliver"
  | "bank_operation.inquire"
  | "bank_endpoint.change"
  | "endpoint_migration.change"
  | "approval.decide"
  | "channel.suspend"
  | "settlement.close"
  | "settlement.confirm"
  | "settlement.abort"
  | "reconciliation.resolve"
  | "code_prefix.change"
  | "barcode_limits.change";

const minimumRole: Readonly<Record<ConsoleAction, Role>> = {
  "participant.create": "operator",
  "participant.status": "operator",
  "participant.net_debit_cap": "operator",
  "participant.funds": "operator",
  "participant.keys": "operator",
  "webhook.redeliver": "operator",
  "bank_operation.inquire": "operator",
  "bank_endpoint.change": "operator",
  "endpoint_migration.change": "operator",
  "approval.decide": "operator",
  "channel.suspend": "operator",
  "settlement.close": "operator",
  "settlement.confirm": "operator",
  "settlement.abort": "operator",
  "reconciliation.resolve": "operator",
  "code_prefix.change": "operator",
  "barcode_limits.change": "operator",
};

export function mayDo(role: Role, action: ConsoleAction): boolean {
  return roleRank[role] >= roleRank[minimumRole[action]];
}
