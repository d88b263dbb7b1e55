/**
 * Barcode payments in the operator console, in Debian's Chromium on SQLite: an acquirer's
 * merchants (registered through the signed participant API), the code-prefix routing table and
 * the barcode limits (set through approved operator proposals), and payments (a merchant-presented
 * one paid through POST /v1/qr-payments, a consumer-presented one written with a sealed number
 * and a call to its issuer). The operator reads them through GET /operator/v1/barcode-payments,
 * finds them on the pages, opens one with its trace, and proposes prefix and limit changes that
 * wait on the Approvals page. A presented number is only ever shown masked.
 */
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KyselyBankCallLog } from "../../src/adapters/store/kysely-bank-call-log.ts";
import { KyselyBarcodePaymentStore } from "../../src/adapters/store/kysely-barcode-payment-store.ts";
import {
  type BarcodePayment,
  barcodeClearingTransferIdOf,
  barcodePaymentIdOf,
} from "../../src/domain/barcode/barcode-payment.ts";
import { storeSevenPayload } from "../api/barcode-network.ts";
import { onboardParticipant, type ParticipantClient } from "../api/participant-client.ts";
import {
  chromiumAvailable,
  expectAccessible,
  screenshot,
  screenshotDir,
} from "./console-browser.ts";
import {
  type ConsoleFixture,
  eventually,
  headingOf,
  openConsoleFixture,
} from "./console-fixture.ts";

const enabled = chromiumAvailable();

interface PaymentView {
  paymentId: string;
  instrument: string;
  state: string;
  amount: string;
  maskedNumber: string | null;
}
interface Trace {
  payment: PaymentView & { initiatorId: string };
  calls: { call: string; outcome: string }[];
  transfers: { id: string; payerId: string; payeeId: string; amount: string }[];
}
interface Approval {
  id: string;
  action: string;
  subject: string;
  payload: Record<string, unknown>;
}

/** The consumer-presented number as the acquirer read it; it must never reach a page. */
const sealedNumber = "sealed:6201556677889900";
const maskedNumber = "6201********9900";

/** A consumer-presented payment the issuer declined, as the lead's flow will write one. */
function declinedPayment(at: number): BarcodePayment {
  return {
    initiatorId: "bank-alpha",
    id: "pos-9",
    paymentId: barcodePaymentIdOf("bank-alpha", "pos-9"),
    instrument: "payment_code",
    issuerId: "wallet-a",
    acquirerId: "bank-alpha",
    merchantId: "store-7",
    amountMinor: 1250n,
    currency: "EUR",
    orderReference: null,
    sealedNumber,
    maskedNumber,
    customerKey: null,
    verificationLevel: null,
    requestHash: "0".repeat(64),
    state: "declined",
    authorizationCode: null,
    failureCode: "insufficient_funds",
    failureText: "The customer's balance is too low",
    refundedMinor: 0n,
    nextInquiryAt: at,
    inquiries: 0,
    createdAt: at,
    updatedAt: at,
    settledAt: at,
  };
}

/** Saves the page where the console tests keep screenshots, and a copy in /tmp to look at. */
async function shoot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await copyFile(join(screenshotDir, `${name}.png`), `/tmp/barcode-console-${name}.png`);
}

describe.skipIf(!enabled)("barcode payments in the console [sqlite]", () => {
  let fixture: ConsoleFixture;
  let wallet: ParticipantClient;
  let qrPaymentId: string;
  let declined: BarcodePayment;

  const listed = async (query = "") =>
    (await fixture.api<{ items: PaymentView[]; nextCursor: string | null }>(
      "GET",
      `/barcode-payments${query}`,
    )) as { items: PaymentView[]; nextCursor: string | null };
  const pendingApprovals = async () =>
    (await fixture.api<{ items: Approval[] }>("GET", "/approvals?state=pending")).items;

  beforeAll(async () => {
    fixture = await openConsoleFixture("sqlite");
    const { hub } = fixture;
    wallet = await onboardParticipant(hub, "wallet-a", "payment_institution");
    const acquirer = await onboardParticipant(hub, "bank-alpha", "bank");
    for (const [merchantId, name] of [
      ["store-7", "Tea House Lin"],
      ["store-8", "Noodle Bar Wu"],
    ] as const) {
      const registered = await acquirer.call("PUT", `/v1/merchants/${merchantId}`, {
        name,
        merchantCategoryCode: "5814",
        city: "Hangzhou",
        countryCode: "CN",
      });
      expect(registered.statusCode, registered.body).toBe(201);
    }
    const closed = await acquirer.call("POST", "/v1/merchants/store-8/close");
    expect(closed.statusCode, closed.body).toBe(200);
    for (const [method, url, body] of [
      ["PUT", "/operator/v1/barcode-limits/EUR", { A: null, B: "50.00", C: "20.00", D: "10.00" }],
      [
        "POST",
        "/operator/v1/code-prefixes",
        { prefix: "6201", issuerId: "wallet-a", instrument: "payment_code" },
      ],
    ] as const) {
      const approved = await hub.callApproved(method, url, body);
      expect(approved.statusCode, approved.body).toBeLessThan(300);
    }
    const paid = await wallet.call("POST", "/v1/qr-payments", {
      id: "qr-1",
      payload: storeSevenPayload(),
      amount: "7.50",
      currency: "EUR",
      payer: { customerRef: "cust-1", verificationLevel: "B" },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const qr = paid.json() as { paymentId: string; createdAt: string };
    qrPaymentId = qr.paymentId;
    // A second later: the newer of the two, listed first.
    declined = declinedPayment(Date.parse(qr.createdAt) + 1_000);
    const { database } = hub.hub;
    const store = new KyselyBarcodePaymentStore(database.kysely, database.dialect);
    expect((await store.insert(declined, [])).created).toBe(true);
    await new KyselyBankCallLog(database.kysely).record({
      at: declined.createdAt,
      participantId: "wallet-a",
      endpointId: "wallet-a-primary",
      transactionId: declined.paymentId,
      call: "authorisation",
      attempt: 1,
      outcome: "answered:declined",
      detail: "insufficient_funds",
      latencyMs: 42,
    });
  }, 60_000);

  afterAll(async () => {
    await fixture?.dispose();
  });

  it("lists barcode payments newest first, filters and pages them, and traces one", async () => {
    const all = await listed();
    expect(all.items.map((payment) => payment.paymentId)).toEqual([
      declined.paymentId,
      qrPaymentId,
    ]);
    expect(all.nextCursor).toBeNull();
    expect((await listed("?instrument=static_qr")).items.map((p) => p.paymentId)).toEqual([
      qrPaymentId,
    ]);
    expect((await listed("?state=declined&issuer=wallet-a")).items).toHaveLength(1);
    expect((await listed("?merchant=store-8")).items).toEqual([]);
    expect((await listed("?acquirer=wallet-a")).items).toEqual([]);
    const first = await listed("?limit=1");
    expect(first.items.map((p) => p.paymentId)).toEqual([declined.paymentId]);
    const second = await listed(`?limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((p) => p.paymentId)).toEqual([qrPaymentId]);
    const refused = await fixture.hub.call("GET", "/operator/v1/barcode-payments?cursor=abc");
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: "cursor_invalid" });
    // The list never carries the sealed number, only the masked one.
    expect(JSON.stringify(all)).not.toContain(sealedNumber);
    expect(all.items[0]?.maskedNumber).toBe(maskedNumber);

    const trace = await fixture.api<Trace>("GET", `/barcode-payments/${qrPaymentId}`);
    expect(trace.payment).toMatchObject({ initiatorId: "wallet-a", state: "succeeded" });
    expect(trace.calls).toEqual([]);
    expect(trace.transfers).toEqual([
      expect.objectContaining({
        id: barcodeClearingTransferIdOf("wallet-a", "qr-1"),
        payerId: "wallet-a",
        payeeId: "bank-alpha",
        amount: "7.50",
      }),
    ]);
    const declinedTrace = await fixture.api<Trace>(
      "GET",
      `/barcode-payments/${declined.paymentId}`,
    );
    expect(declinedTrace.calls).toEqual([
      expect.objectContaining({ call: "authorisation", outcome: "answered:declined" }),
    ]);
    expect(declinedTrace.transfers).toEqual([]);
    const missing = await fixture.hub.call("GET", "/operator/v1/barcode-payments/bc-nothing");
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: "barcode_payment_not_found" });
  });

  it("shows the payments, filters them, and opens one with its calls and transfers", async () => {
    const tab = await fixture.openConsole("/overview", "vera-viewer");
    const { page } = tab;
    await page.getByRole("navigation").getByRole("link", { name: "Barcode payments" }).click();
    await eventually(() => headingOf(page)).toBe("Barcode payments");
    const rows = page.locator("tr[data-payment]");
    await eventually(() => rows.count()).toBe((await listed()).items.length);
    await expect(
      page.locator(`tr[data-payment="${declined.paymentId}"]`).textContent(),
    ).resolves.toContain(maskedNumber);
    await shoot(page, "barcode-payments");
    await expectAccessible(page, "the barcode payments");

    const filters = page.getByRole("form", { name: "Filter barcode payments" });
    await filters.getByLabel("Instrument").selectOption("static_qr");
    await filters.getByRole("button", { name: "Filter" }).click();
    await eventually(() => new URL(page.url()).search).toBe("?instrument=static_qr");
    await eventually(() => rows.count()).toBe(1);

    await page.getByRole("link", { name: qrPaymentId }).click();
    await eventually(() => headingOf(page)).toBe(`Barcode payment ${qrPaymentId}`);
    const summary = page.getByTestId("barcode-payment");
    await eventually(() => summary.locator('[data-field="State"] dd').textContent()).toBe(
      "succeeded",
    );
    await expect(summary.locator('[data-field="Amount"] dd').textContent()).resolves.toBe(
      "7.50 EUR",
    );
    const clearing = barcodeClearingTransferIdOf("wallet-a", "qr-1");
    await eventually(() => page.locator(`tr[data-transfer="${clearing}"]`).count()).toBe(1);
    await expect(page.getByText("No call to the issuer").count()).resolves.toBe(1);
    await shoot(page, "barcode-payment");
    await expectAccessible(page, "a barcode payment");

    await page.goto(`${fixture.hub.origin}/console/barcode-payments/${declined.paymentId}`);
    await eventually(() => page.locator("tr[data-call]").count()).toBe(1);
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toContain(maskedNumber);
    expect(text).toContain("insufficient_funds");
    expect(text).not.toContain(sealedNumber);
    expect(text).toContain("No ledger transfer");
    await shoot(page, "barcode-payment-declined");
    await fixture.closeClean(tab);
  });

  it("lists the acquirers and an acquirer's merchants with their status", async () => {
    const tab = await fixture.openConsole("/overview", "vera-viewer");
    const { page } = tab;
    await page.getByRole("navigation").getByRole("link", { name: "Merchants" }).click();
    await eventually(() => headingOf(page)).toBe("Merchants and acquirers");
    await eventually(() => page.locator("tr[data-acquirer]").count()).toBe(2);
    await shoot(page, "acquirers");
    await expectAccessible(page, "the acquirers");
    await page.locator('tr[data-acquirer="bank-alpha"]').getByRole("link").click();
    await eventually(() => headingOf(page)).toBe("Merchants of bank-alpha");
    const merchants = await fixture.api<{ items: { merchantId: string; status: string }[] }>(
      "GET",
      "/participants/bank-alpha/merchants",
    );
    await eventually(() => page.locator("tr[data-merchant]").count()).toBe(merchants.items.length);
    for (const merchant of merchants.items) {
      const status = page.locator(
        `tr[data-merchant="${merchant.merchantId}"] [data-field="status"]`,
      );
      await expect(status.textContent()).resolves.toBe(merchant.status);
    }
    expect(merchants.items.map((m) => [m.merchantId, m.status]).sort()).toEqual([
      ["store-7", "active"],
      ["store-8", "closed"],
    ]);
    await shoot(page, "acquirer-merchants");
    await expectAccessible(page, "an acquirer's merchants");
    await fixture.closeClean(tab);
  });

  it("shows the prefix table and proposes an assignment and a removal for a second operator", async () => {
    const tab = await fixture.openConsole("/code-prefixes", "otto-operator");
    const { page } = tab;
    await eventually(() => page.locator('tr[data-prefix="6201"]').textContent()).toContain(
      "wallet-a",
    );
    const assign = page.getByRole("region", { name: "Assign a prefix (four eyes)" });
    await assign.getByLabel("Prefix (2 to 10 digits)").fill("6300");
    await assign.getByLabel("Issuer").fill("wallet-a");
    await assign.getByLabel("Instrument").selectOption("prepaid_card");
    await assign.getByRole("button", { name: "Propose assignment" }).click();
    await eventually(() => page.getByRole("status").first().textContent()).toContain(
      "Proposed for approval",
    );
    const row = page.locator('tr[data-prefix="6201"]');
    await row.getByRole("button", { name: "Remove…" }).click();
    await row.getByRole("button", { name: "Propose removing 6201" }).click();
    await eventually(async () => (await pendingApprovals()).map((a) => a.action).sort()).toEqual([
      "code_prefix.assign",
      "code_prefix.remove",
    ]);
    // Nothing changed yet: the table still routes 6201 and has no 6300.
    const table = await fixture.api<{ items: { prefix: string }[] }>("GET", "/code-prefixes");
    expect(table.items.map((entry) => entry.prefix)).toEqual(["6201"]);
    await shoot(page, "code-prefixes");
    await expectAccessible(page, "the code prefixes");
    await fixture.closeClean(tab);

    const approver = await fixture.openConsole("/approvals", "olga-operator");
    const approvals = approver.page.locator("tr[data-approval]");
    await eventually(() => approvals.count()).toBe(2);
    const assignment = (await pendingApprovals()).find((a) => a.action === "code_prefix.assign");
    const assignmentRow = approver.page.locator(`tr[data-approval="${assignment?.id}"]`);
    await expect(assignmentRow.textContent()).resolves.toContain("6300");
    await assignmentRow.getByRole("button", { name: "Approve" }).click();
    await eventually(async () =>
      (await fixture.api<{ items: { prefix: string }[] }>("GET", "/code-prefixes")).items.map(
        (entry) => entry.prefix,
      ),
    ).toEqual(["6201", "6300"]);
    for (const approval of await pendingApprovals()) {
      await fixture.hub.call("POST", `/operator/v1/approvals/${approval.id}/reject`);
    }
    await fixture.closeClean(approver);

    const viewer = await fixture.openConsole("/code-prefixes", "vera-viewer");
    await eventually(() => viewer.page.locator("tr[data-prefix]").count()).toBe(2);
    await expect(
      viewer.page.getByRole("button").filter({ hasText: "Remove" }).count(),
    ).resolves.toBe(0);
    await expect(viewer.page.getByRole("form").count()).resolves.toBe(0);
    await fixture.closeClean(viewer);
  });

  it("shows each currency's limits and proposes a change for a second operator", async () => {
    const tab = await fixture.openConsole("/barcode-limits", "otto-operator");
    const { page } = tab;
    const eur = page.locator('tr[data-currency="EUR"]');
    await eventually(() => eur.locator('[data-level="B"]').textContent()).toBe("50.00 EUR");
    await expect(eur.locator('[data-level="A"]').textContent()).resolves.toBe("no limit");
    await expect(eur.locator('[data-level="D"]').textContent()).resolves.toBe("10.00 EUR");
    const propose = page.getByRole("region", { name: "Propose a currency's limits (four eyes)" });
    await propose.getByLabel("Currency").fill("eur");
    await propose.getByLabel("Level B").fill("80.00");
    await propose.getByLabel("Level C").fill("20.00");
    await propose.getByLabel("Level D").fill("10.00");
    await propose.getByRole("button", { name: "Propose limits" }).click();
    await eventually(() => propose.getByRole("status").textContent()).toContain(
      "Proposed for approval",
    );
    const [proposal] = (await pendingApprovals()).filter((a) => a.action === "barcode_limits.set");
    expect(proposal?.payload).toEqual({
      currency: "EUR",
      A: null,
      B: "80.00",
      C: "20.00",
      D: "10.00",
    });
    // Still the old limits until another operator approves.
    await page.reload();
    await eventually(() => eur.locator('[data-level="B"]').textContent()).toBe("50.00 EUR");
    await shoot(page, "barcode-limits");
    await expectAccessible(page, "the barcode limits");
    await fixture.closeClean(tab);
  });
});
