/**
 * Merchants end to end over the signed participant API: an acquirer registers its merchants
 * idempotently (201, then 200 with nothing changed), reads and lists only its own, closes them
 * for good; any payer's institution looks one up in the directory and sees no internal data; a
 * biller cannot register merchants; bad input answers `merchant_invalid` with pointers and
 * writes nothing. The operator lists an acquirer's merchants.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { problemCatalogue } from "../../src/api/problem.ts";
import { describeEachBackend } from "../support/backends.ts";
import { expectProblem, tokenWithRole, useApiHarness } from "./api-harness.ts";
import { onboardParticipant } from "./participant-client.ts";
import { type StoreSnapshot, snapshotStore, storeChanges } from "./store-snapshot.ts";

const teaHouse = {
  name: "Tea House Lin",
  merchantCategoryCode: "5814",
  city: "Hangzhou",
  countryCode: "CN",
};

describeEachBackend("merchants", (backend) => {
  const api = useApiHarness(backend);

  /** What was written since `before`, but the nonces every signed request leaves. */
  async function writtenSince(before: StoreSnapshot) {
    const { seen_nonces: _nonces, ...changes } = storeChanges(
      before,
      await snapshotStore(api.hub.database),
    );
    return changes;
  }

  it("registers a merchant once, answers a retry the same, and changes it on new fields", async () => {
    const acquirer = await onboardParticipant(api, "bank-alpha");
    const created = await acquirer.call("PUT", "/v1/merchants/store-0042", teaHouse);
    expect(created.statusCode, created.body).toBe(201);
    const merchant = created.json() as Record<string, unknown>;
    expect(merchant).toEqual({
      acquirerId: "bank-alpha",
      merchantId: "store-0042",
      ...teaHouse,
      status: "active",
      createdAt: expect.any(String),
      updatedAt: merchant.createdAt,
    });

    const before = await snapshotStore(api.hub.database);
    const again = await acquirer.call("PUT", "/v1/merchants/store-0042", teaHouse);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(merchant);
    expect(await writtenSince(before)).toEqual({});

    const moved = await acquirer.call("PUT", "/v1/merchants/store-0042", {
      ...teaHouse,
      city: "Ningbo",
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ city: "Ningbo", createdAt: merchant.createdAt });
    expect((await acquirer.call("GET", "/v1/merchants/store-0042")).json()).toEqual(moved.json());
  });

  it("keeps each acquirer's merchants its own, and lists them in pages", async () => {
    const bank = await onboardParticipant(api, "bank-alpha");
    const wallet = await onboardParticipant(api, "wallet-alpha", "payment_institution");
    for (const id of ["m1", "m2", "m3"]) {
      expect((await bank.call("PUT", `/v1/merchants/${id}`, teaHouse)).statusCode).toBe(201);
    }
    // The same id at another acquirer is another merchant.
    expect((await wallet.call("PUT", "/v1/merchants/m1", teaHouse)).statusCode).toBe(201);
    expectProblem(await wallet.call("GET", "/v1/merchants/m2"), 404, "merchant_not_found");

    const seen: string[] = [];
    let path = "/v1/merchants?limit=2";
    for (;;) {
      const page = (await bank.call("GET", path)).json() as {
        merchants: { merchantId: string; acquirerId: string }[];
        next: string | null;
      };
      expect(page.merchants.every((m) => m.acquirerId === "bank-alpha")).toBe(true);
      seen.push(...page.merchants.map((m) => m.merchantId));
      if (page.next === null) break;
      path = `/v1/merchants?limit=2&cursor=${page.next}`;
    }
    expect(seen.sort()).toEqual(["m1", "m2", "m3"]);
    expectProblem(await bank.call("GET", "/v1/merchants?cursor=bogus"), 400, "cursor_invalid");
  });

  it("answers a payer's lookup with what payers see, and refuses a closed merchant's change", async () => {
    const acquirer = await onboardParticipant(api, "wallet-alpha", "payment_institution");
    const payer = await onboardParticipant(api, "bank-beta");
    await acquirer.call("PUT", "/v1/merchants/store-7", teaHouse);
    const looked = await payer.call("GET", "/v1/merchant-directory/wallet-alpha/store-7");
    expect(looked.statusCode).toBe(200);
    expect(looked.json()).toEqual({
      acquirerId: "wallet-alpha",
      merchantId: "store-7",
      ...teaHouse,
      status: "active",
    });
    expectProblem(
      await payer.call("GET", "/v1/merchant-directory/wallet-alpha/store-8"),
      404,
      "merchant_not_found",
    );
    expectProblem(
      await payer.call("GET", "/v1/merchant-directory/nobody/store-7"),
      404,
      "merchant_not_found",
    );

    const closed = await acquirer.call("POST", "/v1/merchants/store-7/close");
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: "closed" });
    expect((await acquirer.call("POST", "/v1/merchants/store-7/close")).json()).toEqual(
      closed.json(),
    );
    expect(
      (await payer.call("GET", "/v1/merchant-directory/wallet-alpha/store-7")).json(),
    ).toMatchObject({ status: "closed" });
    const before = await snapshotStore(api.hub.database);
    expectProblem(
      await acquirer.call("PUT", "/v1/merchants/store-7", { ...teaHouse, name: "New" }),
      409,
      "merchant_closed",
    );
    expectProblem(
      await acquirer.call("POST", "/v1/merchants/none/close"),
      404,
      "merchant_not_found",
    );
    expect(await writtenSince(before)).toEqual({});
    const payable = await api.hub.merchants.payable("wallet-alpha", "store-7");
    expect(payable).toEqual({ ok: false, code: "merchant_closed" });
  });

  it("refuses bad merchants with pointers and writes nothing", async () => {
    const acquirer = await onboardParticipant(api, "bank-alpha");
    const before = await snapshotStore(api.hub.database);
    const refused = expectProblem(
      await acquirer.call("PUT", "/v1/merchants/store-1", {
        name: "x".repeat(26),
        merchantCategoryCode: "58",
        city: "Hangzhou",
        countryCode: "XX",
      }),
      422,
      "merchant_invalid",
    );
    expect(refused.errors).toEqual([
      { location: "body", pointer: "/name", code: "merchant_name_invalid" },
      {
        location: "body",
        pointer: "/merchantCategoryCode",
        code: "merchant_category_code_invalid",
      },
      { location: "body", pointer: "/countryCode", code: "country_code_invalid" },
    ]);
    const badId = expectProblem(
      await acquirer.call("PUT", "/v1/merchants/bad..%21", teaHouse),
      422,
      "merchant_invalid",
    );
    expect(badId.errors).toEqual([
      { location: "params", pointer: "/merchantId", code: "merchant_id_invalid" },
    ]);
    const nul = expectProblem(
      await acquirer.call("PUT", "/v1/merchants/store-1", { ...teaHouse, city: "Hang\u0000zhou" }),
      422,
      "merchant_invalid",
    );
    expect(nul.errors).toEqual([
      { location: "body", pointer: "/city", code: "merchant_city_invalid" },
    ]);
    expectProblem(
      await acquirer.call("PUT", "/v1/merchants/store-1", { ...teaHouse, extra: 1 }),
      400,
      "request_invalid",
    );
    expectProblem(
      await acquirer.call("PUT", "/v1/merchants/store-1", { ...teaHouse, city: 7 }),
      400,
      "request_invalid",
    );
    expect(await writtenSince(before)).toEqual({});
  });

  it("answers any body with a merchant or a catalogued 4xx, and a refusal writes nothing", async () => {
    const acquirer = await onboardParticipant(api, "bank-alpha");
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.constantFrom("CN", "cn", "XX", "5814", "", " ", "\u0000", "😀".repeat(16)),
    );
    const value = fc.oneof(text, fc.integer(), fc.constant(null), fc.array(text, { maxLength: 2 }));
    const body = fc.record(
      { name: value, merchantCategoryCode: value, city: value, countryCode: value, extra: value },
      { requiredKeys: [] },
    );
    const merchantId = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/),
      fc.string({ unit: "binary", minLength: 1, maxLength: 10 }),
    );
    await fc.assert(
      fc.asyncProperty(merchantId, body, async (id, sent) => {
        const before = await snapshotStore(api.hub.database);
        const answer = await acquirer.call("PUT", `/v1/merchants/${encodeURIComponent(id)}`, sent);
        expect(answer.statusCode, answer.body).toBeLessThan(500);
        if (answer.statusCode >= 400) {
          const { code } = answer.json() as { code: string };
          expect(Object.hasOwn(problemCatalogue, code), code).toBe(true);
          expect(await writtenSince(before)).toEqual({});
        }
      }),
      { numRuns: 40 },
    );
  });

  it("lets no biller register, read or look up merchants", async () => {
    const biller = await onboardParticipant(api, "water-co", "biller");
    const before = await snapshotStore(api.hub.database);
    for (const [method, path] of [
      ["PUT", "/v1/merchants/m1"],
      ["GET", "/v1/merchants/m1"],
      ["GET", "/v1/merchants"],
      ["POST", "/v1/merchants/m1/close"],
      ["GET", "/v1/merchant-directory/bank-alpha/m1"],
    ] as const) {
      const body = method === "PUT" ? teaHouse : undefined;
      expectProblem(await biller.call(method, path, body), 403, "operation_not_permitted");
    }
    expect(await writtenSince(before)).toEqual({});
  });

  it("lists an acquirer's merchants for the operator", async () => {
    const acquirer = await onboardParticipant(api, "bank-alpha");
    await onboardParticipant(api, "water-co", "biller");
    await acquirer.call("PUT", "/v1/merchants/m1", teaHouse);
    const viewer = await tokenWithRole(api, "viewer");
    const listed = await api.callAs(
      viewer,
      "GET",
      "/operator/v1/participants/bank-alpha/merchants",
    );
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toEqual({
      items: [expect.objectContaining({ merchantId: "m1", acquirerId: "bank-alpha" })],
      nextCursor: null,
    });
    expectProblem(
      await api.call("GET", "/operator/v1/participants/water-co/merchants"),
      422,
      "participant_not_acquirer",
    );
    expectProblem(
      await api.call("GET", "/operator/v1/participants/nobody/merchants"),
      404,
      "participant_not_found",
    );
  });
});
