/**
 * The operator's settlement API: close a window, read its report and files, confirm with four
 * eyes or from the settlement bank's file (refused whole on any mismatch, nothing moved), abort.
 */
import { expect, it } from "vitest";
import { validateAgainstSchema } from "../../src/adapters/iso20022/schema-validation.ts";
import { describeEachBackend } from "../support/backends.ts";
import {
  accountOf,
  allBalances,
  createParticipant,
  deposit,
  expectProblem,
  useApiHarness,
} from "./api-harness.ts";
import { snapshotStore, storeChanges } from "./store-snapshot.ts";

describeEachBackend("settlement windows API", (backend) => {
  const api = useApiHarness(backend);

  async function trafficThenClose(): Promise<string> {
    await createParticipant(api, "bank-a");
    await createParticipant(api, "bank-b");
    await deposit(api, "bank-a", "dep-a", "50.00");
    const a = (await accountOf(api, "bank-a", "position")).id;
    const b = (await accountOf(api, "bank-b", "position")).id;
    const posted = await api.call("POST", "/operator/v1/transfers", {
      transfers: [
        {
          id: "t1",
          kind: "posted",
          debitAccountId: a,
          creditAccountId: b,
          amount: "30.00",
          currency: "EUR",
        },
        {
          id: "t2",
          kind: "posted",
          debitAccountId: b,
          creditAccountId: a,
          amount: "4.50",
          currency: "EUR",
        },
      ],
    });
    expect(posted.statusCode, posted.body).toBe(200);
    const list = await api.call("GET", "/operator/v1/settlement-windows?currency=EUR&state=open");
    expect(list.statusCode, list.body).toBe(200);
    const [open] = (list.json() as { items: { id: string; state: string }[] }).items;
    expect(open).toMatchObject({ id: "EUR-1", state: "open" });
    const closed = await api.call("POST", "/operator/v1/settlement-windows/EUR-1/close");
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      window: { id: "EUR-1", state: "closed", startSeq: 0 },
      next: { id: "EUR-2", state: "open" },
    });
    // A retry answers the window as it stands and opens nothing.
    const again = await api.call("POST", "/operator/v1/settlement-windows/EUR-1/close");
    expect(again.json()).toMatchObject({ window: { id: "EUR-1", state: "closed" }, next: null });
    return "EUR-1";
  }

  it("closes a window and reports its net positions, instructions and files", async () => {
    const id = await trafficThenClose();
    const report = await api.call("GET", `/operator/v1/settlement-windows/${id}`);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toMatchObject({
      positions: [
        { participantId: "bank-a", grossSent: "30.00", grossReceived: "4.50", net: "-25.50" },
        { participantId: "bank-b", grossSent: "4.50", grossReceived: "30.00", net: "25.50" },
      ],
      instructions: [
        { participantId: "bank-a", direction: "pay", amount: "25.50", leg: "none" },
        { participantId: "bank-b", direction: "receive", amount: "25.50", leg: "none" },
      ],
      shortfalls: [],
    });
    const csv = await api.call(
      "GET",
      `/operator/v1/settlement-windows/${id}/files/instructions.csv`,
    );
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.trim().split("\r\n")).toEqual([
      "window_id,currency,participant_id,direction,amount,leg_state",
      "EUR-1,EUR,bank-a,pay,25.50,none",
      "EUR-1,EUR,bank-b,receive,25.50,none",
    ]);
    const bilateral = await api.call(
      "GET",
      `/operator/v1/settlement-windows/${id}/files/bilateral.csv`,
    );
    expect(bilateral.body.trim().split("\r\n")).toEqual([
      "window_id,currency,payer_id,payee_id,amount",
      "EUR-1,EUR,bank-a,bank-b,25.50",
    ]);
    expectProblem(
      await api.call("GET", "/operator/v1/settlement-windows/EUR-9"),
      404,
      "window_not_found",
    );
    const names = await api.call("GET", `/operator/v1/settlement-windows/${id}/files`);
    const files = (names.json() as { files: string[] }).files;
    expect(files.slice(0, 3)).toEqual(["positions.csv", "instructions.csv", "bilateral.csv"]);
    expect(files.slice(3).map((name) => name.replace(/-\d+\./, "-N."))).toEqual([
      "EUR-1-bank-a-N.pacs.009.xml",
      "EUR-1-bank-b-N.pacs.009.xml",
      "EUR-1-bank-a-N.camt.053.xml",
      "EUR-1-bank-b-N.camt.053.xml",
    ]);
    const xml = await api.call("GET", `/operator/v1/settlement-windows/${id}/files/${files[3]}`);
    expect(xml.headers["content-type"]).toContain("application/xml");
    expect(await validateAgainstSchema(xml.body, "pacs.009.001.09")).toEqual({ valid: true });
    expectProblem(
      await api.call("GET", `/operator/v1/settlement-windows/${id}/files/nothing.xml`),
      404,
      "settlement_file_not_found",
    );
    expectProblem(
      await api.call("GET", "/operator/v1/settlement-windows/EUR-2/files"),
      409,
      "window_not_closed",
    );
  });

  it("confirms with four eyes, once", async () => {
    const id = await trafficThenClose();
    const proposed = await api.call("POST", `/operator/v1/settlement-windows/${id}/settlement`, {
      scope: "all",
    });
    expect(proposed.statusCode, proposed.body).toBe(202);
    const settled = await api.callApproved(
      "POST",
      `/operator/v1/settlement-windows/${id}/settlement`,
      {
        scope: "all",
      },
    );
    expect(settled.statusCode, settled.body).toBe(200);
    expect(settled.json()).toMatchObject({ result: { window: { state: "settled" } } });
    expect((await accountOf(api, "bank-a", "settlement")).balance).toBe("24.50");
    expect((await accountOf(api, "bank-b", "settlement")).balance).toBe("25.50");
    expect((await accountOf(api, "bank-a", "position")).balance).toBe("0.00");
    expectProblem(
      await api.call("POST", `/operator/v1/settlement-windows/${id}/settlement`, { scope: "all" }),
      409,
      "window_already_settled",
    );
  });

  it("refuses a confirmation file that does not match the window, line by line, moving nothing", async () => {
    const id = await trafficThenClose();
    const before = await snapshotStore(api.hub.database);
    const balances = await allBalances(api);
    const file = [
      "window_id,participant_id,direction,amount,currency",
      `${id},bank-a,pay,25.50,EUR`,
      `${id},bank-b,receive,25.51,EUR`,
      `EUR-7,bank-a,pay,25.50,EUR`,
      `${id},bank-c,receive,1.00,EUR`,
    ].join("\n");
    const refused = await api.call(
      "POST",
      `/operator/v1/settlement-windows/${id}/confirmation-file`,
      { file },
    );
    const problem = expectProblem(refused, 422, "confirmation_file_mismatch");
    expect(problem.errors?.map((e) => [e.pointer, e.code])).toEqual([
      ["/lines/3", "confirmation_amount_mismatch"],
      ["/lines/4", "confirmation_window_mismatch"],
      ["/lines/5", "confirmation_participant_unknown"],
    ]);
    expectProblem(
      await api.call("POST", `/operator/v1/settlement-windows/${id}/confirmation-file`, {
        file: "window,who\nx,y",
      }),
      422,
      "confirmation_file_malformed",
    );
    expectProblem(
      await api.call("POST", `/operator/v1/settlement-windows/${id}/confirmation-file`, {
        file: "window_id,participant_id,direction,amount,currency\n",
      }),
      422,
      "confirmation_file_malformed",
    );
    expect(await allBalances(api)).toEqual(balances);
    // Only the audit log may have moved (it records no refusal here, so nothing at all).
    expect(storeChanges(before, await snapshotStore(api.hub.database))).toEqual({});

    const good = await api.call("POST", `/operator/v1/settlement-windows/${id}/confirmation-file`, {
      file: [
        "window_id,participant_id,direction,amount,currency",
        `${id},bank-a,pay,25.50,EUR`,
        `${id},bank-b,receive,25.50,EUR`,
      ].join("\n"),
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ window: { state: "settled" } });
  });

  it("aborts a closed window into the open one", async () => {
    const id = await trafficThenClose();
    const aborted = await api.call("POST", `/operator/v1/settlement-windows/${id}/abort`);
    expect(aborted.statusCode, aborted.body).toBe(200);
    expect(aborted.json()).toMatchObject({
      window: { state: "aborted", carriedInto: "EUR-2" },
      into: { id: "EUR-2", state: "open" },
    });
    expectProblem(
      await api.call("POST", `/operator/v1/settlement-windows/${id}/abort`),
      409,
      "window_aborted",
    );
    expectProblem(
      await api.call("POST", "/operator/v1/settlement-windows/EUR-2/abort"),
      409,
      "window_not_closed",
    );
  });
});
