/**
 * Who did an audited action: an operator API token or console session (named by its id, never
 * the secret, with the operator account it belongs to), or the hub itself acting for a command
 * or a start-up step.
 */
export type AuditActorKind = "operator_token" | "operator_session" | "system";

export interface AuditActor {
  readonly kind: AuditActorKind;
  readonly id: string;
  readonly name: string;
  /** The operator account behind a token or a session; absent for the hub's own steps. */
  readonly operator?: { readonly id: string; readonly name: string } | undefined;
}

/** `clearhub token create` and other commands run on the hub's machine by its administrator. */
export const commandLineActor: AuditActor = { kind: "system", id: "cli", name: "clearhub CLI" };
/** Steps the hub takes by itself: the first start's operator token, the demo network. */
export const hubActor: AuditActor = { kind: "system", id: "hub", name: "clearhub" };
