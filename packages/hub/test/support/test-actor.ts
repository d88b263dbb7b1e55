import type { AuditActor } from "../../src/domain/audit/audit-actor.ts";

/** Who the audit log names for changes tests make through the services directly. */
export const testActor: AuditActor = { kind: "system", id: "test", name: "test suite" };
