/** One name for a cap on every route, and schema errors that say what is allowed. */
import { expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import { createParticipant, expectProblem, useApiHarness } from "./api-harness.ts";

describeEachBackend("field names and enumerations", (backend) => {
  const api = useApiHarness(backend);
  const capUrl = "/operator/v1/participants/bank-a/net-debit-caps/EUR";

  it("sets a net debit cap named netDebitCap, as at onboarding, or amount alone", async () => {
    await createParticipant(api, "bank-a");
    // Raises, so proposed and approved: the approval answers what the route would.
    const set = await api.callApproved("PUT", capUrl, { netDebitCap: "250.00" });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().result).toMatchObject({ netDebitCap: "250.00" });
    const old = await api.callApproved("PUT", capUrl, { amount: "300.00" });
    expect(old.statusCode, old.body).toBe(200);
    expect(old.json().result).toMatchObject({ netDebitCap: "300.00" });
  });

  it("refuses a cap body naming it twice or not at all, changing nothing", async () => {
    await createParticipant(api, "bank-a");
    expect((await api.callApproved("PUT", capUrl, { netDebitCap: "300.00" })).statusCode).toBe(200);
    const both = expectProblem(
      await api.call("PUT", capUrl, { netDebitCap: "1.00", amount: "2.00" }),
      400,
      "request_invalid",
    );
    expect(both.errors?.[0]?.detail).toContain("netDebitCap alone");
    const neither = expectProblem(await api.call("PUT", capUrl, {}), 400, "request_invalid");
    expect(neither.errors?.[0]?.detail).toContain("netDebitCap is required");
    const read = await api.call("GET", "/operator/v1/participants/bank-a");
    expect(JSON.stringify(read.json())).toContain('"netDebitCap":"300.00"');
  });

  it("names the allowed values when a value is outside an enumeration", async () => {
    const refused = expectProblem(
      await api.call("POST", "/operator/v1/participants", {
        id: "bank-b",
        name: "B",
        kind: "wallet",
        currencies: [],
      }),
      400,
      "request_invalid",
    );
    const kind = refused.errors?.find((error) => error.pointer === "/kind");
    expect(kind?.detail).toBe('Expected one of "bank", "payment_institution", "biller"');
    expect(JSON.stringify(refused)).not.toContain("Expected union value");
  });
});
