import { createPrivateKey, type KeyObject } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { exportPublicKeyRaw, generateSigningKeyPair } from "@clearhub/http-signatures";
import {
  type AccountSeed,
  type BankSimulator,
  demoAccounts,
  startBankSimulator,
} from "@clearhub/simulators";
import { hubActor } from "../domain/audit/audit-actor.ts";
import type { Hub } from "../hub.ts";

/** A demo bank: its participant id, the endpoint paths it serves, and its customers. */
interface DemoBank {
  readonly id: string;
  /** The first is registered first and so becomes primary; the others wait for a cut-over. */
  readonly endpoints: readonly { readonly id: string; readonly path: string }[];
  readonly accounts: readonly AccountSeed[];
}

/** The same three demo customers, holding accounts at West River Bank too. */
const westAccounts = demoAccounts.map((account) => ({
  ...account,
  accountNumber: account.accountNumber.replace(/^622202/, "621700"),
}));

export const demoBanks: readonly DemoBank[] = [
  {
    id: "bank-east",
    endpoints: [
      { id: "branch-1", path: "/branch-1" },
      { id: "unified", path: "/unified" },
    ],
    accounts: demoAccounts,
  },
  {
    id: "bank-west",
    endpoints: [{ id: "quickpay", path: "/quickpay" }],
    accounts: westAccounts,
  },
];

/** The demo's payment institutions, whose keys the demo keeps so the SDK can sign as them. */
export const demoInstitutionIds = ["wallet-alpha", "wallet-beta"] as const;

export interface DemoKey {
  readonly participantId: string;
  readonly keyId: string;
  readonly file: string;
  readonly privateKey: KeyObject;
}

export interface DemoBanks {
  readonly banks: readonly BankSimulator[];
  readonly institutionKeys: readonly DemoKey[];
  /** What the demo prints at startup. */
  readonly lines: readonly string[];
  close(): Promise<void>;
}

/** The participant's demo key, made once and kept (owner-only) under the data directory. */
function keptPrivateKey(dataDir: string, participantId: string): { file: string; key: KeyObject } {
  const directory = join(dataDir, "demo-keys");
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const file = join(directory, `${participantId}.pem`);
  if (!existsSync(file)) {
    const { privateKey } = generateSigningKeyPair();
    const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  // Printed at startup: absolute, so it reads the same from wherever it is copied.
  return { file: resolve(file), key: createPrivateKey(readFileSync(file, "utf8")) };
}

/** The key's id at the hub: registered on the first start, found again on every later one. */
async function registeredKeyId(hub: Hub, participantId: string, key: KeyObject): Promise<string> {
  const publicKey = exportPublicKeyRaw(key);
  const listed = await hub.participantKeys.list(participantId);
  if (!listed.ok) throw new Error(`demo keys of ${participantId}: ${listed.code}`);
  const known = listed.value.find((k) => k.publicKey === publicKey && k.status === "active");
  if (known !== undefined) return known.keyId;
  const added = await hub.participantKeys.add(participantId, publicKey, hubActor);
  if (!added.ok) throw new Error(`demo key of ${participantId}: ${added.code}`);
  return added.value.keyId;
}

export async function demoKey(hub: Hub, dataDir: string, participantId: string): Promise<DemoKey> {
  const { file, key } = keptPrivateKey(dataDir, participantId);
  return {
    participantId,
    keyId: await registeredKeyId(hub, participantId, key),
    file,
    privateKey: key,
  };
}

/**
 * Registers each endpoint on the first start; later starts only point it at where the
 * simulator listens now, leaving the primary and any migration as the operator set them.
 */
async function registerEndpoints(hub: Hub, bank: DemoBank, simulator: BankSimulator) {
  const listed = await hub.bankEndpoints.list(bank.id);
  if (!listed.ok) throw new Error(`demo endpoints of ${bank.id}: ${listed.code}`);
  for (const { id, path } of bank.endpoints) {
    const url = simulator.urls[path] as string;
    const existing = listed.value.endpoints.find((endpoint) => endpoint.id === id);
    if (existing?.url === url) continue;
    const outcome =
      existing === undefined
        ? await hub.bankEndpoints.add(bank.id, { id, url }, hubActor)
        : await hub.bankEndpoints.update(bank.id, id, { url }, hubActor);
    if (!outcome.ok) throw new Error(`demo endpoint ${bank.id}/${id}: ${outcome.code}`);
  }
}

/**
 * Starts a bank simulator for each demo bank, in this process on free local ports, signing
 * with a key kept in the data directory and registered as the bank's participant key; registers
 * the banks' endpoints; and keeps a key for each demo payment institution, so that a newcomer
 * can sign agreements and pay at once. Run after the demo network is seeded.
 */
export async function startDemoBanks(
  hub: Hub,
  hubUrl: string,
  dataDir: string,
): Promise<DemoBanks> {
  const banks: BankSimulator[] = [];
  try {
    for (const bank of demoBanks) {
      const key = await demoKey(hub, dataDir, bank.id);
      const simulator = await startBankSimulator({
        bankId: bank.id,
        hubUrl,
        endpointPaths: bank.endpoints.map((endpoint) => endpoint.path),
        signingKey: { keyId: key.keyId, privateKey: key.privateKey },
        accounts: bank.accounts,
      });
      banks.push(simulator);
      await registerEndpoints(hub, bank, simulator);
    }
    const institutionKeys: DemoKey[] = [];
    for (const id of demoInstitutionIds) institutionKeys.push(await demoKey(hub, dataDir, id));
    return {
      banks,
      institutionKeys,
      lines: demoLines(banks, institutionKeys),
      close: () => closeAll(banks),
    };
  } catch (error) {
    await closeAll(banks);
    throw error;
  }
}

async function closeAll(banks: readonly BankSimulator[]): Promise<void> {
  await Promise.all(banks.map((bank) => bank.close()));
}

function demoLines(banks: readonly BankSimulator[], keys: readonly DemoKey[]): string[] {
  const lines = ["demo banks (simulated, in this process; their books start empty each run):"];
  for (const bank of banks) {
    lines.push(`  ${bank.bankId.padEnd(13)} ${Object.values(bank.urls).join("  ")}`);
    lines.push(`  ${"".padEnd(13)} inbox ${bank.origin}/inbox/{mobile}`);
    lines.push(
      `  ${"".padEnd(13)} accounts ${bank.origin}/admin/accounts  ledger ${bank.origin}/admin/ledger`,
    );
  }
  lines.push("demo customers (an account at each bank):");
  for (const [index, account] of demoAccounts.slice(0, 2).entries()) {
    const held = demoBanks
      .map((bank) => `${bank.id} ${bank.accounts[index]?.accountNumber}`)
      .join("  ");
    lines.push(
      `  ${account.holderName.padEnd(10)} ID ${account.idNumber}  mobile ${account.mobile}`,
      `  ${"".padEnd(10)} account at ${held}`,
    );
  }
  lines.push("demo payment institution keys (for the SDK):");
  for (const key of keys) lines.push(`  ${key.participantId.padEnd(13)} ${key.keyId}  ${key.file}`);
  return lines;
}
