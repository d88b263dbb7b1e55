import type { OperatorRole } from "../domain/operators/operator-role.ts";

/** `public`: answered without credentials (logging in). */
export type RouteAccess = OperatorRole | "public";

/**
 * THE role matrix: the least role each operator route needs, by method and path as registered.
 * One hook enforces it (operator-auth.ts), and a route missing from it stops the hub at start-up
 * instead of being served unchecked. Routes whose action needs a second operator's approval
 * (terminating, raising a cap, switching a primary endpoint, setting or removing a fee schedule,
 * setting barcode limits, assigning or removing a code prefix) need `operator` to propose; the
 * approval needs `operator` too, from another account.
 */
export const operatorRouteRoles: Readonly<Record<string, RouteAccess>> = {
  "POST /operator/v1/session": "public",
  "GET /operator/v1/session": "viewer",
  "DELETE /operator/v1/session": "viewer",

  "GET /operator/v1/participants": "viewer",
  "GET /operator/v1/participants/:participantId": "viewer",
  "GET /operator/v1/participants/:participantId/keys": "viewer",
  "GET /operator/v1/transfers/:transferId": "viewer",
  "GET /operator/v1/result-codes": "viewer",
  "GET /operator/v1/audit-log": "viewer",
  "GET /operator/v1/webhook-deliveries": "viewer",
  "GET /operator/v1/banks/:bankId/endpoints": "viewer",
  "GET /operator/v1/banks/:bankId/endpoint-health": "viewer",
  "GET /operator/v1/banks/:bankId/endpoint-migrations": "viewer",
  "GET /operator/v1/banks/:bankId/endpoint-migrations/:migrationId": "viewer",
  "GET /operator/v1/banks/:bankId/pinned-agreements": "viewer",
  "GET /operator/v1/audit-log/verification": "viewer",
  "GET /operator/v1/network-overview": "viewer",
  "GET /operator/v1/transfers": "viewer",
  "GET /operator/v1/bank-operations": "viewer",
  "GET /operator/v1/stuck-operations": "viewer",
  "GET /operator/v1/bill-payments/posting-failed": "viewer",
  "GET /operator/v1/traces/:id": "viewer",
  "GET /operator/v1/approvals": "viewer",
  "GET /operator/v1/approvals/:approvalId": "viewer",
  "GET /operator/v1/billers": "viewer",
  "GET /operator/v1/billers/:participantId": "viewer",
  "GET /operator/v1/participants/:participantId/suspensions": "viewer",
  "GET /operator/v1/billers/:participantId/endpoints": "viewer",
  "GET /operator/v1/issuers/:participantId/endpoints": "viewer",
  "GET /operator/v1/biller-protection": "viewer",
  "GET /operator/v1/settlement-windows": "viewer",
  "GET /operator/v1/settlement-windows/:windowId": "viewer",
  "GET /operator/v1/settlement-windows/:windowId/files": "viewer",
  "GET /operator/v1/settlement-windows/:windowId/files/:name": "viewer",
  "GET /operator/v1/participants/:participantId/reconciliation/days/:day/statement.csv": "viewer",
  "GET /operator/v1/participants/:participantId/reconciliation/days/:day/statement.xml": "viewer",
  "GET /operator/v1/reconciliation/breaks": "viewer",
  "GET /operator/v1/reconciliation/breaks/:breakId": "viewer",
  "GET /operator/v1/fee-schedules": "viewer",
  "GET /operator/v1/barcode-limits": "viewer",
  "GET /operator/v1/participants/:participantId/merchants": "viewer",
  "GET /operator/v1/code-prefixes": "viewer",
  "GET /operator/v1/barcode-payments": "viewer",
  "GET /operator/v1/barcode-payments/:paymentId": "viewer",

  "POST /operator/v1/participants": "operator",
  "POST /operator/v1/participants/:participantId/status": "operator",
  "POST /operator/v1/participants/:participantId/currencies": "operator",
  "PUT /operator/v1/participants/:participantId/net-debit-caps/:currency": "operator",
  "PUT /operator/v1/participants/:participantId/reserve-caps/:currency": "operator",
  "DELETE /operator/v1/participants/:participantId/reserve-caps/:currency": "operator",
  "POST /operator/v1/participants/:participantId/funds": "operator",
  "POST /operator/v1/participants/:participantId/keys": "operator",
  "POST /operator/v1/participants/:participantId/keys/:keyId/rotate": "operator",
  "POST /operator/v1/participants/:participantId/keys/:keyId/revoke": "operator",
  "POST /operator/v1/transfers": "operator",
  "POST /operator/v1/settlement-windows/:windowId/close": "operator",
  "POST /operator/v1/settlement-windows/:windowId/settlement": "operator",
  "POST /operator/v1/settlement-windows/:windowId/confirmation-file": "operator",
  "POST /operator/v1/settlement-windows/:windowId/abort": "operator",
  "PUT /operator/v1/participants/:participantId/reconciliation/days/:day/record": "operator",
  "POST /operator/v1/reconciliation/breaks/:breakId/resolution": "operator",
  "POST /operator/v1/webhook-deliveries/:deliveryId/redeliver": "operator",
  "POST /operator/v1/banks/:bankId/endpoints": "operator",
  "PATCH /operator/v1/banks/:bankId/endpoints/:endpointId": "operator",
  "POST /operator/v1/banks/:bankId/endpoints/:endpointId/retire": "operator",
  "PUT /operator/v1/banks/:bankId/primary-endpoint": "operator",
  "POST /operator/v1/banks/:bankId/endpoint-migrations": "operator",
  "PUT /operator/v1/banks/:bankId/endpoint-migrations/:migrationId/weight": "operator",
  "POST /operator/v1/banks/:bankId/endpoint-migrations/:migrationId/rollback": "operator",
  "POST /operator/v1/banks/:bankId/endpoint-migrations/:migrationId/complete": "operator",
  "POST /operator/v1/bank-operations/:participantId/:operationId/inquire": "operator",
  "POST /operator/v1/approvals/:approvalId/approve": "operator",
  "POST /operator/v1/approvals/:approvalId/reject": "operator",
  "PUT /operator/v1/billers/:participantId": "operator",
  "POST /operator/v1/participants/:participantId/suspensions": "operator",
  "POST /operator/v1/participants/:participantId/suspensions/lift": "operator",
  "POST /operator/v1/participants/:participantId/termination": "operator",
  "POST /operator/v1/billers/:participantId/endpoints": "operator",
  "POST /operator/v1/issuers/:participantId/endpoints": "operator",
  "PUT /operator/v1/fee-schedules/:transactionType/:currency": "operator",
  "DELETE /operator/v1/fee-schedules/:transactionType/:currency": "operator",
  "PUT /operator/v1/participants/:participantId/fee-schedules/:transactionType/:currency":
    "operator",
  "DELETE /operator/v1/participants/:participantId/fee-schedules/:transactionType/:currency":
    "operator",
  "PUT /operator/v1/barcode-limits/:currency": "operator",
  "POST /operator/v1/code-prefixes": "operator",
  "DELETE /operator/v1/code-prefixes/:prefix": "operator",

  "GET /operator/v1/operators": "admin",
  "POST /operator/v1/operators": "admin",
  "GET /operator/v1/operators/:operatorId": "admin",
  "PUT /operator/v1/operators/:operatorId/role": "admin",
  "POST /operator/v1/operators/:operatorId/disable": "admin",
};

/** HEAD is answered by the GET route, so it needs what GET needs. */
function matrixKey(method: string, url: string): string {
  return `${method === "HEAD" ? "GET" : method} ${url}`;
}

export function routeAccess(method: string, url: string): RouteAccess | undefined {
  return operatorRouteRoles[matrixKey(method, url)];
}

/** For the onRoute hook: a route nobody placed in the matrix is a start-up error, never open. */
export function assertRouteInMatrix(method: string | readonly string[], url: string): void {
  for (const one of typeof method === "string" ? [method] : method) {
    if (routeAccess(one, url) === undefined) {
      throw new Error(
        `operator route ${one} ${url} is not in the role matrix (src/api/operator-route-roles.ts); add it with the role it needs`,
      );
    }
  }
}
