/**
 * Settlement windows in the operator console, in Debian's Chromium on SQLite: an operator closes
 * the open window in the page and proposes its confirmation, a second operator approves it in a
 * browser of her own, and the page shows the window settled; a confirmation file is refused line
 * by line; a window is aborted into the next round; a short payer raises the liquidity warning;
 * a viewer sees the figures without the actions. Every check compares with the API's own answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, expectAccessible, screenshot } from "./console-browser.ts";
import { type ConsoleFixture, eventually, headingOf, unexpectedErrors } from "./console-fixture.ts";
import {
  openSettlementNetwork,
  type SettlementNetwork,
  settlementCurrencies,
} from "./settlement-network.ts";

const enabled = chromiumAvailable();

describe.skipIf(!enabled)("settlement windows in the console [sqlite]", () => {
  let network: SettlementNetwork;
  let fixture: ConsoleFixture;
  const api: ConsoleFixture["api"] = (method, url, body) => network.api(method, url, body);
  const accountOf = (participantId: string, kind: string, currency: string) =>
    network.accountOf(participantId, kind, currency);
  const pay = (id: string, from: string, to: string, amount: string, currency: string) =>
    network.pay(id, from, to, amount, currency);
  const traffic = (currency: string) => network.traffic(currency);
  const report = (windowId: string) => network.report(windowId);
  const approvePending = (subject: string) => network.approvePending(subject);

  beforeAll(async () => {
    network = await openSettlementNetwork("sqlite");
    fixture = network.fixture;
  }, 60_000);

  afterAll(async () => {
    await fixture?.dispose();
  });

  it("closes the open window in the page, proposes its confirmation, and a second operator approves it", async () => {
    await traffic("EUR");
    const otto = await fixture.openConsole("/settlement?currency=EUR", "otto-operator");
    const { page } = otto;
    await eventually(() => page.locator("tr[data-window]").count()).toBe(1);
    expect(await page.locator('tr[data-window="EUR-1"]').textContent()).toContain("open");
    await page.getByRole("link", { name: "EUR-1" }).click();
    await eventually(() => headingOf(page)).toBe("Settlement window EUR-1");
    await page.getByRole("button", { name: "Close EUR-1" }).click();
    await eventually(() => page.getByRole("status").first().textContent()).toBe(
      "Closed EUR-1; EUR-2 is open for new traffic.",
    );

    const closed = await report("EUR-1");
    expect(closed.window.state).toBe("closed");
    const positions = page.locator("tr[data-position]");
    await eventually(() => positions.count()).toBe(closed.positions.length);
    for (const position of closed.positions) {
      const row = page.locator(`tr[data-position="${position.participantId}"]`);
      expect(await row.locator('[data-field="net"]').textContent()).toBe(position.net);
    }
    // A negative net reads as owing, in words.
    expect(closed.positions.find((p) => p.participantId === "bank-north")?.net).toBe("-254.50");
    expect(
      await page.locator('tr[data-position="bank-north"] [data-field="standing"]').textContent(),
    ).toBe("owes 254.50 EUR");
    expect(
      await page.locator('tr[data-position="bank-south"] [data-field="standing"]').textContent(),
    ).toBe("receives 254.50 EUR");
    for (const instruction of closed.instructions) {
      const row = page.locator(`tr[data-instruction="${instruction.participantId}"]`);
      expect(await row.textContent()).toContain(instruction.direction);
      expect(await row.textContent()).toContain(instruction.amount);
      expect(await row.locator('[data-field="leg"]').textContent()).toBe("not posted");
    }
    expect(await page.getByTestId("liquidity-warning").count()).toBe(0);

    // The files the hub lists, each a link that downloads, with the session's cookie, what the
    // API answers.
    const { files } = await api<{ files: string[] }>("GET", "/settlement-windows/EUR-1/files");
    expect(files.some((name) => name.endsWith(".pacs.009.xml"))).toBe(true);
    await eventually(() => page.locator("ul.files a").allTextContents()).toEqual(files);
    const link = page.getByRole("link", { name: "instructions.csv" });
    const href = (await link.getAttribute("href")) ?? "";
    const downloaded = await otto.context.request.get(`${fixture.hub.origin}${href}`);
    expect(downloaded.status()).toBe(200);
    const direct = await fixture.hub.call(
      "GET",
      "/operator/v1/settlement-windows/EUR-1/files/instructions.csv",
    );
    expect(await downloaded.text()).toBe(direct.body);
    await screenshot(page, "settlement-window");
    await expectAccessible(page, "a closed settlement window");

    const proposal = page.getByRole("region", { name: "Confirm settlement (four eyes)" });
    await proposal.getByRole("radio", { name: /Every instruction/ }).check();
    await proposal.getByRole("button", { name: "Propose confirmation" }).click();
    const proposed = proposal.getByRole("status");
    await eventually(() => proposed.textContent()).toContain("Proposed for approval");
    expect(await proposed.textContent()).toContain("another operator approves it");
    const { items: pending } = await api<{
      items: { id: string; subject: string; proposedBy: { name: string } }[];
    }>("GET", "/approvals?state=pending");
    expect(pending.map((a) => [a.subject, a.proposedBy.name])).toEqual([
      ["settlement_window:EUR-1", "otto-operator"],
    ]);
    const approvalId = pending[0]?.id ?? "";
    expect(await proposed.getAttribute("data-approval")).toBe(approvalId);
    // Proposed, not done: nothing moved.
    expect((await report("EUR-1")).window.state).toBe("closed");
    // The page keeps saying so after a reload: the window's pending proposals are listed.
    const pendingRow = page.locator(`tr[data-pending-approval="${approvalId}"]`);
    await eventually(() => pendingRow.count()).toBe(1);
    await page.reload();
    await eventually(() => pendingRow.textContent()).toContain("otto-operator");
    expect(await pendingRow.textContent()).toContain("every instruction (all)");
    await screenshot(page, "settlement-window-proposed");

    const olga = await fixture.openConsole("/approvals", "olga-operator");
    const row = olga.page.locator(`tr[data-approval="${approvalId}"]`);
    await eventually(() => row.textContent()).toContain("settlement.confirm");
    await row.getByRole("button", { name: "Approve" }).click();
    await eventually(() => olga.page.getByRole("status").textContent()).toContain("approved");
    await fixture.closeClean(olga);

    const settled = await report("EUR-1");
    expect(settled.window.state).toBe("settled");
    expect((await accountOf("bank-south", "settlement", "EUR")).balance).toBe("254.50");
    await page.reload();
    await eventually(() => page.getByTestId("window-summary").textContent()).toContain("settled");
    for (const instruction of settled.instructions) {
      expect(instruction.leg).toBe("posted");
      const leg = page.locator(
        `tr[data-instruction="${instruction.participantId}"] [data-field="leg"]`,
      );
      await eventually(() => leg.textContent()).toBe("posted");
    }
    expect(await page.getByTestId("pending-confirmations").count()).toBe(0);
    // A settled window offers nothing more to do.
    expect(await page.getByRole("button", { name: "Propose confirmation" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Abort/ }).count()).toBe(0);
    await fixture.closeClean(otto);
  });

  it("refuses a confirmation file line by line, then settles from a matching one", async () => {
    await traffic("USD");
    await api("POST", "/settlement-windows/USD-1/close");
    const tab = await fixture.openConsole("/settlement/USD-1", "otto-operator");
    const { page } = tab;
    const section = page.getByRole("region", { name: "Confirm from the settlement bank's file" });
    const file = [
      "window_id,participant_id,direction,amount,currency",
      "USD-1,bank-north,pay,254.50,USD",
      "USD-1,bank-south,receive,254.51,USD",
      "USD-7,bank-north,pay,254.50,USD",
    ].join("\n");
    const refused = await fixture.hub.call(
      "POST",
      "/operator/v1/settlement-windows/USD-1/confirmation-file",
      { file },
    );
    expect(refused.statusCode).toBe(422);
    const errors = (refused.json() as { errors: { pointer: string; code: string }[] }).errors;
    expect(errors.map((e) => e.pointer)).toEqual(["/lines/3", "/lines/4"]);

    // A header alone confirms nobody: the page does not send it.
    await section
      .getByLabel("Confirmation file (CSV)")
      .fill("window_id,participant_id,direction,amount,currency\n");
    await section.getByRole("button", { name: "Confirm from file" }).click();
    await eventually(() => section.getByRole("alert").textContent()).toContain(
      "no line after its header",
    );
    expect((await report("USD-1")).window.state).toBe("closed");

    await section.getByLabel("Confirmation file (CSV)").fill(file);
    await section.getByRole("button", { name: "Confirm from file" }).click();
    const alert = section.getByRole("alert");
    await eventually(() => alert.textContent()).toContain("confirmation_file_mismatch");
    expect(
      await alert
        .locator("li")
        .evaluateAll((items) =>
          items.map((item) => [item.getAttribute("data-pointer"), item.textContent ?? ""]),
        ),
    ).toEqual(
      errors.map((e) => [
        e.pointer,
        expect.stringMatching(new RegExp(`^Line ${e.pointer.slice(7)}: ${e.code}`)),
      ]),
    );
    await screenshot(page, "settlement-file-refused");
    await expectAccessible(page, "a refused confirmation file");
    expect((await report("USD-1")).window.state).toBe("closed");
    expect(unexpectedErrors(tab)).toEqual([
      expect.stringMatching(/status of 422 .*\/settlement-windows\/USD-1\/confirmation-file\)$/),
    ]);
    tab.watch.errors.length = 0;

    // The same file, read from disk through the file input, once corrected.
    await section.getByLabel("Read from a file").setInputFiles({
      name: "usd-1-confirmation.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        [
          "window_id,participant_id,direction,amount,currency",
          "USD-1,bank-north,pay,254.50,USD",
          "USD-1,bank-south,receive,254.50,USD",
        ].join("\n"),
      ),
    });
    await eventually(() => section.getByLabel("Confirmation file (CSV)").inputValue()).toContain(
      "254.50,USD\nUSD-1,bank-south",
    );
    await section.getByRole("button", { name: "Confirm from file" }).click();
    // Said at the top of the page: a settled window no longer shows the form.
    await eventually(() => page.getByRole("status").textContent()).toBe(
      "Confirmed from the file: 2 legs posted; 0 posted before. USD-1 is settled.",
    );
    expect((await report("USD-1")).window.state).toBe("settled");
    await eventually(() => page.getByTestId("window-summary").textContent()).toContain("settled");
    await fixture.closeClean(tab);
  });

  it("aborts a closed window after a confirming click, carrying its positions into the next", async () => {
    await traffic("GBP");
    await api("POST", "/settlement-windows/GBP-1/close");
    const tab = await fixture.openConsole("/settlement/GBP-1", "otto-operator");
    const { page } = tab;
    const section = page.getByRole("region", { name: "Abort" });
    await section.getByRole("button", { name: "Abort GBP-1" }).click();
    // The first click only arms it: nothing is sent yet.
    expect((await report("GBP-1")).window.state).toBe("closed");
    await section.getByRole("button", { name: "Abort GBP-1 and carry its positions on" }).click();
    await eventually(() => page.getByRole("status").first().textContent()).toBe(
      "Aborted GBP-1: its positions are carried into GBP-2.",
    );
    expect((await report("GBP-1")).window).toMatchObject({
      state: "aborted",
      carriedInto: "GBP-2",
    });
    const summary = page.getByTestId("window-summary");
    await eventually(() => summary.textContent()).toContain("carried into GBP-2");
    await summary.getByRole("link", { name: "GBP-2" }).click();
    await eventually(() => headingOf(page)).toBe("Settlement window GBP-2");
    await eventually(() => page.getByTestId("window-summary").textContent()).toContain("open");
    // An open window has no files yet, and no link to one that would be refused.
    expect(await page.getByRole("region", { name: "Files" }).textContent()).toContain(
      "written when it closes",
    );
    expect(await page.locator("ul.files").count()).toBe(0);
    await fixture.closeClean(tab);
  });

  it("warns of a short payer with the three ways on, settles the others, then the payer once funded; a viewer sees no actions", async () => {
    await pay("CHF-thin", "wallet-thin", "bank-south", "80.00", "CHF");
    await api("POST", "/settlement-windows/CHF-1/close");
    const { shortfalls } = await report("CHF-1");
    expect(shortfalls).toEqual([
      { participantId: "wallet-thin", owes: "80.00", reserve: "0.00", shortBy: "80.00" },
    ]);
    const tab = await fixture.openConsole("/settlement/CHF-1", "otto-operator");
    const { page } = tab;
    const warning = page.getByRole("region", { name: /^Liquidity warning/ });
    await eventually(() => warning.count()).toBe(1);
    expect(await warning.getByRole("heading").first().textContent()).toBe(
      "Liquidity warning: 1 payer is short",
    );
    expect(await warning.locator('tr[data-shortfall="wallet-thin"]').textContent()).toBe(
      "wallet-thin80.00 CHF0.00 CHF80.00 CHF",
    );
    for (const way of ["Wait for funds", "Settle the others", "Abort"]) {
      expect(await warning.locator("dt", { hasText: way }).count()).toBe(1);
    }
    expect(await warning.textContent()).toContain("all_covered");
    expect(await page.locator('tr[data-instruction="wallet-thin"]').textContent()).toContain(
      "(short)",
    );
    await screenshot(page, "settlement-liquidity-warning");
    await expectAccessible(page, "a window with a short payer");

    // A viewer sees the warning and the figures, and no action at all.
    const viewer = await fixture.openConsole("/settlement/CHF-1", "vera-viewer");
    const seen = viewer.page.getByRole("region", { name: /^Liquidity warning/ });
    await eventually(() => seen.count()).toBe(1);
    await eventually(() => viewer.page.locator("tr[data-position]").count()).toBe(2);
    expect(await viewer.page.getByRole("button").allTextContents()).toEqual(["Log out"]);
    expect(await viewer.page.locator("form").count()).toBe(0);
    await fixture.closeClean(viewer);

    // Settle the others: the proposal names the scope, and waits for a second operator.
    const proposal = page.getByRole("region", { name: "Confirm settlement (four eyes)" });
    await proposal.getByRole("radio", { name: /Everyone covered/ }).check();
    await proposal.getByRole("button", { name: "Propose confirmation" }).click();
    await eventually(() => proposal.getByRole("status").textContent()).toContain(
      "Confirm for everyone covered (all_covered).",
    );
    await approvePending("settlement_window:CHF-1");
    await page.reload();
    await eventually(() => page.getByTestId("window-summary").textContent()).toContain(
      "pending_settlement",
    );
    const legOf = (participantId: string) =>
      page.locator(`tr[data-instruction="${participantId}"] [data-field="leg"]`).textContent();
    await eventually(() => legOf("bank-south")).toBe("posted");
    expect(await legOf("wallet-thin")).toBe("not posted");

    // Wait for funds: once the wallet can pay, its instruction is confirmed by name.
    await api("POST", "/participants/wallet-thin/funds", {
      id: "thin-topup",
      direction: "in",
      amount: "80.00",
      currency: "CHF",
    });
    await page.reload();
    await eventually(() => legOf("wallet-thin")).toBe("not posted");
    expect(await page.getByTestId("liquidity-warning").count()).toBe(0);
    const again = page.getByRole("region", { name: "Confirm settlement (four eyes)" });
    await again.getByRole("radio", { name: /Chosen participants/ }).check();
    // Only instructions still to post are offered.
    expect(await again.getByRole("checkbox").count()).toBe(1);
    await again.getByRole("checkbox", { name: /wallet-thin/ }).check();
    await again.getByRole("button", { name: "Propose confirmation" }).click();
    await eventually(() => again.getByRole("status").textContent()).toContain(
      "Confirm for participants: wallet-thin.",
    );
    await approvePending("settlement_window:CHF-1");
    expect((await report("CHF-1")).window.state).toBe("settled");
    await fixture.closeClean(tab);
  });

  it("lists windows open ones first, filtered by state and currency as the API does", async () => {
    const tab = await fixture.openConsole("/settlement", "vera-viewer");
    const { page } = tab;
    const { items } = await api<{ items: { id: string; state: string }[] }>(
      "GET",
      "/settlement-windows?limit=200",
    );
    const open = items.filter((w) => w.state === "open").map((w) => w.id);
    const rest = items.filter((w) => w.state !== "open").map((w) => w.id);
    const shown = () =>
      page
        .locator("tr[data-window]")
        .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-window")));
    await eventually(shown).toEqual([...open, ...rest]);
    expect(open.length).toBe(settlementCurrencies.length);
    await screenshot(page, "settlement-windows");
    await expectAccessible(page, "the settlement windows");

    const filters = page.getByRole("form", { name: "Filter windows" });
    await filters.getByLabel("State").selectOption("settled");
    await filters.getByRole("button", { name: "Filter" }).click();
    await eventually(() => page.url()).toBe(
      `${fixture.hub.origin}/console/settlement?state=settled`,
    );
    const settled = await api<{ items: { id: string }[] }>(
      "GET",
      "/settlement-windows?state=settled",
    );
    await eventually(shown).toEqual(settled.items.map((w) => w.id));
    expect(settled.items.map((w) => w.id)).toEqual(expect.arrayContaining(["EUR-1", "USD-1"]));
    await filters.getByLabel("Currency").fill("GBP");
    await filters.getByLabel("State").selectOption("");
    await filters.getByRole("button", { name: "Filter" }).click();
    await eventually(shown).toEqual(["GBP-2", "GBP-1"]);
    await fixture.closeClean(tab);
  });
});
