/**
 * The demo billers: each profile one the registry accepts, seeded once on a demo network's
 * billers and never overwritten afterwards.
 */
import { afterEach, expect, it } from "vitest";
import { demoBillerProfiles, seedDemoBillers } from "../../src/cli/demo-billers.ts";
import { demoParticipants, seedDemoNetwork } from "../../src/cli/demo-network.ts";
import { hubActor } from "../../src/domain/audit/audit-actor.ts";
import { checkBillerProfile } from "../../src/domain/billers/biller-profile.ts";
import { openTestHub, type TestHub } from "../support/test-hub.ts";

let opened: TestHub | undefined;

afterEach(async () => {
  await opened?.dispose();
  opened = undefined;
});

it("gives every demo biller a valid profile, and only demo billers", () => {
  const billers = demoParticipants.filter((p) => p.kind === "biller").map((p) => p.id);
  expect(Object.keys(demoBillerProfiles).sort()).toEqual([...billers].sort());
  for (const profile of Object.values(demoBillerProfiles)) {
    expect(checkBillerProfile(profile)).toMatchObject({ ok: true });
  }
});

it("seeds the profiles once and keeps an operator's later change", async () => {
  opened = await openTestHub("sqlite");
  const { hub } = opened;
  await seedDemoNetwork(hub);
  expect((await seedDemoBillers(hub)).sort()).toEqual(Object.keys(demoBillerProfiles).sort());
  const water = demoBillerProfiles["biller-water"];
  if (water === undefined) throw new Error("the demo has a water biller");
  const changed = await hub.billers.set(
    "biller-water",
    { ...water, presentmentCacheTtlSeconds: 60 },
    hubActor,
  );
  expect(changed.ok).toBe(true);
  expect(await seedDemoBillers(hub)).toEqual([]);
  const found = await hub.billers.find("biller-water");
  expect(found).toMatchObject({
    ok: true,
    value: { profile: { presentmentCacheTtlSeconds: 60, version: 2 } },
  });
});
