/**
 * The operator console end to end in Debian's Chromium, against a hub listening on a real port
 * on SQLite: every main page is opened, checked for accessibility and kept as a screenshot, and
 * one real action per page goes through the operator API, whose own answer the page must show.
 */
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleContentSecurityPolicy } from "../../src/api/console-route.ts";
import { newBankOperation } from "../../src/app/payments/new-bank-operation.ts";
import type { ListeningHub } from "../api/listening-hub.ts";
import { pinnedAgreement } from "../support/agreements.ts";
import { insertOutboxRows } from "../support/outbox.ts";
import { chromiumAvailable, expectAccessible, screenshot } from "./console-browser.ts";
import {
  type ConsoleFixture,
  type ConsoleTab,
  eventually,
  logIn,
  openConsoleFixture,
  unexpectedErrors,
} from "./console-fixture.ts";

const enabled = chromiumAvailable();

interface Overview {
  currencies: { currency: string; participants: { participantId: string; reserve: string }[] }[];
}

describe.skipIf(!enabled)("the operator console in Chromium [sqlite]", () => {
  let fixture: ConsoleFixture;
  let hub: ListeningHub;
  const api: ConsoleFixture["api"] = (method, url, body) => fixture.api(method, url, body);
  const openConsole: ConsoleFixture["openConsole"] = (path, operator) =>
    fixture.openConsole(path, operator);
  const closeClean = (tab: ConsoleTab) => fixture.closeClean(tab);

  beforeAll(async () => {
    fixture = await openConsoleFixture("sqlite");
    hub = fixture.hub;
    await api("POST", "/participants", {
      id: "bank-east",
      name: "East Coast Bank",
      kind: "bank",
      currencies: [{ currency: "CNY", netDebitCap: "1000000.00" }],
    });
    await api("POST", "/participants", {
      id: "wallet-alpha",
      name: "Alpha Pay",
      kind: "payment_institution",
      currencies: [{ currency: "CNY", netDebitCap: "500000.00" }],
    });
    await api("POST", "/participants/wallet-alpha/funds", {
      id: "seed-deposit",
      direction: "in",
      amount: "250000.00",
      currency: "CNY",
    });
    for (const id of ["branch-1", "unified"]) {
      await api("POST", "/banks/bank-east/endpoints", {
        id,
        url: `https://quickpay.bank-east.example/${id}`,
      });
    }
  }, 60_000);

  afterAll(async () => {
    await fixture?.dispose();
  });

  it("answers every console address with the shell, under a strict policy", async () => {
    for (const path of ["/console", "/console/participants/bank-east", "/console/no/such/page"]) {
      const answer = await hub.send({ method: "GET", path, headers: [] });
      expect(answer.status, path).toBe(200);
      expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(answer.headers["content-security-policy"]).toBe(consoleContentSecurityPolicy);
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["referrer-policy"]).toBe("no-referrer");
      expect(answer.body).not.toMatch(/<script>|<style>|style=/);
    }
    expect(consoleContentSecurityPolicy).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    const shell = await hub.send({ method: "GET", path: "/console", headers: [] });
    const script = /src="(\/console\/assets\/app\.[0-9a-f]{10}\.js)"/.exec(shell.body)?.[1];
    expect(script).toBeDefined();
    const asset = await hub.send({ method: "GET", path: script ?? "", headers: [] });
    expect(asset.status).toBe(200);
    expect(asset.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const unknown = await hub.send({ method: "GET", path: "/console/assets/app.js", headers: [] });
    expect(unknown.status).toBe(404);
  });

  it("keeps the network overview live: funds moved elsewhere show without a reload", async () => {
    const tab = await openConsole("/overview");
    const { page } = tab;
    const reserveCell = page.locator('tr[data-participant="wallet-alpha"] [data-field="reserve"]');
    const reserveOf = async () => {
      const overview = await api<Overview>("GET", "/network-overview");
      const cny = overview.currencies.find((entry) => entry.currency === "CNY");
      return cny?.participants.find((row) => row.participantId === "wallet-alpha")?.reserve;
    };
    await eventually(() => reserveCell.textContent()).toBe(await reserveOf());
    await screenshot(page, "overview");
    await expectAccessible(page, "the network overview");
    // A mark the page keeps only as long as it is not reloaded.
    await page.evaluate(() => {
      (globalThis as { notReloaded?: boolean }).notReloaded = true;
    });
    const before = await reserveOf();
    await api("POST", "/participants/wallet-alpha/funds", {
      id: "live-deposit",
      direction: "in",
      amount: "100.00",
      currency: "CNY",
    });
    const after = await reserveOf();
    expect(after).not.toBe(before);
    await eventually(() => reserveCell.textContent()).toBe(after);
    expect(await page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await closeClean(tab);
  });

  it("filters participants by kind as the API does", async () => {
    const tab = await openConsole("/participants");
    const { page } = tab;
    const filters = page.getByRole("form", { name: "Filter participants" });
    await filters.getByLabel("Kind").selectOption("bank");
    await filters.getByRole("button", { name: "Filter" }).click();
    await eventually(() => page.url()).toBe(`${hub.origin}/console/participants?kind=bank`);
    const banks = await api<{ items: { id: string }[] }>("GET", "/participants?kind=bank");
    await eventually(() =>
      page
        .locator("tr[data-participant]")
        .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-participant"))),
    ).toEqual(banks.items.map((bank) => bank.id));
    await closeClean(tab);
  });

  it("moves funds on a participant's page and shows the balance the API answers", async () => {
    const tab = await openConsole("/participants/wallet-alpha");
    const { page } = tab;
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(
      "Alpha Pay",
    );
    await screenshot(page, "participant");
    await expectAccessible(page, "the participant page");

    const funds = page.getByRole("region", { name: "Funds in and out" });
    await funds.getByLabel("Amount").fill("1234.50");
    await funds.getByRole("button", { name: "Move funds" }).click();
    await eventually(() => funds.getByRole("status").textContent()).toContain(
      "Deposit of 1234.50 CNY recorded",
    );
    const detail = await api<{ accounts: { kind: string; currency: string; balance: string }[] }>(
      "GET",
      "/participants/wallet-alpha",
    );
    const settlement = detail.accounts.find((account) => account.kind === "settlement");
    expect(settlement?.balance).toBeDefined();
    await eventually(() =>
      page.locator('tr[data-account="settlement-CNY"] [data-field="balance"]').textContent(),
    ).toBe(settlement?.balance);
    await closeClean(tab);
  });

  it("shows the API's problem, title and code, when an action is refused", async () => {
    const tab = await openConsole("/participants/wallet-alpha");
    const { page } = tab;
    const cap = page.getByRole("region", { name: "Net debit cap" });
    await cap.getByLabel("Cap").fill("12.345");
    await cap.getByRole("button", { name: "Set cap" }).click();
    const refused = await hub.call(
      "PUT",
      "/operator/v1/participants/wallet-alpha/net-debit-caps/CNY",
      {
        amount: "12.345",
      },
    );
    const problem = refused.json() as { title: string; code: string };
    const alert = cap.getByRole("alert");
    await eventually(() => alert.textContent()).toContain(problem.title);
    expect(await alert.locator(".problem-code").textContent()).toBe(problem.code);
    // Chromium reports the refused request on the console: that line, and only it, is expected.
    expect(unexpectedErrors(tab)).toEqual([
      expect.stringMatching(
        new RegExp(`status of ${refused.statusCode} .*/wallet-alpha/net-debit-caps/CNY\\)$`),
      ),
    ]);
    tab.watch.errors.length = 0;
    await closeClean(tab);
  });

  it("adds, rotates and revokes a participant's keys", async () => {
    const tab = await openConsole("/participants/bank-east");
    const { page } = tab;
    const keys = page.getByRole("region", { name: "Signing keys" });
    await keys.getByLabel("New public key (base64url)").fill(newPublicKey());
    await keys.getByRole("button", { name: "Add key" }).click();
    await eventually(() => keys.getByRole("status").textContent()).toMatch(/^Key .* added\.$/);
    await keys.getByLabel("Replacement public key").fill(newPublicKey());
    await keys.getByRole("button", { name: "Rotate key" }).click();
    await eventually(() => keys.getByRole("status").textContent()).toMatch(/replaced by/);
    const listed = await api<{ items: { keyId: string; status: string }[] }>(
      "GET",
      "/participants/bank-east/keys",
    );
    const active = listed.items.find((key) => key.status === "active");
    expect(listed.items.map((key) => key.status).sort()).toEqual(["active", "revoked"]);
    await keys
      .locator(`tr[data-key="${active?.keyId}"]`)
      .getByRole("button", { name: "Revoke" })
      .click();
    await keys.getByRole("button", { name: `Revoke ${active?.keyId} now` }).click();
    await eventually(() => keys.getByRole("status").textContent()).toBe(
      `Key ${active?.keyId} revoked.`,
    );
    const after = await api<{ items: { status: string }[] }>("GET", "/participants/bank-east/keys");
    expect(after.items.map((key) => key.status)).toEqual(["revoked", "revoked"]);
    await closeClean(tab);
  });

  it("changes a migration's weight and rolls it back on a bank's page", async () => {
    await api("POST", "/banks/bank-east/endpoint-migrations", {
      id: "consolidate",
      fromEndpointId: "branch-1",
      toEndpointId: "unified",
      weightPercent: 10,
    });
    for (const [id, endpoint, state] of [
      ["ag-1", "branch-1", "active"],
      ["ag-2", "branch-1", "failed"],
      ["ag-3", "unified", "active"],
    ] as const) {
      const inserted = await hub.hub.agreementStore.insert(
        pinnedAgreement(id, "bank-east", endpoint, state, "wallet-alpha"),
      );
      expect(inserted.ok).toBe(true);
    }
    const tab = await openConsole("/banks/bank-east");
    const { page } = tab;
    const { items: pinned } = await api<{
      items: { endpointId: string; active: number; total: number }[];
    }>("GET", "/banks/bank-east/pinned-agreements");
    expect(pinned).toEqual([
      { endpointId: "branch-1", active: 1, total: 2 },
      { endpointId: "unified", active: 1, total: 1 },
    ]);
    await eventually(() =>
      page.locator('tr[data-endpoint="branch-1"] [data-field="pinned"]').textContent(),
    ).toBe("2 (1)");
    expect(
      await page.locator('tr[data-endpoint="unified"] [data-field="pinned"]').textContent(),
    ).toBe("1 (1)");
    const row = page.locator('tr[data-migration="consolidate"]');
    await eventually(() => row.locator('[data-field="weightPercent"]').textContent()).toBe("10%");
    await eventually(() => page.locator('tr[data-endpoint="branch-1"]').textContent()).toContain(
      "90% of its pinned agreements stay; 10% go to unified",
    );
    await screenshot(page, "bank");
    await expectAccessible(page, "the bank page");

    await row.getByLabel("Weight %").fill("40");
    await row.getByRole("button", { name: "Set weight" }).click();
    await eventually(() => row.locator('[data-field="weightPercent"]').textContent()).toBe("40%");
    const migration = await api<{ weightPercent: number }>(
      "GET",
      "/banks/bank-east/endpoint-migrations/consolidate",
    );
    expect(migration.weightPercent).toBe(40);

    await row.getByRole("button", { name: "Roll back" }).click();
    await row.getByRole("button", { name: "Roll consolidate back" }).click();
    await eventually(() => row.locator(".badge").textContent()).toBe("rolled_back");
    const rolledBack = await api<{ state: string }>(
      "GET",
      "/banks/bank-east/endpoint-migrations/consolidate",
    );
    expect(rolledBack.state).toBe("rolled_back");

    // An active agreement is still pinned to unified: disabling it takes an explicit override.
    const unified = page.locator('tr[data-endpoint="unified"]');
    await unified.getByRole("button", { name: "Disable", exact: true }).click();
    const refused = await hub.call("PATCH", "/operator/v1/banks/bank-east/endpoints/unified", {
      enabled: false,
    });
    const problem = refused.json() as { code: string };
    expect(problem.code).toBe("bank_endpoint_in_use");
    await eventually(() => page.locator(".problem-code").textContent()).toBe(problem.code);
    await unified.getByRole("button", { name: "Disable anyway" }).click();
    await unified
      .getByRole("button", { name: "Disable unified: its agreements' calls will fail" })
      .click();
    await eventually(() => unified.textContent()).toContain("disabled");
    const { items: endpoints } = await api<{ items: { id: string; enabled: boolean }[] }>(
      "GET",
      "/banks/bank-east/endpoints",
    );
    expect(endpoints.find((endpoint) => endpoint.id === "unified")?.enabled).toBe(false);
    expect(unexpectedErrors(tab)).toEqual([
      expect.stringMatching(/status of 409 .*\/endpoints\/unified\)$/),
    ]);
    tab.watch.errors.length = 0;
    await closeClean(tab);
  });

  it("retires an endpoint from a bank's page and keeps it listed as retired", async () => {
    await api("POST", "/banks/bank-east/endpoints", {
      id: "spare",
      url: "https://quickpay.bank-east.example/spare",
    });
    const tab = await openConsole("/banks/bank-east");
    const { page } = tab;
    const spare = page.locator('tr[data-endpoint="spare"]');
    await spare.getByRole("button", { name: "Retire", exact: true }).click();
    await spare.getByRole("button", { name: "Retire spare for good" }).click();
    await eventually(() => spare.locator(".badge-retired").textContent()).toBe("retired");
    expect(await spare.getByRole("button").count()).toBe(0);
    const { items } = await api<{ items: { id: string; retiredAt: string | null }[] }>(
      "GET",
      "/banks/bank-east/endpoints",
    );
    expect(items.find((endpoint) => endpoint.id === "spare")?.retiredAt).toEqual(
      expect.any(String),
    );
    await closeClean(tab);
  });

  it("redelivers a dead webhook", async () => {
    await insertOutboxRows(hub.hub.database.kysely, [
      {
        participantId: "wallet-alpha",
        endpointId: "main",
        eventId: "transfer.credited:t-9",
        createdAt: Date.now(),
      },
    ]);
    await hub.hub.database.kysely
      .updateTable("webhook_deliveries")
      .set({ status: "dead", attempts: 8, last_error: "HTTP 500", last_status_code: 500 })
      .execute();
    const tab = await openConsole("/webhook-deliveries?status=dead");
    const { page } = tab;
    const row = page.locator("tr[data-delivery]").first();
    await eventually(() => row.textContent()).toContain("HTTP 500");
    await screenshot(page, "webhook-deliveries");
    await expectAccessible(page, "the webhook deliveries page");
    await row.getByRole("button", { name: "Redeliver" }).click();
    await eventually(() => page.getByRole("status").textContent()).toContain("queued again");
    const { items } = await api<{ items: { status: string; attempts: number }[] }>(
      "GET",
      "/webhook-deliveries",
    );
    expect(items.map(({ status, attempts }) => ({ status, attempts }))).toEqual([
      { status: "pending", attempts: 0 },
    ]);
    await closeClean(tab);
  });

  it("shows the audit log with its verified chain, and filters it", async () => {
    const tab = await openConsole("/audit-log");
    const { page } = tab;
    const verification = await api<{ ok: boolean; entries: number }>(
      "GET",
      "/audit-log/verification",
    );
    expect(verification.ok).toBe(true);
    await eventually(() => page.getByTestId("chain-status").textContent()).toContain(
      `Chain verified: ${verification.entries} entries`,
    );
    await screenshot(page, "audit-log");
    await expectAccessible(page, "the audit log");
    await page.getByLabel("Action").selectOption("participant.funds_move");
    await page.getByRole("button", { name: "Filter" }).click();
    const moves = await api<{ items: { seq: number }[] }>(
      "GET",
      "/audit-log?action=participant.funds_move",
    );
    await eventually(() =>
      page
        .locator("tr[data-seq]")
        .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-seq")))),
    ).toEqual(moves.items.map((entry) => entry.seq));
    expect(new URL(page.url()).search).toBe("?action=participant.funds_move");
    await closeClean(tab);
  });

  it("searches transfers by participant, as the API answers", async () => {
    const tab = await openConsole("/transfers");
    const { page } = tab;
    const form = page.getByRole("form", { name: "Search transfers" });
    await form.getByLabel("Participant", { exact: true }).fill("wallet-alpha");
    await form.getByLabel("Kind").selectOption("posted");
    await form.getByRole("button", { name: "Search" }).click();
    const found = await api<{ items: { id: string; amount: string }[] }>(
      "GET",
      "/transfers?participant=wallet-alpha&kind=posted&limit=50",
    );
    expect(found.items.length).toBeGreaterThan(0);
    await eventually(() =>
      page
        .locator("tr[data-transfer]")
        .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-transfer"))),
    ).toEqual(found.items.map((item) => item.id));
    expect(new URL(page.url()).search).toBe("?participant=wallet-alpha&kind=posted");
    await screenshot(page, "transfers");
    await expectAccessible(page, "the transfer search");
    await closeClean(tab);
  });

  it("lists stuck operations and inquires now", async () => {
    await api("POST", "/participants", {
      id: "bank-quiet",
      name: "Quiet Bank",
      kind: "bank",
      currencies: [{ currency: "CNY", netDebitCap: "1000.00" }],
    });
    const operation = newBankOperation(
      {
        paymentInstitutionId: "wallet-alpha",
        id: "pay-lost",
        kind: "debit",
        bankId: "bank-quiet",
        agreementId: "ag-1",
        originalId: null,
        amountMinor: 5000n,
        currency: "CNY",
        requestHash: "h",
      },
      Date.now() - 3_600_000,
      1_000,
    );
    expect((await hub.hub.bankOperationStore.insert(operation)).ok).toBe(true);
    const unknown = { ...operation, state: "unknown" as const };
    expect((await hub.hub.bankOperationStore.update(unknown, "processing")).ok).toBe(true);

    const tab = await openConsole("/stuck-operations");
    const { page } = tab;
    const stuck = await api<{ items: { id: string; state: string }[] }>(
      "GET",
      "/stuck-operations?olderThanSeconds=60",
    );
    expect(stuck.items.map((item) => item.id)).toEqual(["pay-lost"]);
    const row = page.locator('tr[data-operation="pay-lost"]');
    await eventually(() => row.locator(".badge").textContent()).toBe("unknown");
    await screenshot(page, "stuck-operations");
    await expectAccessible(page, "the stuck operations");
    await row.getByRole("button", { name: "Inquire now" }).click();
    // Quiet Bank has no endpoint: the inquiry cannot reach it, and the operation stays unknown.
    await eventually(() => page.getByRole("status").textContent()).toBe(
      "Asked the bank about pay-lost: now unknown.",
    );
    const after = await api<{ items: { id: string; state: string; inquiries: number }[] }>(
      "GET",
      "/bank-operations?participant=wallet-alpha",
    );
    expect(after.items.find((item) => item.id === "pay-lost")?.state).toBe("unknown");
    await closeClean(tab);
  });

  it("traces a transfer end to end, from the transfer search", async () => {
    const tab = await openConsole("/transfers?participant=wallet-alpha");
    const { page } = tab;
    await page.locator('tr[data-transfer="seed-deposit"]').getByRole("link").click();
    await eventually(() => page.url()).toBe(`${hub.origin}/console/trace/seed-deposit`);
    const trace = await api<{ transfers: { id: string }[]; auditEntries: { seq: number }[] }>(
      "GET",
      "/traces/seed-deposit",
    );
    expect(trace.transfers.map((transfer) => transfer.id)).toEqual(["seed-deposit"]);
    const transfers = page.getByRole("table", { name: "Ledger transfers" });
    await eventually(() => transfers.locator("tbody tr").count()).toBe(trace.transfers.length);
    expect(await transfers.textContent()).toContain("seed-deposit");
    const audit = page.getByRole("table", { name: "Audit entries" });
    expect(await audit.locator("tbody tr").count()).toBe(trace.auditEntries.length);
    await screenshot(page, "trace");
    await expectAccessible(page, "the trace");
    await closeClean(tab);
  });

  it("raises a cap with four eyes: one operator proposes, another approves in her own browser", async () => {
    const otto = await openConsole("/participants/bank-east", "otto-operator");
    const cap = otto.page.getByRole("region", { name: "Net debit cap" });
    await cap.getByLabel("Cap").fill("2000000.00");
    await cap.getByRole("button", { name: "Set cap" }).click();
    await eventually(() => cap.getByRole("status").textContent()).toMatch(
      /^Proposed for approval by a second operator \(approval .+\)\.$/,
    );
    const { items: pending } = await api<{ items: { id: string; proposedBy: { name: string } }[] }>(
      "GET",
      "/approvals?state=pending",
    );
    expect(pending.map((approval) => approval.proposedBy.name)).toEqual(["otto-operator"]);
    const approvalId = pending[0]?.id ?? "";

    // The proposer may not approve his own proposal: the console does not offer it.
    await otto.page.getByRole("navigation").getByRole("link", { name: "Approvals" }).click();
    const ownRow = otto.page.locator(`tr[data-approval="${approvalId}"]`);
    await eventually(() => ownRow.textContent()).toContain("another operator decides");
    expect(await ownRow.getByRole("button", { name: "Approve" }).count()).toBe(0);

    const olga = await openConsole("/approvals", "olga-operator");
    const row = olga.page.locator(`tr[data-approval="${approvalId}"]`);
    await eventually(() => row.textContent()).toContain("otto-operator");
    await screenshot(olga.page, "approvals");
    await expectAccessible(olga.page, "the approvals page");
    await row.getByRole("button", { name: "Approve" }).click();
    await eventually(() => olga.page.getByRole("status").textContent()).toContain("approved");
    const bank = await api<{ accounts: { kind: string; netDebitCap?: string }[] }>(
      "GET",
      "/participants/bank-east",
    );
    expect(bank.accounts.find((account) => account.kind === "position")?.netDebitCap).toBe(
      "2000000.00",
    );
    await closeClean(otto);
    await closeClean(olga);
  });

  it("shows a viewer the pages without the actions, and logs out", async () => {
    const tab = await openConsole("/participants/wallet-alpha", "vera-viewer");
    const { page } = tab;
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(
      "Alpha Pay",
    );
    await eventually(() => page.getByRole("table", { name: "Accounts" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Move funds" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Change status" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Add key" }).count()).toBe(0);
    expect(await page.locator(".who .role").textContent()).toBe("viewer");

    await page.getByRole("button", { name: "Log out" }).click();
    await eventually(() => page.getByRole("form", { name: "Log in" }).count()).toBe(1);
    await screenshot(page, "login");
    await expectAccessible(page, "the login page");
    await page.reload();
    await eventually(() => page.getByRole("form", { name: "Log in" }).count()).toBe(1);
    await logIn(page, "vera-viewer");
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(
      "Alpha Pay",
    );
    await closeClean(tab);
  });

  it("keeps the address: a deep link opens its page on reload, and back returns", async () => {
    const tab = await openConsole("/participants");
    const { page } = tab;
    await page.getByRole("link", { name: "bank-east" }).click();
    await eventually(() => page.url()).toBe(`${hub.origin}/console/participants/bank-east`);
    await page.reload();
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(
      "East Coast Bank",
    );
    await page.goBack();
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Participants",
    );
    await screenshot(page, "participants");
    await expectAccessible(page, "the participants page");
    await page.getByRole("navigation").getByRole("link", { name: "Banks" }).click();
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Banks");
    expect(await page.getByRole("link", { name: "Banks" }).getAttribute("aria-current")).toBe(
      "page",
    );
    await closeClean(tab);
  });
});

/** A fresh Ed25519 public key, as unpadded base64url. */
function newPublicKey(): string {
  return generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" }).x ?? "";
}
