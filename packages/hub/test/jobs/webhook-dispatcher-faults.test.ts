/**
 * The dispatcher when things go wrong around it: a store that fails to record, and deliveries
 * whose earlier claims never reported (their node died). Sends go to a stand-in sender; the
 * HTTP path is covered by webhook-dispatcher.test.ts.
 */
import { afterEach, expect, it } from "vitest";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import { KyselyWebhookStore } from "../../src/adapters/store/kysely-webhook-store.ts";
import type { OutgoingWebhook, WebhookSender } from "../../src/app/ports/webhook-sender.ts";
import type {
  AttemptRef,
  AttemptResult,
  WebhookDeliveryStore,
} from "../../src/app/ports/webhook-store.ts";
import { retryPolicyDefaults } from "../../src/domain/notifications/retry-schedule.ts";
import {
  dispatchLeaseMs,
  WebhookDispatcher,
  webhookDispatcherDefaults,
} from "../../src/jobs/webhook-dispatcher.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../support/backends.ts";
import { insertOutboxRows } from "../support/outbox.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Answers 204 to everything and remembers what it was asked to send. */
class RecordingSender implements WebhookSender {
  readonly sent: OutgoingWebhook[] = [];

  async send(webhook: OutgoingWebhook) {
    this.sent.push(webhook);
    return { answered: true as const, statusCode: 204 };
  }
}

async function openOutbox(backend: Backend, eventIds: readonly string[]) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  const { kysely, dialect } = test.database;
  await new KyselyParticipantStore(kysely).createParticipant(
    {
      id: "wallet-a",
      name: "Wallet A",
      kind: "payment_institution",
      status: "active",
      createdAt: 0,
    },
    [],
  );
  const store = new KyselyWebhookStore(kysely, dialect);
  await store.createEndpoint(
    {
      participantId: "wallet-a",
      id: "main",
      url: "https://wallet-a.example/hooks",
      eventTypes: ["transfer.credited"],
      createdAt: 0,
    },
    10,
  );
  await insertOutboxRows(
    kysely,
    eventIds.map((eventId) => ({
      participantId: "wallet-a",
      endpointId: "main",
      eventId,
      createdAt: 1_000,
    })),
  );
  return store;
}

describeEachBackend("webhook dispatcher faults", (backend) => {
  it("reports a result the store failed to record and carries on with the others", async () => {
    const store = await openOutbox(backend, ["e:1", "e:2", "e:3"]);
    const failing = Object.assign(Object.create(store) as KyselyWebhookStore, {
      recordDelivered: async (attempt: AttemptRef, result: AttemptResult) => {
        const delivery = await store.findDelivery(attempt.id);
        if (delivery?.eventId === "e:2") throw new Error("connection reset");
        return store.recordDelivered(attempt, result);
      },
    });
    const errors: unknown[] = [];
    const outcomes: string[] = [];
    const sender = new RecordingSender();
    const dispatcher = new WebhookDispatcher(
      failing,
      sender,
      {
        ...webhookDispatcherDefaults,
        onError: (error) => errors.push(error),
        onOutcome: (outcome) => outcomes.push(outcome),
      },
      () => 2_000,
    );

    expect(await dispatcher.dispatch()).toEqual(["delivered", "unrecorded", "delivered"]);
    expect(outcomes.toSorted()).toEqual(["delivered", "delivered", "unrecorded"]);
    expect(errors.map((error) => (error as Error).message)).toEqual(["connection reset"]);
    expect(sender.sent.map((webhook) => webhook.eventId)).toEqual(["e:1", "e:2", "e:3"]);
    // The unrecorded one stays pending under its lease, and is sent again once it ends.
    expect(await store.countBacklog()).toEqual({ pending: 1, dead: 0 });
  });

  it("stops, without sending, a delivery whose claims used up the attempts unreported", async () => {
    const store = await openOutbox(backend, ["e:1"]);
    const attemptsMax = 3;
    const options = {
      ...webhookDispatcherDefaults,
      retry: { ...retryPolicyDefaults, attemptsMax },
    };
    const leaseMs = dispatchLeaseMs(options);
    let now = 1_000;
    for (let claim = 0; claim < attemptsMax; claim++) {
      expect(await store.claimDue(now, 10, leaseMs)).toHaveLength(1); // its node died
      now += leaseMs;
    }
    const sender = new RecordingSender();
    const dispatcher = new WebhookDispatcher(store, sender, options, () => now);

    expect(await dispatcher.dispatch()).toEqual(["dead"]);
    expect(sender.sent).toEqual([]);
    const [delivery] = await store.listDeliveries({ limit: 1 });
    expect(delivery).toMatchObject({ status: "dead", attempts: attemptsMax + 1 });
    expect(delivery?.lastError).toMatch(/attempts exhausted/);
  });

  it("refuses options that would never end or never run", () => {
    const sender = new RecordingSender();
    const store = {} as WebhookDeliveryStore;
    const bad = [
      { concurrencyMax: 0 },
      { requestTimeoutMs: -1 },
      { leaseMarginMs: 0.5 },
      { retry: { ...retryPolicyDefaults, attemptsMax: 0 } },
    ];
    for (const override of bad) {
      expect(
        () => new WebhookDispatcher(store, sender, { ...webhookDispatcherDefaults, ...override }),
      ).toThrow(/webhook dispatcher/);
    }
  });
});
