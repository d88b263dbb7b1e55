/**
 * The simulated bank of `clearhub bench payments`, run as a child process: the bank simulator
 * over real HTTP, verifying the hub's signatures and signing its answers, with a drop rate.
 * The parent reads one-time passwords and the bank's ledger through its admin routes.
 */
import { type BankSimulator, startBankSimulator } from "@clearhub/simulators";
import { serveParent } from "./bench-child.ts";
import type { BankChildMessage, BankParentMessage } from "./bench-payments-bank-protocol.ts";

let bank: BankSimulator | undefined;

function send(message: BankChildMessage): void {
  process.send?.(message);
}

async function handle(message: BankParentMessage): Promise<void> {
  if (message.type === "start") {
    const { config } = message;
    bank = await startBankSimulator({
      bankId: config.bankId,
      hubUrl: config.hubUrl,
      verifyHubSignatures: true,
      signingKey: { keyId: config.keyId, privateKey: config.privateKeyPem },
      accounts: config.accounts,
      // Drops only: no latency, no capacity limit the hub's endpoint limit does not set first.
      faults: { dropRate: config.dropRate, capacityMax: 100_000 },
    });
    send({ type: "started", url: bank.url, origin: bank.origin });
  } else if (message.type === "setDropRate") {
    bank?.setFaults({ dropRate: message.dropRate });
    send({ type: "faultsSet" });
  } else if (message.type === "cpu") {
    const used = process.cpuUsage();
    send({ type: "cpu", cpuMs: (used.user + used.system) / 1000 });
  } else {
    await bank?.close();
    process.disconnect();
  }
}

serveParent("the simulated bank", handle);
