import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { AuditDetails, AuditRecord } from "../../domain/audit/audit-entry.ts";
import {
  type EndpointMigration,
  isWeightPercent,
  type MigrationChange,
  type MigrationState,
  migrationIdPattern,
} from "../../domain/banks/endpoint-migration.ts";
import type { AgreementPinning } from "../ports/agreement-pinning.ts";
import type { EndpointMigrationStore, MigrationWrite } from "../ports/endpoint-migration-store.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";

export type EndpointMigrationErrorCode =
  | "endpoint_migration_id_invalid"
  | "endpoint_migration_same_endpoint"
  | "endpoint_migration_weight_invalid"
  | Extract<MigrationWrite, { ok: false }>["code"];

export type MigrationOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: EndpointMigrationErrorCode };

export interface NewEndpointMigration {
  readonly id: string;
  readonly fromEndpointId: string;
  readonly toEndpointId: string;
  readonly weightPercent: number;
}

function fail<T>(code: EndpointMigrationErrorCode): MigrationOutcome<T> {
  return { ok: false, code };
}

function outcome(write: MigrationWrite): MigrationOutcome<EndpointMigration> {
  return write.ok ? { ok: true, value: write.migration } : write;
}

/**
 * The operator's bulk moves of agreements between a bank's endpoints: create at a weight,
 * raise or lower it, roll back at once, or complete at 100 by re-pinning the agreements.
 */
export class EndpointMigrationService {
  /** `pinning` is the agreements store, which re-pins agreements when a migration completes. */
  constructor(
    private readonly participants: ParticipantStore,
    private readonly store: EndpointMigrationStore,
    private readonly pinning: AgreementPinning,
    private readonly clock: () => number = Date.now,
  ) {}

  async create(
    bankId: string,
    input: NewEndpointMigration,
    actor: AuditActor,
  ): Promise<MigrationOutcome<EndpointMigration>> {
    if (!migrationIdPattern.test(input.id)) return fail("endpoint_migration_id_invalid");
    if (input.fromEndpointId === input.toEndpointId) {
      return fail("endpoint_migration_same_endpoint");
    }
    if (!isWeightPercent(input.weightPercent)) return fail("endpoint_migration_weight_invalid");
    const at = this.clock();
    const migration: EndpointMigration = {
      bankId,
      ...input,
      state: "active",
      history: [{ at, actorId: actor.id, weightPercent: input.weightPercent, state: "active" }],
      createdAt: at,
      updatedAt: at,
    };
    const { id: _id, ...details } = input;
    const audit = this.record(actor, "endpoint_migration.create", migration, details, at);
    return outcome(await this.store.createMigration(migration, audit));
  }

  /** Raising the weight moves more agreements to the target; none moves back (endpoint-for.ts). */
  async setWeight(
    bankId: string,
    migrationId: string,
    weightPercent: number,
    actor: AuditActor,
  ): Promise<MigrationOutcome<EndpointMigration>> {
    if (!isWeightPercent(weightPercent)) return fail("endpoint_migration_weight_invalid");
    return this.change(bankId, migrationId, { kind: "weight", weightPercent }, actor);
  }

  /** Every agreement is served by its pinned endpoint again from the next call on. */
  rollback(
    bankId: string,
    migrationId: string,
    actor: AuditActor,
  ): Promise<MigrationOutcome<EndpointMigration>> {
    return this.change(bankId, migrationId, { kind: "rollback" }, actor);
  }

  /**
   * At weight 100: re-pins the agreements to the target, then marks the migration completed.
   * Asked again after an interruption, it finishes the re-pinning (which is idempotent).
   */
  async complete(
    bankId: string,
    migrationId: string,
    actor: AuditActor,
  ): Promise<MigrationOutcome<EndpointMigration>> {
    const found = await this.store.findMigration(bankId, migrationId);
    if (found === undefined) return this.missing(bankId);
    let migration = found;
    if (migration.state === "active") {
      const started = await this.change(bankId, migrationId, { kind: "complete" }, actor);
      if (!started.ok) return started;
      migration = started.value;
    }
    if (migration.state !== "completing") return fail("endpoint_migration_not_active");
    const repinned = await this.pinning.repinAgreements(
      bankId,
      migration.fromEndpointId,
      migration.toEndpointId,
    );
    return this.change(bankId, migrationId, { kind: "finish" }, actor, { repinned });
  }

  async find(bankId: string, migrationId: string): Promise<MigrationOutcome<EndpointMigration>> {
    const found = await this.store.findMigration(bankId, migrationId);
    return found === undefined ? this.missing(bankId) : { ok: true, value: found };
  }

  async list(
    bankId: string,
    state?: MigrationState,
  ): Promise<MigrationOutcome<EndpointMigration[]>> {
    const refusal = await this.checkBank(bankId);
    if (refusal !== undefined) return fail(refusal);
    return { ok: true, value: await this.store.listMigrations(bankId, state) };
  }

  private async change(
    bankId: string,
    migrationId: string,
    change: MigrationChange,
    actor: AuditActor,
    extra: AuditDetails = {},
  ): Promise<MigrationOutcome<EndpointMigration>> {
    const at = this.clock();
    const action =
      change.kind === "weight"
        ? "endpoint_migration.weight_change"
        : change.kind === "rollback"
          ? "endpoint_migration.rollback"
          : "endpoint_migration.complete";
    const written = await this.store.changeMigration(
      bankId,
      migrationId,
      change,
      at,
      actor.id,
      (before, after) =>
        this.record(
          actor,
          action,
          after,
          {
            fromWeight: before.weightPercent,
            toWeight: after.weightPercent,
            state: after.state,
            ...extra,
          },
          at,
        ),
    );
    if (!written.ok && written.code === "endpoint_migration_not_found") return this.missing(bankId);
    return outcome(written);
  }

  /** A migration not found may be so because its bank is not one: say which. */
  private async missing<T>(bankId: string): Promise<MigrationOutcome<T>> {
    return fail((await this.checkBank(bankId)) ?? "endpoint_migration_not_found");
  }

  private async checkBank(bankId: string) {
    const bank = await this.participants.findParticipant(bankId);
    if (bank === undefined) return "participant_not_found" as const;
    return bank.kind === "bank" ? undefined : ("participant_not_bank" as const);
  }

  private record(
    actor: AuditActor,
    action: AuditRecord["action"],
    migration: EndpointMigration,
    details: AuditDetails,
    at: number,
  ): AuditRecord {
    return {
      at,
      actor,
      action,
      subject: `endpoint_migration:${migration.bankId}/${migration.id}`,
      details,
    };
  }
}
