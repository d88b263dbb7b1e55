/**
 * The channel API obeys the operator's suspensions, on each store: bill inquiries and bill
 * payments ask before anything is written or any biller is called. Under `reject` nothing goes
 * through; under `honour_presented` only a payment quoting a bill presented before the
 * suspension, and only until the deadline; a terminated channel nothing; a lift restores the
 * channel. Each refusal is checked through the HTTP API and at the use-case, and proven to have
 * written nothing (no presentment, no payment, no ledger transfer) and reached no biller. A
 * payment whose money moved before a crash still gets its row on retry, suspended or not.
 */
import { afterEach, expect, it } from "vitest";
import type { Participant } from "../../src/domain/participant/participant.ts";
import { describeEachBackend } from "../support/backends.ts";
import { type ApiHarness, allBalances, expectProblem } from "./api-harness.ts";
import {
  closeBillPaymentNetworks,
  liWei,
  openNetwork,
  pay,
  position,
} from "./bill-payment-network.ts";
import type { ParticipantClient } from "./participant-client.ts";
import { snapshotStore, storeChanges } from "./store-snapshot.ts";

const minute = 60_000;
const start = Date.UTC(2026, 11, 1, 8, 0, 0);
let now = start;

afterEach(async () => {
  await closeBillPaymentNetworks();
  now = start;
});

/** One clock for the suspension, the presentments and the payments, moved by the test. */
async function openClockedNetwork(backend: "sqlite" | "postgres") {
  const clock = () => now;
  return openNetwork(backend, {
    operatorClock: clock,
    billerClock: clock,
    billPaymentClock: clock,
  });
}

const inquiry = { billerId: "water-co", customerParameters: liWei, initiation: "user" } as const;

async function presentBill(channel: ParticipantClient): Promise<string> {
  const inquired = await channel.call("POST", "/v1/bill-inquiries", inquiry);
  expect(inquired.statusCode, inquired.body).toBe(200);
  const [bill] = (inquired.json() as { bills: { billRef: string }[] }).bills;
  if (bill === undefined) throw new Error("the biller presented no bill");
  return bill.billRef;
}

function suspend(api: ApiHarness, body: Record<string, unknown>) {
  return api.call("POST", "/operator/v1/participants/wallet-a/suspensions", body);
}

const byRef = (billRef: string) => ({ customerParameters: undefined, billRef, amount: "86.40" });

async function walletA(api: ApiHarness): Promise<Participant> {
  const found = await api.hub.participantStore.findParticipant("wallet-a");
  if (found === undefined) throw new Error("wallet-a is not onboarded");
  return found;
}

/** A payment as the use-case takes it, quoting a bill or, without one, paying directly. */
function newPayment(id: string, billRef?: string) {
  return {
    id,
    billerId: "water-co",
    ...(billRef === undefined ? { customerParameters: liWei } : { billRef }),
    amountMinor: 86_40n,
    currency: "EUR",
    requestHash: `hash-${id}`,
  };
}

/**
 * Runs the refused requests and proves they wrote nothing but the signatures' nonces, moved no
 * money and never reached the biller.
 */
/**
 * The crash between a payment's two writes: its clearing transfer committed, its row never
 * written. Answers the channel's position after the money moved.
 */
async function payThenLoseRow(
  api: ApiHarness,
  wallet: Participant,
  id: string,
  billRef?: string,
): Promise<bigint> {
  const paid = await api.hub.billPayments.pay(wallet, newPayment(id, billRef));
  expect(paid).toMatchObject({ ok: true, created: true });
  await api.hub.billPayments.drain();
  await api.hub.database.kysely.deleteFrom("bill_payments").where("id", "=", id).execute();
  return position(api, "wallet-a");
}

async function expectNothingWritten(
  net: Awaited<ReturnType<typeof openClockedNetwork>>,
  refused: () => Promise<void>,
): Promise<void> {
  // Postings of earlier payments run in the background: settled first, they change nothing here.
  await net.api.hub.billPayments.drain();
  const before = await snapshotStore(net.api.hub.database);
  const balances = await allBalances(net.api);
  const billerCalls = net.biller.load().startedTotal;
  await refused();
  const { seen_nonces: _nonces, ...changes } = storeChanges(
    before,
    await snapshotStore(net.api.hub.database),
  );
  expect(changes).toEqual({});
  expect(await allBalances(net.api)).toEqual(balances);
  expect(net.biller.load().startedTotal).toBe(billerCalls);
}

describeEachBackend("channel suspensions in the channel API", (backend) => {
  it("refuses inquiries and every payment under reject, and serves the channel again once lifted", async () => {
    const net = await openClockedNetwork(backend);
    const { api, channel } = net;
    const billRef = await presentBill(channel);
    now += minute;
    const suspended = await suspend(api, {
      capabilities: "all",
      reason: "Suspected fraud",
      policy: "reject",
    });
    expect(suspended.statusCode, suspended.body).toBe(201);
    const wallet = await walletA(api);
    await expectNothingWritten(net, async () => {
      expectProblem(
        await channel.call("POST", "/v1/bill-inquiries", inquiry),
        409,
        "channel_suspended",
      );
      expectProblem(await pay(channel, "bp-ref", byRef(billRef)), 409, "channel_suspended");
      expectProblem(await pay(channel, "bp-direct"), 409, "channel_suspended");
      expect(await api.hub.billInquiries.inquire("wallet-a", inquiry)).toEqual({
        ok: false,
        code: "channel_suspended",
      });
      expect(await api.hub.billPayments.pay(wallet, newPayment("bp-uc", billRef))).toEqual({
        ok: false,
        code: "channel_suspended",
      });
    });

    now += minute;
    const lifted = await api.call(
      "POST",
      "/operator/v1/participants/wallet-a/suspensions/lift",
      {},
    );
    expect(lifted.statusCode, lifted.body).toBe(200);
    const paid = await pay(channel, "bp-ref", byRef(billRef));
    expect(paid.statusCode, paid.body).toBe(201);
    expect((await pay(channel, "bp-direct")).statusCode).toBe(201);
    const inquired = await channel.call("POST", "/v1/bill-inquiries", inquiry);
    expect(inquired.statusCode, inquired.body).toBe(200);
  });

  it("refuses inquiries alone when only they are suspended, before any biller is asked", async () => {
    const net = await openClockedNetwork(backend);
    const { api, channel } = net;
    const suspended = await suspend(api, {
      capabilities: ["bill_inquiry"],
      reason: "Scheduled inquiries flood billers",
      policy: "reject",
    });
    expect(suspended.statusCode, suspended.body).toBe(201);
    await expectNothingWritten(net, async () => {
      expectProblem(
        await channel.call("POST", "/v1/bill-inquiries", inquiry),
        409,
        "channel_suspended",
      );
      const scheduled = { ...inquiry, initiation: "scheduled" } as const;
      expect(await api.hub.billInquiries.inquire("wallet-a", scheduled)).toEqual({
        ok: false,
        code: "channel_suspended",
      });
    });
    expect((await pay(channel, "bp-direct")).statusCode).toBe(201);
  });

  it("honours a bill presented before the suspension until the deadline, and nothing else", async () => {
    const net = await openClockedNetwork(backend);
    const { api, channel } = net;
    const [first, second, third] = [
      await presentBill(channel),
      await presentBill(channel),
      await presentBill(channel),
    ];
    now += minute;
    const deadline = now + 10 * minute;
    const suspended = await suspend(api, {
      capabilities: ["bill_payment"],
      reason: "Settlement overdue",
      policy: "honour_presented",
      honourDeadline: new Date(deadline).toISOString(),
    });
    expect(suspended.statusCode, suspended.body).toBe(201);
    // Inquiries go on, but what they present now is not covered by the honour policy.
    const presentedAfter = await presentBill(channel);

    now += minute;
    const honoured = await pay(channel, "bp-honoured", byRef(first as string));
    expect(honoured.statusCode, honoured.body).toBe(201);
    expect(honoured.json()).toMatchObject({ state: "accepted", billRef: first });
    const wallet = await walletA(api);
    const atUseCase = await api.hub.billPayments.pay(wallet, newPayment("bp-uc", second));
    expect(atUseCase).toMatchObject({ ok: true, created: true, honoured: true });
    const metrics = (await api.hub.metrics.render()).body;
    expect(metrics).toContain('clearhub_channel_honoured_payments_total{channel="wallet-a"} 2');

    await expectNothingWritten(net, async () => {
      expectProblem(
        await pay(channel, "bp-late-bill", byRef(presentedAfter)),
        409,
        "channel_suspended",
      );
      expectProblem(await pay(channel, "bp-direct"), 409, "channel_suspended");
      expect(await api.hub.billPayments.pay(wallet, newPayment("bp-uc-direct"))).toEqual({
        ok: false,
        code: "channel_suspended",
      });
    });

    // The window is half-open: at the deadline itself the third bill is refused.
    now = deadline;
    await expectNothingWritten(net, async () => {
      expectProblem(
        await pay(channel, "bp-too-late", byRef(third as string)),
        409,
        "honour_deadline_passed",
      );
      expect(await api.hub.billPayments.pay(wallet, newPayment("bp-uc-late", third))).toEqual({
        ok: false,
        code: "honour_deadline_passed",
      });
    });
    // An honoured payment stays what it was: its retry answers it, and pays nothing twice.
    const replayed = await pay(channel, "bp-honoured", byRef(first as string));
    expect(replayed.statusCode, replayed.body).toBe(201);
    expect((await api.hub.metrics.render()).body).toContain(
      'clearhub_channel_honoured_payments_total{channel="wallet-a"} 2',
    );
  });

  it("lets a retry write the payment whose money moved before a crash, whatever the suspension says now", async () => {
    const net = await openClockedNetwork(backend);
    const { api } = net;
    const wallet = await walletA(api);
    const walletPosition = await payThenLoseRow(api, wallet, "bp-crashed");
    const suspended = await suspend(api, {
      capabilities: "all",
      reason: "Fraud",
      policy: "reject",
    });
    expect(suspended.statusCode, suspended.body).toBe(201);

    const retried = await api.hub.billPayments.pay(wallet, newPayment("bp-crashed"));
    expect(retried).toMatchObject({ ok: true, created: true, honoured: false });
    expect(await position(api, "wallet-a")).toBe(walletPosition);
    expect(await api.hub.billPayments.pay(wallet, newPayment("bp-new"))).toEqual({
      ok: false,
      code: "channel_suspended",
    });
  });

  it("keeps a bill presented before the suspension payable past its reference's expiry, until the deadline", async () => {
    const net = await openClockedNetwork(backend);
    const { api, channel } = net;
    const billRef = await presentBill(channel);
    const other = await presentBill(channel);
    now += minute;
    const deadline = now + 3 * 24 * 60 * minute;
    const suspended = await suspend(api, {
      capabilities: ["bill_payment"],
      reason: "Settlement overdue",
      policy: "honour_presented",
      honourDeadline: new Date(deadline).toISOString(),
    });
    expect(suspended.statusCode, suspended.body).toBe(201);
    // Two hours on, long past the reference's 30 minutes: the users who paid the channel for
    // this bill are still served, as the honour policy promises, until its deadline.
    now += 120 * minute;
    const honoured = await pay(channel, "bp-late-honoured", byRef(billRef));
    expect(honoured.statusCode, honoured.body).toBe(201);
    now = deadline;
    await expectNothingWritten(net, async () => {
      expectProblem(
        await pay(channel, "bp-past-deadline", byRef(other)),
        409,
        "honour_deadline_passed",
      );
    });
  });

  it("lets a retry write the payment whose money moved before a crash, however long its reference has expired", async () => {
    const net = await openClockedNetwork(backend);
    const { api, channel } = net;
    const billRef = await presentBill(channel);
    const wallet = await walletA(api);
    const walletPosition = await payThenLoseRow(api, wallet, "bp-crashed", billRef);
    now += 60 * minute;
    const retried = await api.hub.billPayments.pay(wallet, newPayment("bp-crashed", billRef));
    expect(retried).toMatchObject({ ok: true, created: true });
    expect(await position(api, "wallet-a")).toBe(walletPosition);
    // A payment that never moved money is held to the expiry as always.
    expect(await api.hub.billPayments.pay(wallet, newPayment("bp-new", billRef))).toEqual({
      ok: false,
      code: "bill_ref_expired",
    });
  });

  it("refuses a suspended participant and a terminated channel everything", async () => {
    const net = await openClockedNetwork(backend);
    const { api, channel } = net;
    const billRef = await presentBill(channel);
    const wallet = await walletA(api);
    const status = (body: { status: string }) =>
      api.call("POST", "/operator/v1/participants/wallet-a/status", body);
    expect((await status({ status: "suspended" })).statusCode).toBe(200);
    await expectNothingWritten(net, async () => {
      expectProblem(
        await channel.call("POST", "/v1/bill-inquiries", inquiry),
        409,
        "participant_inactive",
      );
      expectProblem(await pay(channel, "bp-ref", byRef(billRef)), 409, "participant_inactive");
    });
    expect((await status({ status: "active" })).statusCode).toBe(200);

    const terminated = await api.callApproved(
      "POST",
      "/operator/v1/participants/wallet-a/termination",
      { reason: "Licence withdrawn" },
    );
    expect(terminated.statusCode, terminated.body).toBe(200);
    await expectNothingWritten(net, async () => {
      // The channel's keys stop working at once: the API refuses it before any use-case.
      expectProblem(
        await channel.call("POST", "/v1/bill-inquiries", inquiry),
        401,
        "key_owner_terminated",
      );
      expectProblem(await pay(channel, "bp-ref", byRef(billRef)), 401, "key_owner_terminated");
      // A request already past authentication asks the use-case, which refuses it too.
      expect(await api.hub.billInquiries.inquire("wallet-a", inquiry)).toEqual({
        ok: false,
        code: "channel_terminated",
      });
      expect(await api.hub.billPayments.pay(wallet, newPayment("bp-uc", billRef))).toEqual({
        ok: false,
        code: "channel_terminated",
      });
    });
  });
});
