/**
 * The endpoint registry for every kind of participant whose system the hub calls: a registry
 * given those kinds takes a biller's endpoints the same way as a bank's, the bank routes'
 * registry still answers a biller `participant_not_bank`, an issuer (a payment institution) has
 * its wallet interface's endpoints there too, and nobody registers endpoints for the operator.
 */
import { afterEach, expect, it } from "vitest";
import { CockatielEndpointGuard } from "../../src/adapters/resilience/cockatiel-endpoint-guard.ts";
import { KyselyBankEndpointStore } from "../../src/adapters/store/kysely-bank-endpoint-store.ts";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import { BankEndpointService } from "../../src/app/banks/bank-endpoint-service.ts";
import { calledSystemKinds } from "../../src/domain/participant/called-system-kind.ts";
import { describeEachBackend, openTestDatabase } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describeEachBackend("the endpoint registry by owner kind", (backend) => {
  async function registries() {
    const test = await openTestDatabase(backend);
    cleanups.push(() => test.dispose());
    const { kysely, dialect } = test.database;
    const participants = new KyselyParticipantStore(kysely);
    for (const [id, kind] of [
      ["bank-a", "bank"],
      ["water-co", "biller"],
      ["wallet-a", "payment_institution"],
      ["hub-operator", "operator"],
    ] as const) {
      await participants.createParticipant(
        { id, name: id, kind, status: "active", createdAt: 1 },
        [],
      );
    }
    const store = new KyselyBankEndpointStore(kysely, dialect);
    const guard = new CockatielEndpointGuard();
    return {
      banksOnly: new BankEndpointService(participants, store, guard),
      everySystem: new BankEndpointService(participants, store, guard, Date.now, calledSystemKinds),
    };
  }

  const main = { id: "main", url: "https://water-co.example/hub" };

  it("registers a biller's endpoint in the registry of every called system", async () => {
    const { everySystem } = await registries();
    const added = await everySystem.add("water-co", main, testActor);
    expect(added).toMatchObject({ ok: true, value: { primary: true } });
    const listed = await everySystem.list("water-co");
    expect(listed.ok && listed.value.endpoints.map((endpoint) => endpoint.id)).toEqual(["main"]);
    expect(await everySystem.add("bank-a", main, testActor)).toMatchObject({ ok: true });
  });

  it("keeps the bank registry to banks, and every registry away from the operator", async () => {
    const { banksOnly, everySystem } = await registries();
    expect(await banksOnly.add("water-co", main, testActor)).toEqual({
      ok: false,
      code: "participant_not_bank",
    });
    await everySystem.add("water-co", main, testActor);
    expect(await banksOnly.list("water-co")).toEqual({ ok: false, code: "participant_not_bank" });
    expect(await banksOnly.retire("water-co", "main", testActor)).toEqual({
      ok: false,
      code: "participant_not_bank",
    });
    expect(await everySystem.add("wallet-a", main, testActor)).toMatchObject({ ok: true });
    expect(await banksOnly.add("wallet-a", main, testActor)).toEqual({
      ok: false,
      code: "participant_not_bank",
    });
    expect(await everySystem.add("hub-operator", main, testActor)).toEqual({
      ok: false,
      code: "participant_not_bank",
    });
  });
});
