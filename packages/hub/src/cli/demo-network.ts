import type { NewParticipant } from "../app/participants/participant-service.ts";
import { hubActor } from "../domain/audit/audit-actor.ts";
import type { Hub } from "../hub.ts";
import { startDemoBanks } from "./demo-banks.ts";
import { startDemoBillerSystems } from "./demo-biller-systems.ts";
import { seedDemoBillers } from "./demo-billers.ts";
import { seedDemoMerchant } from "./demo-merchants.ts";
import { startDemoWallets } from "./demo-wallets.ts";
import type { OnReady, ServeLog } from "./serve.ts";

const demoCurrency = "CNY";

interface DemoParticipant extends NewParticipant {
  /** Deposited into the settlement account on first run, in minor units. */
  readonly deposit: bigint;
}

function holding(netDebitCap: bigint) {
  return [{ currency: demoCurrency, netDebitCap }];
}

/** A small network: two banks, two payment institutions and three billers, funded in CNY. */
export const demoParticipants: readonly DemoParticipant[] = [
  {
    id: "bank-east",
    name: "East Coast Bank",
    kind: "bank",
    currencies: holding(50_000_000_00n),
    deposit: 100_000_000_00n,
  },
  {
    id: "bank-west",
    name: "West River Bank",
    kind: "bank",
    currencies: holding(50_000_000_00n),
    deposit: 100_000_000_00n,
  },
  {
    id: "wallet-alpha",
    name: "Alpha Pay",
    kind: "payment_institution",
    currencies: holding(5_000_000_00n),
    deposit: 10_000_000_00n,
  },
  {
    id: "wallet-beta",
    name: "Beta Wallet",
    kind: "payment_institution",
    currencies: holding(5_000_000_00n),
    deposit: 10_000_000_00n,
  },
  {
    id: "biller-water",
    name: "City Water Utility",
    kind: "biller",
    currencies: holding(0n),
    deposit: 0n,
  },
  {
    id: "biller-power",
    name: "Metro Power Grid",
    kind: "biller",
    currencies: holding(0n),
    deposit: 0n,
  },
  {
    id: "biller-telecom",
    name: "Telecom Broadband",
    kind: "biller",
    currencies: holding(0n),
    deposit: 0n,
  },
];

/**
 * Seeds the demo network on first run. Idempotent: participants that exist are kept, and the
 * deposits use fixed transfer ids, so a second run changes nothing.
 */
export async function seedDemoNetwork(hub: Hub): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const participant of demoParticipants) {
    const { deposit, ...registration } = participant;
    const outcome = await hub.participants.register(registration, hubActor);
    if (outcome.ok) created.push(participant.id);
    else if (outcome.code !== "participant_exists") {
      throw new Error(`demo participant ${participant.id}: ${outcome.code}`);
    }
    if (deposit === 0n) continue;
    const funds = await hub.funds.moveFunds(
      {
        transferId: `demo-deposit-${participant.id}`,
        participantId: participant.id,
        direction: "in",
        currency: demoCurrency,
        amount: deposit,
        reference: "demo network opening deposit",
      },
      hubActor,
    );
    if (!funds.ok || (funds.value !== "ok" && funds.value !== "exists")) {
      throw new Error(`demo deposit for ${participant.id}: ${funds.ok ? funds.value : funds.code}`);
    }
  }
  return { created };
}

/** Two admins, so that one can propose what needs four eyes and the other approve it. */
export const demoOperatorNames = ["admin", "approver"] as const;

/**
 * Creates the demo's console accounts on first run and answers their generated passwords, the
 * only time they are known; later runs find the accounts and answer nothing.
 */
export async function seedDemoOperators(hub: Hub): Promise<{ name: string; password: string }[]> {
  const created: { name: string; password: string }[] = [];
  for (const name of demoOperatorNames) {
    const outcome = await hub.operatorAccounts.create({ name, role: "admin" }, hubActor);
    if (outcome.ok) created.push({ name, password: outcome.value.password });
    else if (outcome.code !== "operator_account_exists") {
      throw new Error(`demo operator ${name}: ${outcome.code}`);
    }
  }
  return created;
}

/**
 * What `clearhub start --demo` does once the hub listens: seeds the network, its billers'
 * profiles and its console accounts (first run only), then starts its banks', its billers' and
 * its wallets' simulators, which stop when the hub does, and registers its demo merchant.
 */
export function runDemoNetwork(dataDir: string, log: ServeLog): OnReady {
  return async (hub, url) => {
    const { created } = await seedDemoNetwork(hub);
    if (created.length > 0) log(`demo network seeded: ${created.join(", ")}`);
    const billers = await seedDemoBillers(hub);
    if (billers.length > 0) log(`demo billers' profiles registered: ${billers.join(", ")}`);
    const operators = await seedDemoOperators(hub);
    if (operators.length > 0) {
      log("  console logins (admins; shown once, store them now):");
      for (const { name, password } of operators) log(`    ${name.padEnd(9)} ${password}`);
    }
    const banks = await startDemoBanks(hub, url, dataDir);
    for (const line of banks.lines) log(line);
    const started: { close(): Promise<void> }[] = [banks];
    const stopAll = async () => {
      for (const part of started.reverse()) await part.close();
    };
    try {
      const billerSystems = await startDemoBillerSystems(hub, url, dataDir);
      started.push(billerSystems);
      for (const line of billerSystems.lines) log(line);
      const wallets = await startDemoWallets(hub, url, dataDir);
      started.push(wallets);
      for (const line of wallets.lines) log(line);
      for (const line of await seedDemoMerchant(hub)) log(line);
      return stopAll;
    } catch (error) {
      await stopAll();
      throw error;
    }
  };
}
