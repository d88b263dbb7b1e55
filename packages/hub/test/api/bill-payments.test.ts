/**
 * Bill payments end to end, on each store: a channel pays through the participant API, the
 * payment clears in the ledger at once, and the hub posts it to a simulated biller over signed
 * HTTP. Refused requests write nothing; the amount is held to the biller's exactness rule; a
 * posting survives the biller's outage and a hub restart (a new hub on the same store) with the
 * biller's postings and the ledger in exact agreement; a dropped answer is settled by inquiry;
 * a rejection and a reversal each clear the money back once; a posting unsettled past its
 * deadline is reported `posting_failed`. The status-inquiry job runs pass by pass, by hand.
 */
import { randomUUID } from "node:crypto";
import { afterEach, expect, it } from "vitest";
import { generateDataKeyEntry } from "../../src/adapters/crypto/data-key-entry.ts";
import { KyselyBillPresentmentStore } from "../../src/adapters/store/kysely-bill-presentment-store.ts";
import { replayedHeader } from "../../src/api/participant/create-transfer-route.ts";
import { buildServer } from "../../src/api/server.ts";
import { findCurrency } from "../../src/domain/money/currency.ts";
import { openHub } from "../../src/hub.ts";
import { describeEachBackend } from "../support/backends.ts";
import { loopbackNetworks, testPasswordHashing } from "../support/test-hub.ts";
import { type ApiHarness, allBalances, expectProblem } from "./api-harness.ts";
import {
  closeAfterTest,
  closeBillPaymentNetworks,
  dayMs,
  liWei,
  openNetwork,
  pay,
  position,
  timings,
  water,
} from "./bill-payment-network.ts";
import { onboardParticipant } from "./participant-client.ts";
import { snapshotStore, storeChanges } from "./store-snapshot.ts";

const eur = findCurrency("EUR") ?? { code: "EUR", minorUnits: 2 };

async function outboxTypes(api: ApiHarness) {
  const rows = await api.hub.database.kysely
    .selectFrom("webhook_deliveries")
    .select("event_type")
    .execute()
    .catch(() => []);
  return rows.map((row) => (row as { event_type: string }).event_type);
}

afterEach(closeBillPaymentNetworks);

describeEachBackend("bill payments", (backend) => {
  it("clears a payment at once, posts it once and shows the biller's receipt; a retry pays nothing twice", async () => {
    const { api, channel, biller } = await openNetwork(backend);
    const paid = await pay(channel, "bp-1");
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({ id: "bp-1", state: "accepted", amount: "25.00" });
    expect(await position(api, "wallet-a")).toBe(-2500n);
    expect(await position(api, "water-co")).toBe(2500n);
    await api.hub.billPayments.drain();
    const shown = await channel.call("GET", "/v1/bill-payments/bp-1");
    expect(shown.json()).toMatchObject({ state: "posted", failure: null });
    const { postingId, receiptNumber } = shown.json() as {
      postingId: string;
      receiptNumber: string;
    };
    expect(biller.posting(postingId)?.answer).toMatchObject({ status: "accepted", receiptNumber });
    const again = await pay(channel, "bp-1");
    expect(again.statusCode).toBe(201);
    expect(again.headers[replayedHeader.toLowerCase()]).toBe("true");
    expectProblem(await pay(channel, "bp-1", { amount: "26.00" }), 409, "idempotency_key_reused");
    expect(await position(api, "water-co")).toBe(2500n);
    expect(biller.postings()).toHaveLength(1);
    expectProblem(
      await channel.call("GET", "/v1/bill-payments/nope"),
      404,
      "bill_payment_not_found",
    );
  });

  it("pays a bill the channel inquired, exactly, and the biller marks that bill paid", async () => {
    const { api, channel, biller } = await openNetwork(backend);
    await api.call("PUT", "/operator/v1/billers/water-co", {
      ...water,
      amountExactness: "exact",
      billFetch: "mandatory",
    });
    const inquired = await channel.call("POST", "/v1/bill-inquiries", {
      billerId: "water-co",
      customerParameters: liWei,
      initiation: "user",
    });
    expect(inquired.statusCode, inquired.body).toBe(200);
    const [bill] = (inquired.json() as { bills: { billRef: string }[] }).bills;
    const byRef = { customerParameters: undefined, billRef: bill?.billRef };
    expectProblem(
      await pay(channel, "bp-0", { ...byRef, amount: "86.41" }),
      422,
      "amount_not_allowed",
    );
    const paid = await pay(channel, "bp-1", { ...byRef, amount: "86.40" });
    expect(paid.statusCode, paid.body).toBe(201);
    await api.hub.billPayments.drain();
    expect((await channel.call("GET", "/v1/bill-payments/bp-1")).json()).toMatchObject({
      state: "posted",
      billNumber: "W-2026-11",
    });
    expect(biller.customers()[0]?.bills[0]).toMatchObject({ state: "paid" });
  });

  it("keeps a billRef payable for the validity the hub is configured with, and not a moment longer", async () => {
    let now = Date.UTC(2026, 11, 1, 8, 0, 0);
    const presentedAt = now;
    const validityMs = 5 * 60_000;
    const clock = () => now;
    const { channel } = await openNetwork(backend, {
      billInquiry: { billRefValidityMs: validityMs },
      billerClock: clock,
      billPaymentClock: clock,
    });
    const present = async () => {
      const inquired = await channel.call("POST", "/v1/bill-inquiries", {
        billerId: "water-co",
        customerParameters: liWei,
        initiation: "user",
      });
      expect(inquired.statusCode, inquired.body).toBe(200);
      const [bill] = (inquired.json() as { bills: { billRef: string; expiresAt: string }[] }).bills;
      expect(bill?.expiresAt).toBe(new Date(presentedAt + validityMs).toISOString());
      return { customerParameters: undefined, billRef: bill?.billRef, amount: "86.40" };
    };
    const [first, second] = [await present(), await present()];
    now = presentedAt + validityMs - 1;
    expect((await pay(channel, "bp-in-time", first)).statusCode).toBe(201);
    now = presentedAt + validityMs;
    expectProblem(await pay(channel, "bp-too-late", second), 422, "bill_ref_expired");
  });

  it("refuses every bad request with its code and writes nothing", async () => {
    const { api, channel } = await openNetwork(backend);
    await onboardParticipant(api, "wallet-b", "payment_institution");
    const presentments = new KyselyBillPresentmentStore(
      api.hub.database.kysely,
      api.hub.fieldSealer,
    );
    const presented = (billRef: string, channelId: string, expiresAtMs: number) => ({
      billRef,
      channelId,
      billerId: "water-co",
      customerParameters: liWei,
      customerParamsHash: "h",
      bill: { billNumber: "W-1", currency: eur, amountDueMinor: 86_40n, dueDate: "2026-12-20" },
      presentedAtMs: Date.now() - 1_000,
      expiresAtMs,
    });
    await presentments.save([
      presented("ref-b", "wallet-b", Date.now() + 60_000),
      presented("ref-old", "wallet-a", Date.now() - 1),
      presented("ref-a", "wallet-a", Date.now() + 60_000),
    ]);
    const exactProfile = await api.call("PUT", "/operator/v1/billers/water-co", {
      ...water,
      amountExactness: "exact",
    });
    expect(exactProfile.statusCode, exactProfile.body).toBe(200);
    const before = await snapshotStore(api.hub.database);
    const balances = await allBalances(api);
    expectProblem(await pay(channel, "x1", { billerId: "gas-co" }), 404, "biller_not_found");
    const ref = { customerParameters: undefined, amount: "86.40" };
    expectProblem(
      await pay(channel, "x2", { ...ref, billRef: "ref-b" }),
      404,
      "bill_ref_not_found",
    );
    expectProblem(
      await pay(channel, "x3", { ...ref, billRef: "ref-zz" }),
      404,
      "bill_ref_not_found",
    );
    expectProblem(
      await pay(channel, "x4", { ...ref, billRef: "ref-old" }),
      422,
      "bill_ref_expired",
    );
    const under = expectProblem(
      await pay(channel, "x5", { ...ref, billRef: "ref-a", amount: "86.39" }),
      422,
      "amount_not_allowed",
    );
    expect(under.detail).toContain("exact");
    expectProblem(
      await pay(channel, "x6", { billRef: "ref-a", amount: "86.40" }),
      422,
      "bill_ref_or_parameters_required",
    );
    const badParams = expectProblem(
      await pay(channel, "x7", { customerParameters: { account_number: "12" } }),
      422,
      "customer_parameters_invalid",
    );
    expect(badParams.errors?.[0]).toMatchObject({ pointer: "/customerParameters/account_number" });
    // A direct payment under `exact`: there is no amount due to be exact to.
    expectProblem(await pay(channel, "x8"), 422, "amount_not_allowed");
    expectProblem(
      await pay(channel, "x9", { currency: "USD" }),
      422,
      "payment_currency_unsupported",
    );
    expectProblem(await pay(channel, "x10", { amount: "0.001" }), 422, "amount_too_precise");
    // The signatures' nonces are the only rows written: each request was signed afresh.
    const { seen_nonces: _nonces, ...changes } = storeChanges(
      before,
      await snapshotStore(api.hub.database),
    );
    expect(changes).toEqual({});
    expect(await allBalances(api)).toEqual(balances);
    const mandatory = { ...water, amountExactness: "exact", billFetch: "mandatory" };
    await api.call("PUT", "/operator/v1/billers/water-co", mandatory);
    expectProblem(await pay(channel, "x11"), 422, "direct_payment_not_allowed");
    const exact = await pay(channel, "x12", { ...ref, billRef: "ref-a" });
    expect(exact.statusCode, exact.body).toBe(201);
    expect(exact.json()).toMatchObject({ billRef: "ref-a", billNumber: "W-1" });
  });

  it("refuses a payment past the channel's reserve-following cap with exceeds_net_debit_cap, writing nothing", async () => {
    const { api, channel } = await openNetwork(backend);
    const rule = await api.callApproved(
      "PUT",
      "/operator/v1/participants/wallet-a/reserve-caps/EUR",
      { factor: "1" },
    );
    expect(rule.json()).toMatchObject({ result: { netDebitCap: "0.00" } });
    const funds = await api.call("POST", "/operator/v1/participants/wallet-a/funds", {
      id: "dep-1",
      direction: "in",
      amount: "40.00",
      currency: "EUR",
    });
    expect(funds.statusCode, funds.body).toBe(201);
    expect((await pay(channel, "bp-1")).statusCode).toBe(201);
    // bp-1's posting to the biller runs after its answer: done before the store is compared.
    await api.hub.billPayments.drain();
    const before = await snapshotStore(api.hub.database);
    // 25.00 owed of a 40.00 cap: another 25.00 would pass it.
    expectProblem(await pay(channel, "bp-2"), 422, "exceeds_net_debit_cap");
    const { seen_nonces: _nonces, ...changes } = storeChanges(
      before,
      await snapshotStore(api.hub.database),
    );
    expect(changes).toEqual({});
    expect(await position(api, "wallet-a")).toBe(-2500n);
    // The headroom left is payable to the cent.
    expect((await pay(channel, "bp-3", { amount: "15.00" })).statusCode).toBe(201);
  });

  it("posts across the biller's outage and a hub restart: nothing lost, nothing doubled", async () => {
    const dataKeys = generateDataKeyEntry(new Date()).entry;
    const net = await openNetwork(backend, { dataKeys });
    await net.proxy.down();
    const ids = ["bp-1", "bp-2", "bp-3"];
    for (const id of ids) expect((await pay(net.channel, id)).statusCode).toBe(201);
    await net.api.hub.billPayments.drain();
    expect(await net.api.hub.bankInquiry.pass()).toBe(3);
    for (const id of ids) {
      expect((await net.channel.call("GET", `/v1/bill-payments/${id}`)).json()).toMatchObject({
        state: "accepted",
      });
    }
    expect(net.biller.postings()).toHaveLength(0);
    await net.stopHub();
    await net.proxy.up();
    const database = net.api.test.database;
    const hub = await openHub({
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
      dataKeys,
      expirePendings: false,
      purgeExpired: false,
      dispatchWebhooks: false,
      inquireBankOperations: false,
      passwordHashing: testPasswordHashing,
      webhookAllowNetworks: loopbackNetworks,
      billPostingTimings: timings,
    });
    closeAfterTest(() => hub.close());
    const app = await buildServer(hub);
    closeAfterTest(() => app.close());
    expect(await hub.bankInquiry.pass()).toBe(3);
    expect(await hub.bankInquiry.pass()).toBe(0);
    const postings = net.biller.postings();
    expect(postings).toHaveLength(3);
    expect(postings.every((posting) => posting.answer.status === "accepted")).toBe(true);
    const rows = await hub.database.kysely.selectFrom("bill_payments").selectAll().execute();
    expect(rows.map((row) => row.state)).toEqual(["posted", "posted", "posted"]);
    expect(new Set(postings.map((p) => p.postingId))).toEqual(
      new Set(rows.map((r) => r.posting_id)),
    );
    const total = postings.reduce(
      (sum, p) => sum + BigInt(Math.round(Number(p.request?.amount) * 100)),
      0n,
    );
    const accounts = await hub.ledgerStore.readAllAccounts();
    const billerPosition = accounts.find(
      (a) => a.participantId === "water-co" && a.kind === "position",
    );
    expect(billerPosition && billerPosition.creditsPosted - billerPosition.debitsPosted).toBe(
      total,
    );
    expect(total).toBe(7500n);
  });

  it("settles a dropped answer by inquiry, without posting again", async () => {
    const { api, channel, biller } = await openNetwork(backend);
    biller.setFaults({ dropRate: 1 });
    expect((await pay(channel, "bp-1")).statusCode).toBe(201);
    await api.hub.billPayments.drain();
    expect((await channel.call("GET", "/v1/bill-payments/bp-1")).json()).toMatchObject({
      state: "posting",
    });
    biller.setFaults({ dropRate: 0 });
    await api.hub.bankInquiry.pass();
    expect((await channel.call("GET", "/v1/bill-payments/bp-1")).json()).toMatchObject({
      state: "posted",
    });
    expect(biller.postings()).toHaveLength(1);
    expect(await position(api, "water-co")).toBe(2500n);
  });

  it("clears a rejected posting back once and tells the channel", async () => {
    const { api, channel } = await openNetwork(backend);
    const stranger = { customerParameters: { account_number: "19999999" } };
    expect((await pay(channel, "bp-1", stranger)).statusCode).toBe(201);
    await api.hub.billPayments.drain();
    const shown = (await channel.call("GET", "/v1/bill-payments/bp-1")).json();
    expect(shown).toMatchObject({ state: "rejected", failure: { code: "customer_unknown" } });
    const payment = await api.hub.billPayments.find({ id: "wallet-a" } as never, "bp-1");
    if (!payment.ok) throw new Error("payment vanished");
    // A late settle (an inquiry racing the first answer) changes nothing and clears nothing again.
    await api.hub.billPostings.runner.settle(payment.payment, {
      kind: "failed",
      cause: "rejected",
      code: "declined",
      text: "again",
    });
    await api.hub.billPostings.kind.clearBack(payment.payment);
    expect(await position(api, "wallet-a")).toBe(0n);
    expect(await position(api, "water-co")).toBe(0n);
    expect(await outboxTypes(api)).not.toContain("bill_payment.posted");
  });

  it("clears a biller's reversal back once, however often the notice comes", async () => {
    const { api, channel, biller, billerClient } = await openNetwork(backend);
    expect((await pay(channel, "bp-1")).statusCode).toBe(201);
    await api.hub.billPayments.drain();
    const { postingId } = (await channel.call("GET", "/v1/bill-payments/bp-1")).json() as {
      postingId: string;
    };
    const reversed = biller.reversePosting(postingId, "duplicate_payment");
    if (!reversed.ok) throw new Error(reversed.reason);
    const notice = reversed.notice;
    const wrong = await billerClient.call("POST", "/v1/biller-notices/reversals", {
      ...notice,
      noticeId: randomUUID(),
      amount: "24.00",
    });
    expectProblem(wrong, 422, "reversal_amount_mismatch");
    expect(await position(api, "water-co")).toBe(2500n);
    for (const noticeId of [notice.noticeId, notice.noticeId, randomUUID()]) {
      const sent = await billerClient.call("POST", "/v1/biller-notices/reversals", {
        ...notice,
        noticeId,
      });
      expect(sent.statusCode, sent.body).toBe(204);
    }
    expect((await channel.call("GET", "/v1/bill-payments/bp-1")).json()).toMatchObject({
      state: "reversed",
    });
    expect(await position(api, "wallet-a")).toBe(0n);
    expect(await position(api, "water-co")).toBe(0n);
    const forbidden = await channel.call("POST", "/v1/biller-notices/reversals", notice);
    expectProblem(forbidden, 403, "operation_not_permitted");
  });

  it("gives a posting up as posting_failed once its deadline passes, the money left with the biller", async () => {
    let now = Date.now();
    const { api, channel, proxy, biller } = await openNetwork(backend, {
      billPaymentClock: () => now,
      billPostingTimings: { ...timings, postingDeadlineMs: 3 * dayMs },
    });
    await proxy.down();
    expect((await pay(channel, "bp-1")).statusCode).toBe(201);
    await api.hub.billPayments.drain();
    now += 3 * dayMs - 1;
    await api.hub.bankInquiry.pass();
    expect((await channel.call("GET", "/v1/bill-payments/bp-1")).json()).toMatchObject({
      state: "accepted",
    });
    now += 1;
    await api.hub.bankInquiry.pass();
    expect((await channel.call("GET", "/v1/bill-payments/bp-1")).json()).toMatchObject({
      state: "posting_failed",
      failure: { code: "posting_failed" },
    });
    const listed = await api.call("GET", "/operator/v1/bill-payments/posting-failed");
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toMatchObject({
      items: [{ id: "bp-1", channelId: "wallet-a", state: "posting_failed" }],
    });
    await proxy.up();
    expect(await api.hub.bankInquiry.pass()).toBe(0);
    expect(biller.postings()).toHaveLength(0);
    expect(await position(api, "water-co")).toBe(2500n);
  });
});
