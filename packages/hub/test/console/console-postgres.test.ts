/**
 * The console on PostgreSQL: the pages whose figures come from the store (the overview's
 * balances, a participant's accounts, the audit chain) show what the API answers there too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresAvailable } from "../support/backends.ts";
import { chromiumAvailable } from "./console-browser.ts";
import {
  type ConsoleFixture,
  eventually,
  headingOf,
  openConsoleFixture,
} from "./console-fixture.ts";

const enabled = chromiumAvailable() && (await postgresAvailable());

interface Overview {
  currencies: {
    currency: string;
    totals: { reserve: string };
    participants: { participantId: string; reserve: string }[];
  }[];
}

describe.skipIf(!enabled)("the operator console in Chromium [postgres]", () => {
  let fixture: ConsoleFixture;

  beforeAll(async () => {
    fixture = await openConsoleFixture("postgres");
    for (const [id, kind] of [
      ["bank-west", "bank"],
      ["wallet-beta", "payment_institution"],
    ] as const) {
      await fixture.api("POST", "/participants", {
        id,
        name: `Participant ${id}`,
        kind,
        currencies: [{ currency: "CNY", netDebitCap: "80000.00" }],
      });
    }
  }, 60_000);

  afterAll(async () => {
    await fixture?.dispose();
  });

  it("moves funds in the browser and the overview shows the store's new reserve", async () => {
    const tab = await fixture.openConsole("/participants/wallet-beta");
    const { page } = tab;
    await eventually(() => headingOf(page)).toContain("Participant wallet-beta");
    const funds = page.getByRole("region", { name: "Funds in and out" });
    await funds.getByLabel("Amount").fill("7000.25");
    await funds.getByRole("button", { name: "Move funds" }).click();
    await eventually(() => funds.getByRole("status").textContent()).toContain("7000.25 CNY");

    await page.getByRole("navigation").getByRole("link", { name: "Overview" }).click();
    const overview = await fixture.api<Overview>("GET", "/network-overview");
    const cny = overview.currencies.find((entry) => entry.currency === "CNY");
    const reserve = cny?.participants.find((row) => row.participantId === "wallet-beta")?.reserve;
    expect(reserve).toBe("7000.25");
    await eventually(() =>
      page.locator('tr[data-participant="wallet-beta"] [data-field="reserve"]').textContent(),
    ).toBe(reserve);
    await fixture.closeClean(tab);
  });

  it("verifies the audit chain kept in PostgreSQL", async () => {
    const tab = await fixture.openConsole("/audit-log");
    const verification = await fixture.api<{ ok: boolean; entries: number }>(
      "GET",
      "/audit-log/verification",
    );
    expect(verification.ok).toBe(true);
    await eventually(() => tab.page.getByTestId("chain-status").textContent()).toContain(
      `Chain verified: ${verification.entries} entries`,
    );
    await fixture.closeClean(tab);
  });
});
