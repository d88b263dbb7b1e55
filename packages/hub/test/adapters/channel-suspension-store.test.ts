/**
 * The channel suspension store on both backends: each step commits with its history row, its
 * outbox event and its audit entry, or, when the state is no longer what the caller judged by,
 * writes nothing at all and answers false.
 */
import { afterEach, expect, it } from "vitest";
import { KyselyChannelSuspensionStore } from "../../src/adapters/store/kysely-channel-suspension-store.ts";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import { KyselyWebhookStore } from "../../src/adapters/store/kysely-webhook-store.ts";
import type { ChannelChange } from "../../src/app/ports/channel-suspension-store.ts";
import type { AuditRecord } from "../../src/domain/audit/audit-entry.ts";
import type { ChannelCapability } from "../../src/domain/channels/channel-capability.ts";
import { channelStepEvent } from "../../src/domain/channels/channel-event.ts";
import type { ChannelStep, ChannelStepKind } from "../../src/domain/channels/channel-step.ts";
import type { ParticipantStatus } from "../../src/domain/participant/participant.ts";
import { snapshotStore } from "../api/store-snapshot.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const atMs = Date.UTC(2026, 0, 5, 9);
const changes: Record<ChannelStepKind, ChannelChange> = {
  suspended: { kind: "suspend" },
  lifted: { kind: "lift" },
  terminated: { kind: "terminate" },
};
let stepCount = 0;

function step(kind: ChannelStepKind, capabilities: ChannelCapability[]): ChannelStep {
  stepCount += 1;
  return {
    id: `step-${stepCount}`,
    channelId: "wallet-a",
    kind,
    capabilities,
    reason: kind === "lifted" ? null : "Flooding billers",
    policy:
      kind === "suspended" ? { kind: "honour_presented", deadlineMs: atMs + 3_600_000 } : null,
    atMs: atMs + stepCount,
    actor: testActor,
  };
}

function audit(taken: ChannelStep): AuditRecord {
  return {
    at: taken.atMs,
    actor: testActor,
    action: "channel.suspend",
    subject: "participant:wallet-a",
    details: { stepId: taken.id },
  };
}

async function openStore(backend: Backend) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  const participants = new KyselyParticipantStore(test.database.kysely);
  await participants.createParticipant(
    {
      id: "wallet-a",
      name: "Wallet A",
      kind: "payment_institution",
      status: "active",
      createdAt: 1,
    },
    [],
  );
  const webhooks = new KyselyWebhookStore(test.database.kysely, test.database.dialect);
  const registered = await webhooks.createEndpoint(
    {
      participantId: "wallet-a",
      id: "main",
      url: "https://wallet-a.example/hooks",
      eventTypes: ["channel.suspended", "channel.suspension_lifted", "channel.terminated"],
      createdAt: 1,
    },
    10,
  );
  expect(registered.ok).toBe(true);
  const store = new KyselyChannelSuspensionStore(test.database.kysely);
  const record = (taken: ChannelStep, expected: ParticipantStatus = "active") =>
    store.record(taken, changes[taken.kind], expected, channelStepEvent(taken), audit(taken));
  return { database: test.database, store, record };
}

describeEachBackend("channel suspension store", (backend) => {
  it("keeps the state, the history, the event and the audit entry of each step", async () => {
    const { database, store, record } = await openStore(backend);
    const suspended = step("suspended", ["bill_inquiry", "bill_payment"]);
    expect(await record(suspended)).toBe(true);
    expect(await record(step("lifted", ["bill_inquiry"]))).toBe(true);

    const read = await store.readState("wallet-a");
    expect(read?.state).toEqual({
      status: "active",
      suspensions: [
        {
          capability: "bill_payment",
          reason: "Flooding billers",
          policy: { kind: "honour_presented", deadlineMs: atMs + 3_600_000 },
          suspendedAtMs: suspended.atMs,
        },
      ],
    });
    const history = await store.listSteps("wallet-a", 10);
    expect(history.map((taken) => [taken.kind, taken.capabilities])).toEqual([
      ["lifted", ["bill_inquiry"]],
      ["suspended", ["bill_inquiry", "bill_payment"]],
    ]);
    expect(history[1]).toEqual(suspended);
    const outbox = await database.kysely
      .selectFrom("webhook_deliveries")
      .select(["event_type"])
      .orderBy("id")
      .execute();
    expect(outbox.map((row) => row.event_type)).toEqual([
      "channel.suspended",
      "channel.suspension_lifted",
    ]);
    const audited = await database.kysely.selectFrom("audit_log").select("details").execute();
    expect(audited).toHaveLength(2);
  });

  it("terminates: the status changes and no suspension is left", async () => {
    const { store, record } = await openStore(backend);
    await record(step("suspended", ["bill_payment"]));
    expect(await record(step("terminated", ["bill_payment"]))).toBe(true);
    expect((await store.readState("wallet-a"))?.state).toEqual({
      status: "terminated",
      suspensions: [],
    });
  });

  it("writes nothing when the state moved since the caller read it", async () => {
    const { database, record } = await openStore(backend);
    await record(step("suspended", ["bill_inquiry"]));
    const before = await snapshotStore(database);
    expect(await record(step("suspended", ["bill_payment", "bill_inquiry"]))).toBe(false);
    expect(await record(step("lifted", ["bill_inquiry", "bill_payment"]))).toBe(false);
    expect(await record(step("suspended", ["bill_payment"]), "suspended")).toBe(false);
    expect(await record(step("terminated", []), "suspended")).toBe(false);
    expect(await snapshotStore(database)).toEqual(before);
  });
});
