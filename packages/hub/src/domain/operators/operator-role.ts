/**
 * What an operator may do, each role including the one before it: `viewer` reads; `operator`
 * also does the day-to-day work (funds, keys, endpoint settings, redeliveries, migrations'
 * weights, proposals and approvals); `admin` also manages operator accounts and tokens.
 */
export const operatorRoles = ["viewer", "operator", "admin"] as const;

export type OperatorRole = (typeof operatorRoles)[number];

export function isOperatorRole(text: string): text is OperatorRole {
  return (operatorRoles as readonly string[]).includes(text);
}

/** Whether a holder of `held` may do what needs `needed`. */
export function roleAllows(held: OperatorRole, needed: OperatorRole): boolean {
  return operatorRoles.indexOf(held) >= operatorRoles.indexOf(needed);
}

/** The weaker of two roles: a token acts with at most its account's role, even after a demotion. */
export function weakerRole(a: OperatorRole, b: OperatorRole): OperatorRole {
  return roleAllows(a, b) ? b : a;
}
