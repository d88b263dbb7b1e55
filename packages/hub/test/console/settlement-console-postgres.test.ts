/**
 * The settlement pages on PostgreSQL: a window closed in the page shows the net positions the
 * store computed, and the settlement bank's file settles it there too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresAvailable } from "../support/backends.ts";
import { chromiumAvailable } from "./console-browser.ts";
import { eventually, headingOf } from "./console-fixture.ts";
import { openSettlementNetwork, type SettlementNetwork } from "./settlement-network.ts";

const enabled = chromiumAvailable() && (await postgresAvailable());

describe.skipIf(!enabled)("settlement windows in the console [postgres]", () => {
  let network: SettlementNetwork;

  beforeAll(async () => {
    network = await openSettlementNetwork("postgres");
  }, 60_000);

  afterAll(async () => {
    await network?.fixture.dispose();
  });

  it("closes a window in the page and settles it from the bank's file", async () => {
    await network.traffic("EUR");
    // From the list, as an operator goes: a currency's first window is opened when listed.
    const tab = await network.fixture.openConsole("/settlement?currency=EUR", "otto-operator");
    const { page } = tab;
    await page.getByRole("link", { name: "EUR-1" }).click();
    await eventually(() => headingOf(page)).toBe("Settlement window EUR-1");
    await page.getByRole("button", { name: "Close EUR-1" }).click();
    await eventually(() => page.getByRole("status").textContent()).toContain("Closed EUR-1");
    const closed = await network.report("EUR-1");
    expect(closed.window.state).toBe("closed");
    expect(closed.instructions.length).toBe(2);
    await eventually(() => page.locator("tr[data-position]").count()).toBe(closed.positions.length);
    for (const position of closed.positions) {
      const net = page.locator(`tr[data-position="${position.participantId}"] [data-field="net"]`);
      expect(await net.textContent()).toBe(position.net);
    }
    const file = [
      "window_id,participant_id,direction,amount,currency",
      ...closed.instructions.map((i) => `EUR-1,${i.participantId},${i.direction},${i.amount},EUR`),
    ].join("\n");
    const section = page.getByRole("region", { name: "Confirm from the settlement bank's file" });
    await section.getByLabel("Confirmation file (CSV)").fill(file);
    await section.getByRole("button", { name: "Confirm from file" }).click();
    await eventually(() => page.getByTestId("window-summary").textContent()).toContain("settled");
    expect((await network.report("EUR-1")).window.state).toBe("settled");
    expect((await network.accountOf("bank-south", "settlement", "EUR")).balance).toBe("254.50");
    await network.fixture.closeClean(tab);
  });
});
