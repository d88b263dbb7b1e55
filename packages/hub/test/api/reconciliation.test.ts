import { signRequest } from "@clearhub/http-signatures";
import Papa from "papaparse";

const parse = (text: string | Buffer, _options: { columns: true }) =>
  Papa.parse<Record<string, string>>(text.toString(), { header: true, skipEmptyLines: true }).data;

import { expect, it } from "vitest";
import { elementTexts, expectSchemaValid } from "../adapters/iso20022/expect-valid.ts";
import { describeEachBackend } from "../support/backends.ts";
import { expectProblem, useApiHarness } from "./api-harness.ts";
import {
  injectedOrigin,
  onboardParticipant,
  type ParticipantClient,
} from "./participant-client.ts";

const today = () => new Date().toISOString().slice(0, 10);
const header =
  "hub_transaction_id,participant_reference,type,counterparty,amount,currency,fee,status,window,created_at,updated_at";

describeEachBackend("reconciliation API", (backend) => {
  const api = useApiHarness(backend);

  /** A signed upload of a CSV record, as a participant's system sends it. */
  function upload(client: ParticipantClient, day: string, csv: string) {
    const path = `/v1/reconciliation/days/${day}/record`;
    const headers = signRequest(
      { method: "PUT", url: `${injectedOrigin}${path}`, headers: {}, body: csv },
      { keyId: client.keyId, privateKey: client.privateKey },
    );
    return api.app.inject({
      method: "PUT",
      url: path,
      headers: { ...headers, "content-type": "text/csv" },
      payload: csv,
    });
  }

  async function network() {
    const alpha = await onboardParticipant(api, "bank-alpha", "bank", "100.00");
    const beta = await onboardParticipant(api, "bank-beta", "payment_institution", "100.00");
    const gamma = await onboardParticipant(api, "bank-gamma");
    for (const [id, amount] of [
      ["t-1", "12.30"],
      ["t-2", "5.00"],
    ] as const) {
      const created = await alpha.call("POST", "/v1/transfers", {
        id,
        payee: "bank-beta",
        amount,
        currency: "EUR",
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    return { alpha, beta, gamma };
  }

  it("streams each participant its own statement only, amounts signed from its side", async () => {
    const { alpha, beta, gamma } = await network();
    const mine = await alpha.call("GET", `/v1/reconciliation/days/${today()}/statement.csv`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.headers["content-type"]).toMatch(/^text\/csv/);
    const rows = parse(mine.body, { columns: true }) as Record<string, string>[];
    expect(
      rows.map((row) => [row.hub_transaction_id, row.amount, row.status, row.counterparty]),
    ).toEqual([
      ["t-1", "-12.30", "completed", "bank-beta"],
      ["t-2", "-5.00", "completed", "bank-beta"],
    ]);
    const theirs = await beta.call("GET", `/v1/reconciliation/days/${today()}/statement.csv`);
    const theirRows = parse(theirs.body, { columns: true }) as { amount: string }[];
    expect(theirRows.map((row) => row.amount)).toEqual(["12.30", "5.00"]);
    const outsider = await gamma.call("GET", `/v1/reconciliation/days/${today()}/statement.csv`);
    expect(outsider.body.trim()).toBe(header);
    expectProblem(
      await alpha.call("GET", "/v1/reconciliation/days/2026-02-30/statement.csv"),
      400,
      "business_day_invalid",
    );
    const operator = await api.call(
      "GET",
      `/operator/v1/participants/bank-beta/reconciliation/days/${today()}/statement.csv`,
    );
    expect(operator.body).toBe(theirs.body);
  });

  it("streams a participant's statement of one currency as a valid camt.053", async () => {
    const { alpha } = await network();
    const path = `/v1/reconciliation/days/${today()}/statement.xml?currency=EUR`;
    const mine = await alpha.call("GET", path);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.headers["content-type"]).toMatch(/^application\/xml/);
    await expectSchemaValid(mine.body, "camt.053.001.08");
    expect(elementTexts(mine.body, "AcctSvcrRef")).toEqual(["t-1", "t-2"]);
    const operator = await api.call(
      "GET",
      `/operator/v1/participants/bank-alpha/reconciliation/days/${today()}/statement.xml?currency=EUR`,
    );
    expect(operator.statusCode, operator.body).toBe(200);
    expect(elementTexts(operator.body, "AcctSvcrRef")).toEqual(["t-1", "t-2"]);
    expectProblem(
      await alpha.call("GET", `/v1/reconciliation/days/${today()}/statement.xml?currency=JPY`),
      404,
      "statement_currency_not_held",
    );
  });

  it("refuses a record with malformed rows by line, and stores nothing", async () => {
    const { alpha } = await network();
    const csv = [
      header,
      "t-1,t-1,transfer,bank-beta,-12.30,EUR,0.00,completed,,,",
      "t-2,t-2,transfer,bank-beta,-5.001,EUR,0.00,completed,,,",
      ",,transfer,bank-beta,-5.00,EUR,0.00,completed,,,",
      "t-9,t-9,transfer,bank-beta,1.00,XXX1,0.00,done,,,",
    ].join("\r\n");
    const refused = expectProblem(await upload(alpha, today(), csv), 422, "record_malformed");
    expect(refused.detail).toBe("3 malformed rows");
    expect(refused.errors?.map((error) => error.pointer)).toEqual([
      "/lines/3",
      "/lines/4",
      "/lines/5",
    ]);
    const runs = await api.hub.database.kysely.selectFrom("recon_runs").selectAll().execute();
    const breaks = await api.hub.database.kysely.selectFrom("recon_breaks").selectAll().execute();
    expect({ runs, breaks }).toEqual({ runs: [], breaks: [] });
  });

  it("matches an upload, shows the participant its breaks and how the operator resolved them", async () => {
    const { alpha, beta } = await network();
    const csv = [header, "t-1,t-1,transfer,bank-beta,-12.30,EUR,0.00,completed,,,"].join("\r\n");
    const matched = await upload(alpha, today(), csv);
    expect(matched.statusCode, matched.body).toBe(200);
    expect(matched.json()).toMatchObject({
      hubRows: 2,
      participantRows: 1,
      breaks: { missing_at_participant: 1 },
    });
    const listed = await alpha.call("GET", `/v1/reconciliation/breaks?day=${today()}`);
    const [found] = (
      listed.json() as { items: { id: string; kind: string; hubTransactionId: string }[] }
    ).items;
    expect(found).toMatchObject({
      kind: "missing_at_participant",
      hubTransactionId: "t-2",
      state: "open",
    });
    const others = await beta.call("GET", "/v1/reconciliation/breaks");
    expect(others.json()).toEqual({ items: [] });

    const resolve = (body: unknown) =>
      api.call("POST", `/operator/v1/reconciliation/breaks/${found?.id}/resolution`, body);
    expectProblem(
      await resolve({ action: "write_off", reason: "  " }),
      422,
      "write_off_reason_invalid",
    );
    const reversed = await resolve({ action: "reverse" });
    expect(reversed.statusCode, reversed.body).toBe(200);
    expect(reversed.json()).toMatchObject({
      state: "reversed",
      reversalTransferId: `rev.${found?.id}`,
    });
    const reversal = await api.call("GET", `/operator/v1/transfers/rev.${found?.id}`);
    expect(reversal.json()).toMatchObject({ amount: "5.00" });
    expectProblem(await resolve({ action: "accept" }), 409, "break_resolved");
    const seen = await alpha.call("GET", `/v1/reconciliation/breaks?state=reversed`);
    expect((seen.json() as { items: unknown[] }).items).toHaveLength(1);
    const audit = await api.call(
      "GET",
      "/operator/v1/audit-log?action=reconciliation.break_resolve",
    );
    expect((audit.json() as { items: { details: unknown }[] }).items[0]?.details).toMatchObject({
      breakId: found?.id,
      resolution: "reverse",
    });

    // The same record again: the resolved difference is not raised again, but the reversal is
    // a transaction of the day like any other, which the participant's record lacks.
    const again = await upload(alpha, today(), csv);
    expect(again.statusCode).toBe(200);
    const open = await alpha.call("GET", "/v1/reconciliation/breaks?state=open");
    const items = (open.json() as { items: { kind: string; hubTransactionId: string }[] }).items;
    expect(items.map((item) => [item.kind, item.hubTransactionId])).toEqual([
      ["missing_at_participant", `rev.${found?.id}`],
    ]);
  });

  it("lists the operator a kind of break, and shows one break by id", async () => {
    const { alpha } = await network();
    const csv = [header, "t-1,t-1,transfer,bank-beta,-12.40,EUR,0.00,completed,,,"].join("\r\n");
    expect((await upload(alpha, today(), csv)).statusCode).toBe(200);
    const listed = await api.call(
      "GET",
      `/operator/v1/reconciliation/breaks?participant=bank-alpha&kind=amount_differs`,
    );
    const items = (listed.json() as { items: { id: string; kind: string }[] }).items;
    expect(items.map((item) => item.kind)).toEqual(["amount_differs"]);
    const one = await api.call("GET", `/operator/v1/reconciliation/breaks/${items[0]?.id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({
      hubTransactionId: "t-1",
      hubAmount: "-12.30",
      participantAmount: "-12.40",
      state: "open",
    });
    expectProblem(
      await api.call("GET", "/operator/v1/reconciliation/breaks/rc-missing"),
      404,
      "break_not_found",
    );
  });
});
