import { demoWallets, startWalletSimulator, type WalletSimulator } from "@clearhub/simulators";
import { hubActor } from "../domain/audit/audit-actor.ts";
import type { CodeInstrument } from "../domain/barcode/code-prefix.ts";
import type { Hub } from "../hub.ts";
import { demoKey } from "./demo-banks.ts";

/** The endpoint id each demo wallet's interface is registered under. */
const demoWalletEndpointId = "wallet";

export interface DemoWallets {
  readonly wallets: readonly WalletSimulator[];
  /** What the demo prints at startup. */
  readonly lines: readonly string[];
  close(): Promise<void>;
}

/**
 * Registers the wallet interface's endpoint on the first start; later starts only point it at
 * where the simulator listens now, as the demo banks' endpoints are. True on the first start.
 */
async function registerEndpoint(hub: Hub, walletId: string, url: string): Promise<boolean> {
  const listed = await hub.issuerEndpoints.list(walletId);
  if (!listed.ok) throw new Error(`demo endpoints of ${walletId}: ${listed.code}`);
  const existing = listed.value.endpoints.find((endpoint) => endpoint.id === demoWalletEndpointId);
  if (existing?.url === url) return false;
  const outcome =
    existing === undefined
      ? await hub.issuerEndpoints.add(walletId, { id: demoWalletEndpointId, url }, hubActor)
      : await hub.issuerEndpoints.update(walletId, demoWalletEndpointId, { url }, hubActor);
  if (!outcome.ok) throw new Error(`demo endpoint ${walletId}: ${outcome.code}`);
  return existing === undefined;
}

/**
 * Gives the issuer its prefix in the routing table, on the first start only: an operator may
 * have removed or moved it since, and the demo does not undo that. The demo writes as the hub,
 * without four eyes, as it registers endpoints.
 */
async function assignPrefix(
  hub: Hub,
  issuerId: string,
  prefix: string,
  instrument: CodeInstrument,
): Promise<void> {
  if ((await hub.codePrefixes.find(prefix)).ok) return;
  const assigned = await hub.codePrefixes.assign({ prefix, issuerId, instrument }, hubActor);
  if (!assigned.ok) throw new Error(`demo prefix ${prefix} of ${issuerId}: ${assigned.code}`);
}

/**
 * Starts a wallet simulator for each demo wallet (the issuer side of barcode payments), in this
 * process on free local ports, with its demo customers and prepaid cards, signing with the
 * payment institution's key kept in the data directory; registers its wallet interface as the
 * issuer's endpoint and its code and card prefixes in the routing table. Run after the demo
 * network is seeded.
 */
export async function startDemoWallets(
  hub: Hub,
  hubUrl: string,
  dataDir: string,
): Promise<DemoWallets> {
  const wallets: WalletSimulator[] = [];
  try {
    for (const demo of demoWallets) {
      const key = await demoKey(hub, dataDir, demo.walletId);
      const simulator = await startWalletSimulator({
        walletId: demo.walletId,
        hubUrl,
        signingKey: { keyId: key.keyId, privateKey: key.privateKey },
        codePrefix: demo.codePrefix,
        cardPrefix: demo.cardPrefix,
        customers: demo.customers,
        cards: demo.cards,
      });
      wallets.push(simulator);
      if (await registerEndpoint(hub, demo.walletId, simulator.url)) {
        await assignPrefix(hub, demo.walletId, demo.codePrefix, "payment_code");
        await assignPrefix(hub, demo.walletId, demo.cardPrefix, "prepaid_card");
      }
    }
    return { wallets, lines: demoLines(wallets), close: () => closeAll(wallets) };
  } catch (error) {
    await closeAll(wallets);
    throw error;
  }
}

async function closeAll(wallets: readonly WalletSimulator[]): Promise<void> {
  await Promise.all(wallets.map((wallet) => wallet.close()));
}

function demoLines(wallets: readonly WalletSimulator[]): string[] {
  const lines = [
    "demo wallets (simulated issuers, in this process; their books start afresh each run):",
  ];
  for (const wallet of wallets) {
    lines.push(
      `  ${wallet.walletId.padEnd(13)} ${wallet.url}  codes ${wallet.codePrefix}…  cards ${wallet.cardPrefix}…`,
      `  ${"".padEnd(13)} customers ${wallet.origin}/admin/customers  cards ${wallet.origin}/admin/cards`,
    );
  }
  lines.push("demo wallet customers (a payment code: POST <wallet>/admin/customers/<id>/codes):");
  for (const wallet of wallets) {
    for (const customer of wallet.customers()) {
      const balance = Object.entries(customer.balances)
        .map(([currency, amount]) => `${currency} ${amount}`)
        .join(" ");
      const notes = [
        `level ${customer.verificationLevel}`,
        ...(customer.confirmInApp ? ["confirms in the app"] : []),
        ...(customer.blocked ? ["blocked"] : []),
      ].join(", ");
      lines.push(
        `  ${wallet.walletId.padEnd(13)} ${customer.customerId.padEnd(16)} ${customer.name.padEnd(10)} ${balance}  ${notes}`,
      );
    }
  }
  return lines;
}
