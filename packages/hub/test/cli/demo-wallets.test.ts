/**
 * The demo wallets and merchant: each demo wallet runs as an issuer whose wallet interface is
 * registered and whose prefixes are in the routing table; a second start points the endpoint
 * at the new port and leaves the table as it was, an operator's change included; the merchant
 * is registered once at the demo acquirer.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { demoAcquirerId, demoMerchant, seedDemoMerchant } from "../../src/cli/demo-merchants.ts";
import { seedDemoNetwork } from "../../src/cli/demo-network.ts";
import { type DemoWallets, startDemoWallets } from "../../src/cli/demo-wallets.ts";
import { hubActor } from "../../src/domain/audit/audit-actor.ts";
import { openTestHub, type TestHub } from "../support/test-hub.ts";

let opened: TestHub | undefined;
let wallets: DemoWallets | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await wallets?.close();
  wallets = undefined;
  await opened?.dispose();
  opened = undefined;
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

const hubUrl = "http://127.0.0.1:9"; // the simulators call the hub only for notices

it("registers each demo wallet's interface and prefixes, and on a restart only moves the endpoint", async () => {
  opened = await openTestHub("sqlite");
  const { hub } = opened;
  dataDir = mkdtempSync(join(tmpdir(), "clearhub-demo-wallets-"));
  await seedDemoNetwork(hub);
  wallets = await startDemoWallets(hub, hubUrl, dataDir);
  const first = wallets.wallets.find((wallet) => wallet.walletId === "wallet-alpha");
  const endpoints = await hub.issuerEndpoints.list("wallet-alpha");
  expect(
    endpoints.ok && endpoints.value.endpoints.map((e) => [e.id, new URL(e.url).origin]),
  ).toEqual([["wallet", first?.origin]]);
  expect((await hub.codePrefixes.list()).map((e) => [e.prefix, e.issuerId, e.instrument])).toEqual([
    ["2801", "wallet-alpha", "payment_code"],
    ["2802", "wallet-beta", "payment_code"],
    ["9801", "wallet-alpha", "prepaid_card"],
    ["9802", "wallet-beta", "prepaid_card"],
  ]);
  expect(wallets.lines.join("\n")).toMatch(
    /wallet-alpha {2}alpha-li-wei {5}Li Wei {5}CNY 20000\.00 {2}level B/,
  );

  // The operator takes Beta Wallet's card range away; a restart does not undo it.
  expect((await hub.codePrefixes.remove("9802", hubActor)).ok).toBe(true);
  await wallets.close();
  wallets = await startDemoWallets(hub, hubUrl, dataDir);
  const second = wallets.wallets.find((wallet) => wallet.walletId === "wallet-alpha");
  expect(second?.origin).not.toBe(first?.origin);
  const moved = await hub.issuerEndpoints.list("wallet-alpha");
  expect(moved.ok && moved.value.endpoints.map((e) => [e.id, new URL(e.url).origin])).toEqual([
    ["wallet", second?.origin],
  ]);
  expect((await hub.codePrefixes.list()).map((e) => e.prefix)).toEqual(["2801", "2802", "9801"]);
});

it("registers the demo merchant at the demo acquirer once, and prints the CNY limits", async () => {
  opened = await openTestHub("sqlite");
  const { hub } = opened;
  await seedDemoNetwork(hub);
  const lines = await seedDemoMerchant(hub);
  expect(lines.at(-1)).toBe(
    "barcode limits per payer customer and day (CNY): A by agreement, B 5000.00, C 1000.00, D 500.00",
  );
  const found = await hub.merchants.lookup(demoAcquirerId, demoMerchant.merchantId);
  expect(found).toMatchObject({ ok: true, value: { ...demoMerchant.fields, status: "active" } });
  const before = found.ok ? found.value.updatedAt : undefined;
  await seedDemoMerchant(hub);
  const again = await hub.merchants.lookup(demoAcquirerId, demoMerchant.merchantId);
  expect(again.ok && again.value.updatedAt).toBe(before);
});
