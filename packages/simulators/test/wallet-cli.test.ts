/** The wallet simulator's command line: a demo wallet with its prefixes, customers and cards. */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { demoWallet } from "../src/index.ts";

// biome-ignore lint/suspicious/noExplicitAny: tests read the answer's fields one by one
type Json = any;

describe("the command line", () => {
  it("starts a demo wallet whose customers' codes pay", async () => {
    const bin = fileURLToPath(new URL("../bin/clearhub-wallet-simulator.mjs", import.meta.url));
    const child = spawn(process.execPath, [
      bin,
      "--port",
      "0",
      "--trust-hub",
      "--wallet-id",
      "wallet-beta",
    ]);
    try {
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      while (!/customers\s+\d+/.test(output)) await once(child.stdout, "data");
      const endpoint = /endpoint\s+(\S+)/.exec(output)?.[1] ?? "";
      expect(output).toContain("wallet-beta.simulator");
      expect(output).toContain("codes 2802, cards 9802");
      const demo = demoWallet("wallet-beta");
      const customers = (await (await fetch(`${endpoint}/admin/customers`)).json()) as Json;
      expect(customers.customers).toHaveLength(demo?.customers.length ?? -1);
      const issued = await fetch(`${endpoint}/admin/customers/beta-li-wei/codes`, {
        method: "POST",
      });
      const { code } = (await issued.json()) as Json;
      // Trusting the hub, the wallet answers an unsigned payment (a benchmark of the hub alone).
      const payment = await fetch(`${endpoint}/code-payments`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          paymentId: "cli-1",
          instrument: { kind: "payment_code", number: code },
          amount: "12.30",
          currency: "CNY",
          merchant: {
            acquirerId: "bank-east",
            merchantId: "M-1",
            name: "Demo Tea House",
            categoryCode: "5814",
            city: "Hangzhou",
            countryCode: "CN",
          },
          requestedAt: new Date().toISOString(),
        }),
      });
      expect(payment.status).toBe(200);
      expect(await payment.json()).toMatchObject({
        status: "approved",
        customerRef: "beta-li-wei",
        verificationLevel: "A",
      });
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  });
});
