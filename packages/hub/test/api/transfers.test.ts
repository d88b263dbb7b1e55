import { beforeEach, expect, it } from "vitest";
import { transferResultCodes } from "../../src/domain/ledger/result-code.ts";
import { describeEachBackend } from "../support/backends.ts";
import {
  accountOf,
  allBalances,
  createParticipant,
  expectProblem,
  useApiHarness,
} from "./api-harness.ts";

type Item = Record<string, unknown>;

describeEachBackend("transfers API", (backend) => {
  const api = useApiHarness(backend);
  /** Position account ids of the two test participants. */
  let a: number;
  let b: number;

  beforeEach(async () => {
    await createParticipant(api, "bank-a", [
      { currency: "EUR", netDebitCap: "100.00" },
      { currency: "JPY", netDebitCap: "1000" },
    ]);
    await createParticipant(api, "bank-b", [
      { currency: "EUR", netDebitCap: "0" },
      { currency: "JPY", netDebitCap: "0" },
    ]);
    a = (await accountOf(api, "bank-a", "position")).id;
    b = (await accountOf(api, "bank-b", "position")).id;
  });

  const posted = (id: string, amount: string, fields: Item = {}): Item => ({
    id,
    kind: "posted",
    debitAccountId: a,
    creditAccountId: b,
    amount,
    currency: "EUR",
    ...fields,
  });
  const submit = (transfers: unknown[]) =>
    api.call("POST", "/operator/v1/transfers", { transfers });
  const results = async (transfers: unknown[]) => {
    const response = await submit(transfers);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { results: { id: string; code: string }[] }).results;
  };
  const expectNotStored = async (...ids: string[]) => {
    for (const id of ids) {
      expectProblem(
        await api.call("GET", `/operator/v1/transfers/${id}`),
        404,
        "transfer_not_found",
      );
    }
  };

  it("answers one ledger result per transfer, in order", async () => {
    const answered = await results([
      posted("t1", "60.00"),
      posted("t2", "50.00"),
      posted("t3", "10", { debitAccountId: b, creditAccountId: a }),
      posted("t4", "1", { creditAccountId: a }),
      posted("bad id", "1"),
      posted("t1", "60.00"),
      posted("t5", "1", { currency: "JPY" }),
    ]);
    expect(answered).toEqual([
      { id: "t1", code: "ok" },
      { id: "t2", code: "exceeds_net_debit_cap" },
      { id: "t3", code: "ok" },
      { id: "t4", code: "accounts_must_be_different" },
      { id: "bad id", code: "id_invalid" },
      { id: "t1", code: "exists" },
      { id: "t5", code: "currency_mismatch" },
    ]);
    expect(await accountOf(api, "bank-a", "position")).toMatchObject({
      debitsPosted: "60.00",
      creditsPosted: "10.00",
      balance: "-50.00",
    });
    expect((await accountOf(api, "bank-b", "position")).balance).toBe("50.00");
    const t1 = await api.call("GET", "/operator/v1/transfers/t1");
    expect(t1.json()).toMatchObject({
      id: "t1",
      kind: "posted",
      debitAccountId: a,
      creditAccountId: b,
      amount: "60.00",
      currency: "EUR",
      pendingId: null,
      linked: false,
    });
    await expectNotStored("t2", "t4", "t5");
  });

  it("applies a lowered net debit cap to the next transfer", async () => {
    expect(await results([posted("t1", "80")])).toEqual([{ id: "t1", code: "ok" }]);
    const capped = await api.call("PUT", "/operator/v1/participants/bank-a/net-debit-caps/EUR", {
      amount: "50",
    });
    expect(capped.statusCode, capped.body).toBe(200);
    expect(await results([posted("t2", "0.01")])).toEqual([
      { id: "t2", code: "exceeds_net_debit_cap" },
    ]);
    await expectNotStored("t2");
    const raised = await api.callApproved(
      "PUT",
      "/operator/v1/participants/bank-a/net-debit-caps/EUR",
      { amount: "80.01" },
    );
    expect(raised.statusCode, raised.body).toBe(200);
    expect(await results([posted("t3", "0.01")])).toEqual([{ id: "t3", code: "ok" }]);
    expect(await results([posted("t4", "0.01")])).toEqual([
      { id: "t4", code: "exceeds_net_debit_cap" },
    ]);
  });

  it("reserves with pending, then commits; a second resolution is refused", async () => {
    const pending = posted("p1", "30", { kind: "pending", timeoutMs: 60_000 });
    expect(await results([pending])).toEqual([{ id: "p1", code: "ok" }]);
    expect(await accountOf(api, "bank-a", "position")).toMatchObject({
      debitsPending: "30.00",
      debitsPosted: "0.00",
    });
    const stored = (await api.call("GET", "/operator/v1/transfers/p1")).json() as {
      expiresAt: string;
      timeoutMs: number;
    };
    expect(stored.timeoutMs).toBe(60_000);
    expect(Date.parse(stored.expiresAt)).toBeGreaterThan(Date.now());
    expect(
      await results([
        { id: "c1", kind: "commit", pendingId: "p1" },
        { id: "v1", kind: "void", pendingId: "p1" },
        { id: "c2", kind: "commit", pendingId: "nope" },
      ]),
    ).toEqual([
      { id: "c1", code: "ok" },
      { id: "v1", code: "already_committed" },
      { id: "c2", code: "pending_not_found" },
    ]);
    expect(await accountOf(api, "bank-a", "position")).toMatchObject({
      debitsPending: "0.00",
      debitsPosted: "30.00",
    });
    expect((await api.call("GET", "/operator/v1/transfers/c1")).json()).toMatchObject({
      kind: "commit",
      pendingId: "p1",
      amount: "30.00",
    });
  });

  it("writes nothing for an unknown account, and fails its whole linked group", async () => {
    const before = await allBalances(api);
    expect(await results([posted("t1", "1", { creditAccountId: 999_999 })])).toEqual([
      { id: "t1", code: "account_not_found" },
    ]);
    expect(
      await results([
        posted("t2", "5", { linked: true }),
        posted("t3", "5", { debitAccountId: 999_998 }),
      ]),
    ).toEqual([
      { id: "t2", code: "linked_event_failed" },
      { id: "t3", code: "account_not_found" },
    ]);
    expect(await allBalances(api)).toEqual(before);
    await expectNotStored("t1", "t2", "t3");
  });

  it("answers account_not_found for account ids no account can have, beside an ok", async () => {
    expect(
      await results([
        posted("t1", "1", { creditAccountId: 2 ** 31 }),
        posted("t2", "1"),
        posted("t3", "1", { debitAccountId: Number.MAX_SAFE_INTEGER }),
        posted("t4", "1", { creditAccountId: 2 ** 31 - 1 }),
      ]),
    ).toEqual([
      { id: "t1", code: "account_not_found" },
      { id: "t2", code: "ok" },
      { id: "t3", code: "account_not_found" },
      { id: "t4", code: "account_not_found" },
    ]);
    expect((await accountOf(api, "bank-a", "position")).debitsPosted).toBe("1.00");
    await expectNotStored("t1", "t3", "t4");
  });

  it("refuses a body holding half a surrogate pair whole: operator bodies are I-JSON too", async () => {
    for (const [index, reference] of ["half a pair \ud800", "\udc00 half a pair"].entries()) {
      const response = await api.call("POST", "/operator/v1/transfers", {
        transfers: [posted(`half-${index}`, "1", { reference }), posted(`whole-${index}`, "1")],
      });
      expectProblem(response, 400, "body_invalid_json");
      await expectNotStored(`half-${index}`, `whole-${index}`);
    }
  });

  it("answers reference_invalid for references no database stores faithfully", async () => {
    const references = ["a\u0000b", "bell\u0007", "del\u007f"];
    const answered = await results([
      ...references.map((reference, index) => posted(`bad-${index}`, "1", { reference })),
      posted("good", "1", { reference: `paid \u{1F600}` }),
    ]);
    expect(answered).toEqual([
      ...references.map((_, index) => ({ id: `bad-${index}`, code: "reference_invalid" })),
      { id: "good", code: "ok" },
    ]);
    await expectNotStored(...references.map((_, index) => `bad-${index}`));
    const good = await api.call("GET", "/operator/v1/transfers/good");
    expect((good.json() as { reference: string }).reference).toBe("paid \u{1F600}");
    expect(await results([posted("good", "1", { reference: "paid \u{1F600}" })])).toEqual([
      { id: "good", code: "exists" },
    ]);
    // The length limit counts UTF-16 code units, in the schema as in the ledger.
    expect(await results([posted("emoji-64", "1", { reference: "\u{1F600}".repeat(64) })])).toEqual(
      [{ id: "emoji-64", code: "ok" }],
    );
    const tooLong = expectProblem(
      await submit([posted("emoji-65", "1", { reference: "\u{1F600}".repeat(65) })]),
      400,
      "request_invalid",
    );
    expect(tooLong.errors).toEqual([
      expect.objectContaining({ location: "body", pointer: "/transfers/0/reference" }),
    ]);
    await expectNotStored("emoji-65");
  });

  const malformed: [string, () => Item, string, string][] = [
    ["a malformed amount", () => posted("x", "12,50"), "amount_invalid", "amount"],
    ["a negative amount", () => posted("x", "-5"), "amount_invalid", "amount"],
    ["an exponent", () => posted("x", "1e2"), "amount_invalid", "amount"],
    ["a zero amount", () => posted("x", "0.00"), "amount_not_positive", "amount"],
    ["too many decimals", () => posted("x", "1.001"), "amount_too_precise", "amount"],
    [
      "decimals in a currency without",
      () => posted("x", "1.5", { currency: "JPY" }),
      "amount_too_precise",
      "amount",
    ],
    [
      "an amount beyond the ledger",
      () => posted("x", "9999999999999999999"),
      "amount_too_large",
      "amount",
    ],
    [
      "an unknown currency",
      () => posted("x", "1", { currency: "EUX" }),
      "currency_unknown",
      "currency",
    ],
    [
      "a lowercase currency",
      () => posted("x", "1", { currency: "eur" }),
      "currency_unknown",
      "currency",
    ],
    ["a missing amount", () => posted("x", "1", { amount: undefined }), "field_required", "amount"],
    [
      "a missing account",
      () => posted("x", "1", { creditAccountId: undefined }),
      "field_required",
      "creditAccountId",
    ],
    [
      "a pending without timeout",
      () => posted("x", "1", { kind: "pending" }),
      "field_required",
      "timeoutMs",
    ],
    [
      "a posted with a timeout",
      () => posted("x", "1", { timeoutMs: 5 }),
      "field_not_allowed",
      "timeoutMs",
    ],
    [
      "a commit without pendingId",
      () => ({ id: "x", kind: "commit" }),
      "field_required",
      "pendingId",
    ],
    [
      "a void with an amount",
      () => ({ id: "x", kind: "void", pendingId: "p", amount: "1" }),
      "field_not_allowed",
      "amount",
    ],
  ];

  for (const [name, item, code, field] of malformed) {
    it(`refuses the whole request for ${name} (${code}) and writes nothing`, async () => {
      const before = await allBalances(api);
      const response = await submit([posted("good-1", "1"), item(), posted("good-2", "1")]);
      const problem = expectProblem(response, 422, "transfers_invalid");
      expect(problem.errors).toEqual([
        expect.objectContaining({ index: 1, code, pointer: `/transfers/1/${field}` }),
      ]);
      expect(await allBalances(api)).toEqual(before);
      await expectNotStored("good-1", "x", "good-2");
    });
  }

  it("lists every malformed item", async () => {
    const response = await submit([
      posted("t0", "abc"),
      posted("t1", "1"),
      posted("t2", "1", { currency: "ZZZ" }),
      { id: "t3", kind: "commit" },
    ]);
    const problem = expectProblem(response, 422, "transfers_invalid");
    expect(problem.errors?.map((error) => [error.index, error.code])).toEqual([
      [0, "amount_invalid"],
      [2, "currency_unknown"],
      [3, "field_required"],
    ]);
    expect(problem.detail).toContain("3 of 4");
    await expectNotStored("t1");
  });

  it("refuses schema violations with request_invalid and writes nothing", async () => {
    const before = await allBalances(api);
    const numeric = expectProblem(
      await submit([posted("t1", "1"), { ...posted("t2", "1"), amount: 1 }]),
      400,
      "request_invalid",
    );
    expect(numeric.errors).toContainEqual(
      expect.objectContaining({ location: "body", pointer: "/transfers/1/amount" }),
    );
    expectProblem(await submit([posted("t1", "1", { colour: "red" })]), 400, "request_invalid");
    expectProblem(await submit([posted("t1", "1", { kind: "expire" })]), 400, "request_invalid");
    expectProblem(await submit([]), 400, "request_invalid");
    expectProblem(await api.call("POST", "/operator/v1/transfers", {}), 400, "request_invalid");
    expect(await allBalances(api)).toEqual(before);
    await expectNotStored("t1", "t2");
  });

  it("refuses more than 1000 transfers with 413 batch_too_large before anything is written", async () => {
    const before = await allBalances(api);
    const oversized = Array.from({ length: 1001 }, (_, index) => posted(`big-${index}`, "0.01"));
    const problem = expectProblem(await submit(oversized), 413, "batch_too_large");
    expect(problem.detail).toContain("1001");
    expect(await allBalances(api)).toEqual(before);
    await expectNotStored("big-0", "big-1000");
  });

  it("accepts exactly 1000 transfers", async () => {
    const batch = Array.from({ length: 1000 }, (_, index) => posted(`t-${index}`, "0.01"));
    const answered = await results(batch);
    expect(answered).toHaveLength(1000);
    expect(new Set(answered.map((result) => result.code))).toEqual(new Set(["ok"]));
    expect((await accountOf(api, "bank-a", "position")).debitsPosted).toBe("10.00");
  });

  it("answers 404 transfer_not_found for an unknown transfer", async () => {
    await expectNotStored("never-sent");
  });

  it("lists the transfer result codes", async () => {
    const response = await api.call("GET", "/operator/v1/result-codes");
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as {
      items: { code: string; transient: boolean; meaning: string }[];
    };
    expect(items.map((item) => item.code)).toEqual(Object.keys(transferResultCodes));
    expect(items.find((item) => item.code === "exceeds_net_debit_cap")).toEqual({
      code: "exceeds_net_debit_cap",
      ...transferResultCodes.exceeds_net_debit_cap,
    });
    expect(items.find((item) => item.code === "account_not_found")).toMatchObject({
      transient: false,
    });
    expect(items.find((item) => item.code === "reference_invalid")).toMatchObject({
      transient: false,
    });
    expect(items.map((item) => item.code)).not.toContain("reference_too_long");
  });
});
