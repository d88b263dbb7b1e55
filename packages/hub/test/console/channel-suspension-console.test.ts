/**
 * Suspending a channel from its page in the operator console, in Debian's Chromium: the page
 * sends the suspension, shows the state and history the API answers, and hides the forms from
 * a viewer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, expectAccessible } from "./console-browser.ts";
import { type ConsoleFixture, eventually, openConsoleFixture } from "./console-fixture.ts";

const enabled = chromiumAvailable();

interface ChannelSuspensions {
  status: string;
  suspensions: {
    capability: string;
    reason: string;
    policy: string;
    honourDeadline: string | null;
  }[];
  history: { kind: string; by: string }[];
}

describe.skipIf(!enabled)("channel suspension in the console [sqlite]", () => {
  let fixture: ConsoleFixture;

  beforeAll(async () => {
    fixture = await openConsoleFixture("sqlite");
    await fixture.api("POST", "/participants", {
      id: "wallet-flood",
      name: "Flood Pay",
      kind: "payment_institution",
      currencies: [{ currency: "CNY", netDebitCap: "1000.00" }],
    });
  }, 60_000);

  afterAll(async () => {
    await fixture?.dispose();
  });

  it("suspends a channel's payments from its page, honouring bills already presented", async () => {
    const tab = await fixture.openConsole("/participants/wallet-flood", "otto-operator");
    const { page } = tab;
    await eventually(() => page.locator('[data-field="suspension-state"]').textContent()).toContain(
      "Every capability is available",
    );
    const form = page.getByRole("region", { name: "Suspend", exact: true });
    await form.getByLabel("Capabilities").selectOption("all");
    await form.getByLabel("Reason").fill("Scheduled inquiries flood billers");
    await form.getByLabel("Payments after the suspension").selectOption("honour_presented");
    const deadline = new Date(Date.now() + 3 * 24 * 60 * 60_000);
    deadline.setSeconds(0, 0);
    const local = new Date(deadline.getTime() - deadline.getTimezoneOffset() * 60_000)
      .toISOString()
      .slice(0, 16);
    await form.getByLabel("Honour until (honour_presented)").fill(local);
    await form.getByRole("button", { name: "Suspend" }).click();
    await eventually(() => form.getByRole("status").textContent()).toContain(
      "Suspended every capability",
    );

    const answer = await fixture.api<ChannelSuspensions>(
      "GET",
      "/participants/wallet-flood/suspensions",
    );
    expect(
      answer.suspensions.map(({ capability, reason, policy, honourDeadline }) => ({
        capability,
        reason,
        policy,
        honourDeadline,
      })),
    ).toEqual(
      ["bill_inquiry", "bill_payment"].map((capability) => ({
        capability,
        reason: "Scheduled inquiries flood billers",
        policy: "honour_presented",
        honourDeadline: deadline.toISOString(),
      })),
    );
    expect(answer.history.map((step) => [step.kind, step.by])).toEqual([
      ["suspended", "otto-operator"],
    ]);
    await eventually(() => page.locator("tr[data-suspension]").count()).toBe(2);
    await eventually(() => page.locator('tr[data-step="suspended"]').textContent()).toContain(
      "otto-operator",
    );
    await expectAccessible(page, "the participant page with a suspended channel");
    await fixture.closeClean(tab);

    const viewer = await fixture.openConsole("/participants/wallet-flood", "vera-viewer");
    await eventually(() => viewer.page.locator("tr[data-suspension]").count()).toBe(2);
    expect(await viewer.page.getByRole("region", { name: "Suspend", exact: true }).count()).toBe(0);
    expect(await viewer.page.getByRole("region", { name: "Terminate the channel" }).count()).toBe(
      0,
    );
    await fixture.closeClean(viewer);
  });
});
