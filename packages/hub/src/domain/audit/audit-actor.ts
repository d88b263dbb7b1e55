/**
 * Who did an audited action: an operator API token (named by its id and the name it was issued
 * under, never the secret), or the hub itself acting for a command or a start-up step.
 */
export type AuditActorKind = "operator_token" | "system";

export interface AuditActor {
  readonly kind: AuditActorKind;
  readonly id: string;
  readonly name: string;
}

/** `clearhub token create` and other commands run on the hub's machine by its administrator. */
export const commandLineActor: AuditActor = { kind: "system", id: "cli", name: "clearhub CLI" };
/** Steps the hub takes by itself: the first start's operator token, the demo network. */
export const hubActor: AuditActor = { kind: "system", id: "hub", name: "clearhub" };
