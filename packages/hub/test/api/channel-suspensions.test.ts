/**
 * Suspending channels through the operator API: each policy, the channel's webhook written with
 * the change, four-eyes termination, and every bad request refused with its code and nothing
 * written. Run on both stores.
 */
import { afterEach, expect, it } from "vitest";
import { channelCapabilityNames } from "../../src/domain/channels/channel-capability.ts";
import { honourWindowMaxMs } from "../../src/domain/channels/channel-suspension.ts";
import { describeEachBackend } from "../support/backends.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver.ts";
import { expectProblem, tokenWithRole, useApiHarness } from "./api-harness.ts";
import { snapshotStore } from "./store-snapshot.ts";

const hour = 60 * 60_000;
const start = Date.UTC(2026, 0, 5, 9, 0, 0);

describeEachBackend("channel suspensions", (backend) => {
  let now = start;
  const api = useApiHarness(backend, { operatorClock: () => now });
  const receivers: WebhookReceiver[] = [];
  afterEach(async () => {
    now = start;
    for (const receiver of receivers.splice(0)) await receiver.close();
  });

  const suspensions = (id = "wallet-a") => `/operator/v1/participants/${id}/suspensions`;
  const suspend = (body: unknown, id = "wallet-a") => api.call("POST", suspensions(id), body);
  const lift = (body: unknown = {}, id = "wallet-a") =>
    api.call("POST", `${suspensions(id)}/lift`, body);
  const stateOf = async (id = "wallet-a") => {
    const response = await api.call("GET", suspensions(id));
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ChannelBody;
  };

  async function createChannel(id = "wallet-a", kind = "payment_institution"): Promise<void> {
    const response = await api.call("POST", "/operator/v1/participants", {
      id,
      name: `Participant ${id}`,
      kind,
      currencies: [{ currency: "CNY", netDebitCap: "1000.00" }],
    });
    expect(response.statusCode, response.body).toBe(201);
  }

  async function subscribe(id = "wallet-a"): Promise<WebhookReceiver> {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const registered = await api.hub.webhookEndpoints.register(id, {
      id: "main",
      url: `${receiver.baseUrl}/hooks`,
      eventTypes: ["channel.suspended", "channel.suspension_lifted", "channel.terminated"],
    });
    expect(registered.ok).toBe(true);
    return receiver;
  }

  /** Sends what the outbox holds, twice: the second pass must find nothing left to send. */
  async function deliveredEvents(receiver: WebhookReceiver): Promise<EventBody[]> {
    await api.hub.webhookDispatcher.dispatch();
    await api.hub.webhookDispatcher.dispatch();
    return receiver.received.map((webhook) => JSON.parse(webhook.body.toString()) as EventBody);
  }

  async function auditActions(): Promise<string[]> {
    const response = await api.call("GET", "/operator/v1/audit-log?limit=100");
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json() as { items: { action: string }[] };
    return items.map((entry) => entry.action).filter((action) => action.startsWith("channel."));
  }

  it("suspends everything under reject, tells the channel once, and lifts it again", async () => {
    await createChannel();
    const receiver = await subscribe();
    const suspended = await suspend({
      capabilities: "all",
      reason: "Flooding billers",
      policy: "reject",
    });
    expect(suspended.statusCode, suspended.body).toBe(201);
    const body = suspended.json() as ChannelBody;
    expect(body.suspensions).toEqual(
      channelCapabilityNames.map((capability) => ({
        capability,
        reason: "Flooding billers",
        policy: "reject",
        honourDeadline: null,
        suspendedAt: new Date(start).toISOString(),
      })),
    );
    expect(
      await api.hub.channelSuspensions.may("wallet-a", {
        capability: "bill_payment",
        billPresentedAtMs: start - 1,
      }),
    ).toEqual({
      allowed: false,
      code: "channel_suspended",
      capability: "bill_payment",
    });

    now = start + hour;
    const lifted = await lift();
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect((lifted.json() as ChannelBody).suspensions).toEqual([]);
    expect(
      await api.hub.channelSuspensions.may("wallet-a", { capability: "bill_inquiry" }),
    ).toEqual({
      allowed: true,
      honoured: false,
    });

    const events = await deliveredEvents(receiver);
    expect(events.map((event) => [event.type, event.data])).toEqual([
      [
        "channel.suspended",
        {
          channelId: "wallet-a",
          capabilities: channelCapabilityNames,
          reason: "Flooding billers",
          policy: "reject",
          honourDeadline: null,
        },
      ],
      [
        "channel.suspension_lifted",
        {
          channelId: "wallet-a",
          capabilities: channelCapabilityNames,
          reason: null,
          policy: null,
          honourDeadline: null,
        },
      ],
    ]);
    const history = (await stateOf()).history;
    expect(history.map((step) => [step.kind, step.by])).toEqual([
      ["lifted", "test operator"],
      ["suspended", "test operator"],
    ]);
    expect(events.map((event) => event.id)).toEqual([
      `channel.suspended:wallet-a:${history[1]?.id}`,
      `channel.suspension_lifted:wallet-a:${history[0]?.id}`,
    ]);
    expect(await auditActions()).toEqual(["channel.lift", "channel.suspend"]);
  });

  it("honours payments for bills presented before the suspension until the deadline", async () => {
    await createChannel();
    const receiver = await subscribe();
    const deadline = start + 72 * hour;
    const suspended = await suspend({
      capabilities: "all",
      reason: "Terminating the contract",
      policy: "honour_presented",
      honourDeadline: new Date(deadline).toISOString(),
    });
    expect(suspended.statusCode, suspended.body).toBe(201);

    const may = api.hub.channelSuspensions;
    const before = { capability: "bill_payment" as const, billPresentedAtMs: start - 1 };
    const after = { capability: "bill_payment" as const, billPresentedAtMs: start };
    now = deadline - 1;
    expect(await may.may("wallet-a", before)).toEqual({ allowed: true, honoured: true });
    expect(await may.may("wallet-a", after)).toMatchObject({
      allowed: false,
      code: "channel_suspended",
    });
    expect(await may.may("wallet-a", { capability: "bill_inquiry" })).toMatchObject({
      allowed: false,
      code: "channel_suspended",
    });
    now = deadline;
    expect(await may.may("wallet-a", before)).toMatchObject({
      allowed: false,
      code: "honour_deadline_passed",
    });

    const [event] = await deliveredEvents(receiver);
    expect(event?.data).toEqual({
      channelId: "wallet-a",
      capabilities: channelCapabilityNames,
      reason: "Terminating the contract",
      policy: "honour_presented",
      honourDeadline: new Date(deadline).toISOString(),
    });
  });

  it("suspends and lifts one capability at a time", async () => {
    await createChannel("bank-a", "bank");
    expect(
      (
        await suspend(
          { capabilities: ["bill_inquiry"], reason: "Scheduled inquiries", policy: "reject" },
          "bank-a",
        )
      ).statusCode,
    ).toBe(201);
    expect(await api.hub.channelSuspensions.may("bank-a", { capability: "bill_payment" })).toEqual({
      allowed: true,
      honoured: false,
    });
    const both = await suspend(
      { capabilities: ["bill_payment"], reason: "Later", policy: "reject" },
      "bank-a",
    );
    expect((both.json() as ChannelBody).suspensions.map((s) => s.capability)).toEqual(
      channelCapabilityNames,
    );
    const lifted = await lift({ capabilities: ["bill_inquiry"] }, "bank-a");
    expect((lifted.json() as ChannelBody).suspensions.map((s) => s.capability)).toEqual([
      "bill_payment",
    ]);
  });

  it("refuses bad requests with their codes and writes nothing", async () => {
    await createChannel();
    const biller = await api.call("POST", "/operator/v1/participants", {
      id: "water-co",
      name: "Water Co",
      kind: "biller",
      currencies: [{ currency: "CNY", netDebitCap: "0" }],
    });
    expect(biller.statusCode, biller.body).toBe(201);
    expect(
      (await suspend({ capabilities: ["bill_inquiry"], reason: "r", policy: "reject" })).statusCode,
    ).toBe(201);
    const before = await snapshotStore(api.hub.database);
    const reject = { capabilities: ["bill_payment"], reason: "Flooding", policy: "reject" };
    const honour = (deadline: number, capabilities: unknown = "all") => ({
      capabilities,
      reason: "Flooding",
      policy: "honour_presented",
      honourDeadline: new Date(deadline).toISOString(),
    });
    expectProblem(await suspend(reject, "nobody"), 404, "participant_not_found");
    expectProblem(await suspend(reject, "water-co"), 422, "participant_not_channel");
    expectProblem(await suspend(reject, "operator"), 422, "participant_not_channel");
    expectProblem(
      await suspend({ ...reject, capabilities: [] }),
      422,
      "suspension_capabilities_empty",
    );
    expectProblem(await suspend({ ...reject, reason: " " }), 422, "suspension_reason_invalid");
    expectProblem(
      await suspend({ ...reject, reason: "x".repeat(501) }),
      422,
      "suspension_reason_invalid",
    );
    expectProblem(await suspend({ ...reject, capabilities: ["barcode"] }), 400, "request_invalid");
    expectProblem(
      await suspend({ ...reject, policy: "honour_presented" }),
      422,
      "honour_deadline_missing",
    );
    expectProblem(
      await suspend({ ...honour(start + hour), policy: "reject" }),
      422,
      "honour_deadline_unexpected",
    );
    expectProblem(await suspend(honour(start - 1)), 422, "honour_deadline_past");
    expectProblem(await suspend(honour(start)), 422, "honour_deadline_past");
    expectProblem(
      await suspend(honour(start + honourWindowMaxMs + 1)),
      422,
      "honour_deadline_too_far",
    );
    expectProblem(
      await suspend(honour(start + hour, ["bill_inquiry"])),
      422,
      "honour_policy_not_applicable",
    );
    expectProblem(
      await suspend({ ...reject, capabilities: ["bill_inquiry"] }),
      409,
      "capability_already_suspended",
    );
    expectProblem(await lift({ capabilities: ["bill_payment"] }), 409, "capability_not_suspended");
    expectProblem(await lift({ capabilities: [] }), 422, "suspension_capabilities_empty");
    expectProblem(await lift({}, "nobody"), 404, "participant_not_found");
    expectProblem(await lift({}, "water-co"), 422, "participant_not_channel");
    expectProblem(await api.call("GET", suspensions("water-co")), 422, "participant_not_channel");
    expect(await snapshotStore(api.hub.database)).toEqual(before);

    await createChannel("wallet-b");
    const fresh = await snapshotStore(api.hub.database);
    expectProblem(await lift({}, "wallet-b"), 409, "channel_not_suspended");
    expect(await snapshotStore(api.hub.database)).toEqual(fresh);
  });

  it("terminates a channel only with a second operator's approval", async () => {
    await createChannel();
    const receiver = await subscribe();
    await suspend({
      capabilities: "all",
      reason: "Flooding billers",
      policy: "honour_presented",
      honourDeadline: new Date(start + 72 * hour).toISOString(),
    });
    const termination = `/operator/v1/participants/wallet-a/termination`;
    expectProblem(
      await api.call("POST", termination, { reason: "" }),
      422,
      "suspension_reason_invalid",
    );
    const proposed = await api.call("POST", termination, { reason: "Contract ended" });
    expect(proposed.statusCode, proposed.body).toBe(202);
    const { approval } = proposed.json() as { approval: { id: string; action: string } };
    expect(approval.action).toBe("channel.terminate");
    expect((await stateOf()).status).toBe("active");
    const selfApproved = await api.call("POST", `/operator/v1/approvals/${approval.id}/approve`);
    expect(selfApproved.statusCode).not.toBe(200);
    expect((await stateOf()).status).toBe("active");

    const approved = await api.callAs(
      api.approverToken,
      "POST",
      `/operator/v1/approvals/${approval.id}/approve`,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    const after = await stateOf();
    expect(after.status).toBe("terminated");
    expect(after.suspensions).toEqual([]);
    expect(after.history.map((step) => [step.kind, step.reason, step.by])).toEqual([
      ["terminated", "Contract ended", "test approver"],
      ["suspended", "Flooding billers", "test operator"],
    ]);
    // Termination closes the honour window at once.
    expect(
      await api.hub.channelSuspensions.may("wallet-a", {
        capability: "bill_payment",
        billPresentedAtMs: start - 1,
      }),
    ).toEqual({ allowed: false, code: "channel_terminated" });
    const events = await deliveredEvents(receiver);
    expect(events.map((event) => event.type)).toEqual(["channel.suspended", "channel.terminated"]);
    expect(events[1]?.data).toMatchObject({
      reason: "Contract ended",
      capabilities: channelCapabilityNames,
    });
    expect(await auditActions()).toEqual(["channel.terminate", "channel.suspend"]);

    const before = await snapshotStore(api.hub.database);
    expectProblem(
      await api.call("POST", termination, { reason: "Again" }),
      409,
      "participant_terminated",
    );
    expectProblem(
      await suspend({ capabilities: "all", reason: "r", policy: "reject" }),
      409,
      "channel_terminated",
    );
    expectProblem(await lift(), 409, "channel_terminated");
    expect(await snapshotStore(api.hub.database)).toEqual(before);
  });

  it("lets viewers read the state but not change it", async () => {
    await createChannel();
    const viewer = await tokenWithRole(api, "viewer");
    expect((await api.callAs(viewer, "GET", suspensions())).statusCode).toBe(200);
    const refused = await api.callAs(viewer, "POST", suspensions(), {
      capabilities: "all",
      reason: "r",
      policy: "reject",
    });
    expectProblem(refused, 403, "role_insufficient");
  });
});

interface ChannelBody {
  channelId: string;
  status: string;
  suspensions: {
    capability: string;
    reason: string;
    policy: string;
    honourDeadline: string | null;
    suspendedAt: string;
  }[];
  history: { id: string; kind: string; reason: string | null; by: string }[];
}

interface EventBody {
  id: string;
  type: string;
  data: Record<string, unknown>;
}
