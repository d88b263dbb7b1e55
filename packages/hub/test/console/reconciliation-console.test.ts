/**
 * Reconciliation in the operator console, in Debian's Chromium on SQLite: a participant uploads
 * a record of its day that differs from the hub's statement (signed, through the participant
 * API), the operator finds the breaks in the list, filters them by kind, opens one, sees both
 * sides and what differs, and writes it off; a break resolved meanwhile is refused with the API's
 * code; a viewer sees the breaks without the actions. Every check compares with the API's answer.
 */
import { signRequest } from "@clearhub/http-signatures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  injectedOrigin,
  onboardParticipant,
  type ParticipantClient,
} from "../api/participant-client.ts";
import { chromiumAvailable, expectAccessible, screenshot } from "./console-browser.ts";
import {
  type ConsoleFixture,
  eventually,
  headingOf,
  openConsoleFixture,
  unexpectedErrors,
} from "./console-fixture.ts";

const enabled = chromiumAvailable();
const header =
  "hub_transaction_id,participant_reference,type,counterparty,amount,currency,fee,status,window,created_at,updated_at";

interface Break {
  id: string;
  kind: string;
  hubTransactionId: string | null;
  state: string;
  reason: string | null;
}

describe.skipIf(!enabled)("reconciliation in the console [sqlite]", () => {
  let fixture: ConsoleFixture;
  let alpha: ParticipantClient;
  const day = new Date().toISOString().slice(0, 10);

  /** The participant's own record of the day, uploaded signed as its system sends it. */
  async function uploadRecord(client: ParticipantClient, csv: string) {
    const path = `/v1/reconciliation/days/${day}/record`;
    const headers = signRequest(
      { method: "PUT", url: `${injectedOrigin}${path}`, headers: {}, body: csv },
      { keyId: client.keyId, privateKey: client.privateKey },
    );
    const answer = await fixture.hub.app.inject({
      method: "PUT",
      url: path,
      headers: { ...headers, "content-type": "text/csv" },
      payload: csv,
    });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as { breaks: Record<string, number> };
  }

  const breaksOf = async (query: string) =>
    (await fixture.api<{ items: Break[] }>("GET", `/reconciliation/breaks?${query}`)).items;

  beforeAll(async () => {
    fixture = await openConsoleFixture("sqlite");
    alpha = await onboardParticipant(fixture.hub, "bank-alpha", "bank", "100.00");
    await onboardParticipant(fixture.hub, "bank-beta", "payment_institution");
    for (const [id, amount] of [
      ["t-1", "12.30"],
      ["t-2", "5.00"],
    ] as const) {
      const paid = await alpha.call("POST", "/v1/transfers", {
        id,
        payee: "bank-beta",
        amount,
        currency: "EUR",
      });
      expect(paid.statusCode, paid.body).toBe(201);
    }
    // The participant booked t-1 for 12.40 and has no t-2: two breaks.
    const matched = await uploadRecord(
      alpha,
      [header, "t-1,t-1,transfer,bank-beta,-12.40,EUR,0.00,completed,,,"].join("\r\n"),
    );
    expect(matched.breaks).toMatchObject({ amount_differs: 1, missing_at_participant: 1 });
  }, 60_000);

  afterAll(async () => {
    await fixture?.dispose();
  });

  it("lists the breaks, filters them by kind, shows both sides and writes one off", async () => {
    const tab = await fixture.openConsole("/overview", "otto-operator");
    const { page } = tab;
    await page.getByRole("navigation").getByRole("link", { name: "Reconciliation" }).click();
    await eventually(() => headingOf(page)).toBe("Reconciliation");
    const listed = await breaksOf(`participant=bank-alpha&day=${day}`);
    const rows = page.locator("tr[data-break]");
    await eventually(() => rows.count()).toBe(listed.length);
    await screenshot(page, "reconciliation");
    await expectAccessible(page, "the reconciliation breaks");
    expect(listed.map((found) => [found.kind, found.hubTransactionId])).toEqual(
      expect.arrayContaining([
        ["amount_differs", "t-1"],
        ["missing_at_participant", "t-2"],
      ]),
    );

    const filters = page.getByRole("form", { name: "Filter breaks" });
    await filters.getByLabel("Participant").fill("bank-alpha");
    await filters.getByLabel("Kind").selectOption("amount_differs");
    await filters.getByLabel("State").selectOption("open");
    await filters.getByRole("button", { name: "Filter" }).click();
    await eventually(() => new URL(page.url()).search).toBe(
      "?participant=bank-alpha&state=open&kind=amount_differs",
    );
    await eventually(() => rows.count()).toBe(1);
    const [differing] = await breaksOf("participant=bank-alpha&kind=amount_differs");
    const id = differing?.id ?? "";
    expect(await page.locator(`tr[data-break="${id}"]`).textContent()).toContain("-12.40");

    await page.getByRole("link", { name: id }).click();
    await eventually(() => headingOf(page)).toBe(`Break ${id}`);
    await eventually(() => page.getByTestId("break-difference").textContent()).toBe(
      "The amounts differ by 0.10 EUR.",
    );
    const side = (row: string, which: string) =>
      page.locator(`tr[data-side-row="${row}"] td[data-side="${which}"]`).textContent();
    expect([await side("amount", "hub"), await side("amount", "participant")]).toEqual([
      "-12.30 EUR",
      "-12.40 EUR",
    ]);
    expect([await side("status", "hub"), await side("status", "participant")]).toEqual([
      "completed",
      "completed",
    ]);
    await expectAccessible(page, "an open reconciliation break");

    const resolve = page.getByRole("region", { name: "Resolve" });
    await resolve.getByRole("radio", { name: /Write it off/ }).check();
    await resolve.getByRole("textbox", { name: "Reason" }).fill("booked late by the participant");
    await page.screenshot({ path: "/tmp/recon-console.png", fullPage: true });
    await screenshot(page, "reconciliation-break");
    await resolve.getByRole("button", { name: "Write it off" }).click();
    await eventually(() => page.getByRole("status").textContent()).toBe(
      `Resolved ${id}: written off.`,
    );
    await eventually(() => page.getByTestId("break-resolution").textContent()).toContain(
      "booked late by the participant",
    );
    expect(await page.getByRole("region", { name: "Resolve" }).count()).toBe(0);
    const [resolved] = await breaksOf("participant=bank-alpha&kind=amount_differs");
    expect(resolved).toMatchObject({
      state: "written_off",
      reason: "booked late by the participant",
    });

    // The list says so too: found among the written-off breaks, no longer among the open ones.
    await page.getByRole("link", { name: "Reconciliation", exact: true }).first().click();
    await eventually(() => headingOf(page)).toBe("Reconciliation");
    const listFilters = page.getByRole("form", { name: "Filter breaks" });
    await listFilters.getByLabel("Participant").fill("bank-alpha");
    await listFilters.getByLabel("State").selectOption("written_off");
    await listFilters.getByRole("button", { name: "Filter" }).click();
    await eventually(() => rows.count()).toBe(1);
    expect(await page.locator(`tr[data-break="${id}"] [data-field="state"]`).textContent()).toBe(
      "written off",
    );
    await listFilters.getByLabel("State").selectOption("open");
    await listFilters.getByRole("button", { name: "Filter" }).click();
    await eventually(() => page.locator(`tr[data-break="${id}"]`).count()).toBe(0);
    expect(await rows.count()).toBe((await breaksOf("participant=bank-alpha&state=open")).length);
    await fixture.closeClean(tab);
  });

  it("shows the API's refusal when the break was resolved meanwhile, and hides actions from a viewer", async () => {
    const [missing] = await breaksOf("participant=bank-alpha&kind=missing_at_participant");
    const id = missing?.id ?? "";
    const tab = await fixture.openConsole(`/reconciliation/${id}`, "otto-operator");
    const { page } = tab;
    await eventually(() => page.getByTestId("break-difference").textContent()).toBe(
      "The hub cleared a transaction that the participant's record lacks.",
    );
    expect(
      await page.locator('tr[data-side-row="amount"] td[data-side="participant"]').textContent(),
    ).toBe("not listed");
    // Another operator accepts it through the API while the page is open.
    await fixture.api("POST", `/reconciliation/breaks/${id}/resolution`, { action: "accept" });
    const resolve = page.getByRole("region", { name: "Resolve" });
    await resolve.getByRole("radio", { name: /Reverse the hub's transfer/ }).check();
    await resolve.getByRole("button", { name: "Reverse the hub's transfer" }).click();
    const alert = page.getByRole("alert");
    await eventually(() => alert.textContent()).toContain("break_resolved");
    expect(await alert.textContent()).toContain("The break is resolved already");
    expect((await breaksOf("participant=bank-alpha&kind=missing_at_participant"))[0]?.state).toBe(
      "accepted",
    );
    expect(unexpectedErrors(tab)).toEqual([
      expect.stringMatching(/status of 409 .*\/resolution\)$/),
    ]);
    tab.watch.errors.length = 0;
    await fixture.closeClean(tab);

    const [open] = await breaksOf("participant=bank-alpha&state=open");
    expect(open).toBeUndefined();
    const vera = await fixture.openConsole(`/reconciliation/${id}`, "vera-viewer");
    await eventually(() => vera.page.getByTestId("break-summary").textContent()).toContain(
      "accepted",
    );
    expect(await vera.page.getByRole("region", { name: "Resolve" }).count()).toBe(0);
    await expectAccessible(vera.page, "a resolved reconciliation break");
    await fixture.closeClean(vera);
  });
});
