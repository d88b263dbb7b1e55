/**
 * The directory and the routing table as the payment flows will call them, on both backends:
 * a merchant is payable only while it and its acquirer can be paid; two registrations of one
 * merchant at once create it once; routing reads the table from memory, a change made through
 * the same table seen at once and another node's within the refresh time.
 */
import { afterEach, expect, it } from "vitest";
import { KyselyCodePrefixStore } from "../../../src/adapters/store/kysely-code-prefix-store.ts";
import { KyselyMerchantStore } from "../../../src/adapters/store/kysely-merchant-store.ts";
import { CodePrefixTable } from "../../../src/app/code-prefixes/code-prefix-table.ts";
import { MerchantDirectory } from "../../../src/app/merchants/merchant-directory.ts";
import type { Participant } from "../../../src/domain/participant/participant.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../../support/backends.ts";
import { testActor } from "../../support/test-actor.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const participant = (id: string, kind: Participant["kind"]): Participant => ({
  id,
  name: id,
  kind,
  status: "active",
  createdAt: 0,
});

const teaHouse = {
  name: "Tea House Lin",
  merchantCategoryCode: "5814",
  city: "Hangzhou",
  countryCode: "CN",
};

async function open(backend: Backend) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  const known = new Map<string, Participant>(
    [
      participant("bank-alpha", "bank"),
      participant("wallet-alpha", "payment_institution"),
      participant("water-co", "biller"),
    ].map((p) => [p.id, p]),
  );
  const participants = { findParticipant: async (id: string) => known.get(id) };
  let now = 1_000_000;
  const clock = () => now;
  const { kysely, dialect } = test.database;
  return {
    known,
    advance: (ms: number) => {
      now += ms;
    },
    directory: new MerchantDirectory(new KyselyMerchantStore(kysely), participants, clock),
    table: (refreshMs = 1000) =>
      new CodePrefixTable(
        new KyselyCodePrefixStore(kysely, dialect),
        participants,
        clock,
        refreshMs,
      ),
  };
}

describeEachBackend("merchant directory", (backend) => {
  it("creates a merchant once when two registrations race", async () => {
    const { directory, known } = await open(backend);
    const acquirer = known.get("bank-alpha") as Participant;
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => directory.register(acquirer, "store-1", teaHouse)),
    );
    const created = outcomes.map((o) => (o.ok ? o.value.created : "refused"));
    expect(created.filter((c) => c === true)).toHaveLength(1);
    expect(created.filter((c) => c === false)).toHaveLength(2);
  });

  it("refuses a biller as acquirer and answers payable only while it can be paid", async () => {
    const { directory, known } = await open(backend);
    const biller = known.get("water-co") as Participant;
    expect(await directory.register(biller, "m1", teaHouse)).toEqual({
      ok: false,
      code: "participant_not_acquirer",
    });
    const acquirer = known.get("wallet-alpha") as Participant;
    await directory.register(acquirer, "m1", teaHouse);
    expect(await directory.payable("wallet-alpha", "m1")).toMatchObject({ ok: true });
    expect(await directory.payable("wallet-alpha", "m2")).toEqual({
      ok: false,
      code: "merchant_not_found",
    });
    known.set("wallet-alpha", { ...acquirer, status: "suspended" });
    expect(await directory.payable("wallet-alpha", "m1")).toEqual({
      ok: false,
      code: "participant_inactive",
    });
    known.set("wallet-alpha", acquirer);
    await directory.close(acquirer, "m1");
    expect(await directory.payable("wallet-alpha", "m1")).toEqual({
      ok: false,
      code: "merchant_closed",
    });
  });
});

describeEachBackend("code-prefix routing", (backend) => {
  it("routes from memory: at once on the node that changed it, within the refresh elsewhere", async () => {
    const { table, advance } = await open(backend);
    const here = table();
    const there = table();
    expect(await there.routeCode("6201000011112222")).toEqual({
      ok: false,
      code: "code_prefix_unknown",
    });
    const assigned = await here.assign(
      { prefix: "6201", issuerId: "wallet-alpha", instrument: "payment_code" },
      testActor,
    );
    expect(assigned.ok).toBe(true);
    const route = { issuerId: "wallet-alpha", instrument: "payment_code", prefix: "6201" };
    expect(await here.routeCode("6201000011112222")).toEqual({ ok: true, value: route });
    // The other node still routes from what it read a moment ago...
    advance(999);
    expect((await there.routeCode("6201000011112222")).ok).toBe(false);
    // ...and from the table as it is once its copy is a refresh old.
    advance(1);
    expect(await there.routeCode("6201000011112222")).toEqual({ ok: true, value: route });
  });

  it("assigns only to payment institutions, and never an overlapping prefix", async () => {
    const { table } = await open(backend);
    const codes = table();
    const assign = (prefix: string, issuerId = "wallet-alpha") =>
      codes.assign({ prefix, issuerId, instrument: "prepaid_card" }, testActor);
    expect(await assign("88", "bank-alpha")).toEqual({ ok: false, code: "participant_not_issuer" });
    expect(await assign("88", "water-co")).toEqual({ ok: false, code: "participant_not_issuer" });
    expect(await assign("8")).toEqual({ ok: false, code: "code_prefix_invalid" });
    expect((await assign("88")).ok).toBe(true);
    expect(await assign("881")).toMatchObject({
      ok: false,
      code: "code_prefix_overlaps",
      overlaps: { prefix: "88" },
    });
    expect((await assign("89")).ok).toBe(true);
    expect((await codes.list()).map((e) => e.prefix)).toEqual(["88", "89"]);
  });
});
