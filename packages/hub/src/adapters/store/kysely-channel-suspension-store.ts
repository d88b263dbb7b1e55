import type { Kysely, Selectable, Transaction } from "kysely";
import type {
  ChannelChange,
  ChannelSuspensionStore,
} from "../../app/ports/channel-suspension-store.ts";
import type { AuditActorKind } from "../../domain/audit/audit-actor.ts";
import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import {
  type ChannelCapability,
  isChannelCapability,
} from "../../domain/channels/channel-capability.ts";
import type { ChannelStep, ChannelStepKind } from "../../domain/channels/channel-step.ts";
import type {
  CapabilitySuspension,
  ChannelState,
  PaymentPolicy,
} from "../../domain/channels/channel-suspension.ts";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";
import type { Participant, ParticipantStatus } from "../../domain/participant/participant.ts";
import { appendAuditEntry } from "./audit-log-append.ts";
import type { ChannelStepsTable, ChannelSuspensionsTable } from "./biller-tables.ts";
import { participantFromRow } from "./kysely-participant-store.ts";
import { insertOutboxEvents } from "./outbox-insert.ts";
import type { ClearhubSchema } from "./schema.ts";

/** Thrown inside a transaction to roll it back when the state is not what the caller saw. */
class StateMoved extends Error {}

function policyFromColumns(policy: string | null, deadline: bigint | null): PaymentPolicy | null {
  if (policy === null) return null;
  if (policy === "honour_presented" && deadline !== null) {
    return { kind: "honour_presented", deadlineMs: Number(deadline) };
  }
  return { kind: "reject" };
}

function suspensionFromRow(row: ChannelSuspensionsTable): CapabilitySuspension {
  return {
    capability: row.capability as ChannelCapability,
    reason: row.reason,
    policy: policyFromColumns(row.policy, row.honour_deadline_at) ?? { kind: "reject" },
    suspendedAtMs: Number(row.suspended_at),
  };
}

function stepFromRow(row: Selectable<ChannelStepsTable>): ChannelStep {
  const operator =
    row.operator_id === null ? undefined : { id: row.operator_id, name: row.operator_name ?? "" };
  return {
    id: row.id,
    channelId: row.participant_id,
    kind: row.kind as ChannelStepKind,
    capabilities: row.capabilities.split(" ").filter(isChannelCapability),
    reason: row.reason,
    policy: policyFromColumns(row.policy, row.honour_deadline_at),
    atMs: Number(row.at),
    actor: {
      kind: row.actor_kind as AuditActorKind,
      id: row.actor_id,
      name: row.actor_name,
      ...(operator === undefined ? {} : { operator }),
    },
  };
}

function deadlineColumn(policy: PaymentPolicy | null): bigint | null {
  return policy?.kind === "honour_presented" ? BigInt(policy.deadlineMs) : null;
}

/** Channel suspensions with plain Kysely: the same statements on both dialects. */
export class KyselyChannelSuspensionStore implements ChannelSuspensionStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async readState(
    participantId: string,
  ): Promise<{ participant: Participant; state: ChannelState } | undefined> {
    const row = await this.db
      .selectFrom("participants")
      .selectAll()
      .where("id", "=", participantId)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const suspensions = await this.db
      .selectFrom("channel_suspensions")
      .selectAll()
      .where("participant_id", "=", participantId)
      .orderBy("capability")
      .execute();
    const participant = participantFromRow(row);
    return {
      participant,
      state: { status: participant.status, suspensions: suspensions.map(suspensionFromRow) },
    };
  }

  async record(
    step: ChannelStep,
    change: ChannelChange,
    expected: ParticipantStatus,
    event: PreparedEvent,
    audit: AuditRecord,
  ): Promise<boolean> {
    try {
      await this.db.transaction().execute(async (trx) => {
        await this.holdStatus(trx, step.channelId, expected, change);
        await this.applyChange(trx, step, change);
        await this.insertStep(trx, step);
        await insertOutboxEvents(trx, [event]);
        await appendAuditEntry(trx, audit);
      });
      return true;
    } catch (error) {
      if (error instanceof StateMoved) return false;
      throw error;
    }
  }

  async listSteps(participantId: string, limit: number): Promise<ChannelStep[]> {
    const rows = await this.db
      .selectFrom("channel_steps")
      .selectAll()
      .where("participant_id", "=", participantId)
      .orderBy("seq", "desc")
      .limit(limit)
      .execute();
    return rows.map(stepFromRow);
  }

  /**
   * Sets the status (to itself, or to terminated) only if it is still the one the caller judged
   * by. The write locks the participant's row (PostgreSQL) or the database (SQLite) until commit,
   * so two steps for one channel never interleave.
   */
  private async holdStatus(
    trx: Transaction<ClearhubSchema>,
    participantId: string,
    expected: ParticipantStatus,
    change: ChannelChange,
  ): Promise<void> {
    const result = await trx
      .updateTable("participants")
      .set({ status: change.kind === "terminate" ? "terminated" : expected })
      .where("id", "=", participantId)
      .where("status", "=", expected)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new StateMoved();
  }

  private async applyChange(
    trx: Transaction<ClearhubSchema>,
    step: ChannelStep,
    change: ChannelChange,
  ): Promise<void> {
    const capabilities = [...step.capabilities];
    if (change.kind === "terminate") {
      await trx
        .deleteFrom("channel_suspensions")
        .where("participant_id", "=", step.channelId)
        .execute();
      return;
    }
    if (change.kind === "lift") {
      const deleted = await trx
        .deleteFrom("channel_suspensions")
        .where("participant_id", "=", step.channelId)
        .where("capability", "in", capabilities)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) !== capabilities.length) throw new StateMoved();
      return;
    }
    const inserted = await trx
      .insertInto("channel_suspensions")
      .values(
        capabilities.map((capability) => ({
          participant_id: step.channelId,
          capability,
          reason: step.reason ?? "",
          policy: step.policy?.kind ?? "reject",
          honour_deadline_at: deadlineColumn(step.policy),
          suspended_at: BigInt(step.atMs),
          step_id: step.id,
        })),
      )
      .onConflict((conflict) => conflict.columns(["participant_id", "capability"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== capabilities.length) {
      throw new StateMoved();
    }
  }

  private async insertStep(trx: Transaction<ClearhubSchema>, step: ChannelStep): Promise<void> {
    await trx
      .insertInto("channel_steps")
      .values({
        id: step.id,
        participant_id: step.channelId,
        kind: step.kind,
        capabilities: step.capabilities.join(" "),
        reason: step.reason,
        policy: step.policy?.kind ?? null,
        honour_deadline_at: deadlineColumn(step.policy),
        at: BigInt(step.atMs),
        actor_kind: step.actor.kind,
        actor_id: step.actor.id,
        actor_name: step.actor.name,
        operator_id: step.actor.operator?.id ?? null,
        operator_name: step.actor.operator?.name ?? null,
      })
      .execute();
  }
}
