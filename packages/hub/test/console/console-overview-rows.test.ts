/**
 * The network overview of a large network in Chromium: it draws the participants nearest their
 * caps first, up to the console's limit, and all of them when the operator asks.
 */
import { overviewRowsShownMax } from "@clearhub/console";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hubActor } from "../../src/domain/audit/audit-actor.ts";
import { chromiumAvailable } from "./console-browser.ts";
import { type ConsoleFixture, eventually, openConsoleFixture } from "./console-fixture.ts";

const enabled = chromiumAvailable();
const participants = overviewRowsShownMax + 5;
const rows = "tr[data-participant]";

describe.skipIf(!enabled)("the network overview of a large network in Chromium", () => {
  let fixture: ConsoleFixture;

  beforeAll(async () => {
    fixture = await openConsoleFixture("sqlite");
    const { hub } = fixture.hub;
    for (let index = 0; index < participants; index++) {
      const registered = await hub.participants.register(
        {
          id: `p${String(index).padStart(3, "0")}`,
          name: `Participant ${index}`,
          kind: "payment_institution",
          currencies: [{ currency: "CNY", netDebitCap: 1_000_00n }],
        },
        hubActor,
      );
      expect(registered.ok).toBe(true);
    }
    // The last participant pays the first: it uses 40% of its cap, so it leads the overview.
    const payer = await hub.participantStore.findAccount(`p${participants - 1}`, "CNY", "position");
    const payee = await hub.participantStore.findAccount("p000", "CNY", "position");
    if (payer === undefined || payee === undefined) throw new Error("positions missing");
    const code = await hub.ledger.submitOne({
      kind: "posted",
      id: "uses-its-cap",
      debitAccountId: payer.id,
      creditAccountId: payee.id,
      amount: 400_00n,
      currency: "CNY",
    });
    expect(code).toBe("ok");
  });

  afterAll(async () => {
    await fixture?.dispose();
  });

  it("draws the participants nearest their caps first, up to the limit, and all on request", async () => {
    const tab = await fixture.openConsole("/overview");
    const { page } = tab;
    await eventually(() => page.locator(rows).count()).toBe(overviewRowsShownMax);
    expect(await page.locator(rows).first().getAttribute("data-participant")).toBe(
      `p${participants - 1}`,
    );
    // The hub's operator holds CNY too: it is counted among the participants.
    const all = participants + 1;
    await page.getByRole("button", { name: `Show all ${all} participants` }).click();
    await eventually(() => page.locator(rows).count()).toBe(all);
    await page
      .getByRole("button", { name: `Show the ${overviewRowsShownMax} nearest their caps` })
      .click();
    await eventually(() => page.locator(rows).count()).toBe(overviewRowsShownMax);
    await fixture.closeClean(tab);
  });
});
