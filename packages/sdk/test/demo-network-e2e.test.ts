/**
 * `clearhub start --demo` as a newcomer meets it: the hub seeds its demo network and starts a
 * simulated bank for each demo bank, and a payment institution signs an agreement with a demo
 * customer and pays through it with this SDK, using the key the demo keeps for it, and asks a
 * demo biller for a demo customer's bills. A restart on the same data directory keeps every key
 * and points the endpoints at the new simulators.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { runDemoNetwork } from "@clearhub/hub/src/cli/demo-network.ts";
import { type RunningHub, type ServeConfig, serve } from "@clearhub/hub/src/cli/serve.ts";
import { openTestDatabase, type TestDatabase } from "@clearhub/hub/test/support/backends.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClearhubClient } from "../src/index.ts";

const liWei = {
  holderName: "Li Wei",
  accountNumber: "6222021000000001",
  idType: "resident_id" as const,
  idNumber: "11010119900307001X",
  mobile: "+8613800000001",
};

let store: TestDatabase;

beforeAll(async () => {
  store = await openTestDatabase("sqlite");
});

afterAll(async () => {
  await store?.dispose();
});

async function startDemo(): Promise<{ running: RunningHub; output: string }> {
  const dataDir = store.dataDir as string;
  const config: ServeConfig = { host: "127.0.0.1", port: 0, dataDir, demo: true, logger: false };
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const running = await serve(config, log, runDemoNetwork(dataDir, log));
  return { running, output: lines.join("\n") };
}

/** What the startup lines say: the wallet's key id, and a bank's inbox origin. */
function printed(output: string) {
  const keyId = /wallet-alpha\s+(wallet-alpha\.\S+)/.exec(output)?.[1];
  const inbox = /inbox (http:\/\/127\.0\.0\.1:\d+)\/inbox/.exec(output)?.[1];
  expect(keyId, output).toBeDefined();
  expect(inbox, output).toBeDefined();
  return { keyId: keyId as string, inbox: inbox as string };
}

async function latestOtp(inboxOrigin: string, mobile: string): Promise<string> {
  const response = await fetch(`${inboxOrigin}/inbox/${encodeURIComponent(mobile)}`);
  const { messages } = (await response.json()) as { messages: { otp: string }[] };
  return messages[0]?.otp ?? "";
}

/** Two whole demo starts, each with its banks', billers' and wallets' simulators. */
const demoStartsTimeoutMs = 90_000;

describe("clearhub start --demo", () => {
  it(
    "starts the demo banks, so a demo customer can sign an agreement and pay, and again after a restart",
    async () => {
      const keyFile = join(store.dataDir as string, "demo-keys", "wallet-alpha.pem");
      const keyIds: string[] = [];
      for (const round of [1, 2]) {
        const { running, output } = await startDemo();
        try {
          expect(output).toContain("bank-east");
          expect(output).toContain("/branch-1");
          expect(output).toContain("/unified");
          expect(output).toContain("bank-west");
          expect(output).toContain(liWei.accountNumber);
          const { keyId, inbox } = printed(output);
          keyIds.push(keyId);
          expect(statSync(keyFile).mode & 0o777).toBe(0o600);

          const wallet = new ClearhubClient({
            baseUrl: running.url,
            keyId,
            privateKey: readFileSync(keyFile, "utf8"),
          });
          const id = `demo-agreement-${round}`;
          const { agreement } = await wallet.createAgreement({
            id,
            bankId: "bank-east",
            customer: liWei,
            authenticationFactors: 2,
            digitalCertificate: false,
          });
          expect(agreement.state).toBe("otp_sent");
          const active = await wallet.confirmAgreement(id, await latestOtp(inbox, liWei.mobile));
          expect(active.state).toBe("active");
          const { operation } = await wallet.createAgreementPayment({
            id: `demo-payment-${round}`,
            agreementId: id,
            amount: "25.00",
            currency: "CNY",
          });
          expect(operation.state).toBe("succeeded");
          const { entries } = (await (await fetch(`${inbox}/admin/ledger`)).json()) as {
            entries: { transactionId: string; endpointPath: string }[];
          };
          expect(entries).toEqual([
            expect.objectContaining({
              transactionId: operation.transactionId,
              endpointPath: "/branch-1",
            }),
          ]);
          // The institution ends it, and the demo bank ends it too.
          expect((await wallet.unsignAgreement(id)).state).toBe("unsigned");

          // A demo biller answers Li Wei's water bill, through its endpoint of this run.
          expect(output).toContain("biller-water");
          const inquiry = await wallet.inquireBills({
            billerId: "biller-water",
            customerParameters: { account_number: "3100000003" },
            initiation: "user",
          });
          expect(inquiry).toMatchObject({
            source: "biller",
            customerName: expect.any(String),
            bills: [{ billNumber: "W-2026-11-0001", amountDue: "86.40", currency: "CNY" }],
          });
          for (const billerId of ["biller-power", "biller-telecom"]) {
            expect(output).toMatch(new RegExp(`${billerId}\\s+http://127\\.0\\.0\\.1:\\d+`));
          }
        } finally {
          await running.close();
        }
      }
      expect(keyIds[1]).toBe(keyIds[0]);
    },
    demoStartsTimeoutMs,
  );
});
