/** The biller simulator's command line: a demo biller with its customers and capacity. */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { demoBiller } from "../src/index.ts";

// biome-ignore lint/suspicious/noExplicitAny: tests read the answer's fields one by one
type Json = any;

describe("the command line", () => {
  it("starts a demo biller with its customers, and serves its bills and its load", async () => {
    const bin = fileURLToPath(new URL("../bin/clearhub-biller-simulator.mjs", import.meta.url));
    const child = spawn(process.execPath, [
      bin,
      "--port",
      "0",
      "--trust-hub",
      "--biller-id",
      "biller-power",
    ]);
    try {
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      while (!/customers\s+\d+/.test(output)) await once(child.stdout, "data");
      const endpoint = /endpoint\s+(\S+)/.exec(output)?.[1] ?? "";
      expect(output).toContain("biller-power.simulator");
      expect(output).toContain("30/s declared, failing past 60/s");
      const demo = demoBiller("biller-power");
      const customers = (await (await fetch(`${endpoint}/admin/customers`)).json()) as Json;
      expect(customers.customers).toHaveLength(demo?.customers.length ?? -1);
      // Trusting the hub, the biller answers an unsigned inquiry (a benchmark of the hub alone).
      const inquiry = await fetch(`${endpoint}/bill-inquiries`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          inquiryId: "cli-1",
          customerParameters: [{ name: "meter_number", value: "20260000005" }],
        }),
      });
      expect(inquiry.status).toBe(200);
      const answer = (await inquiry.json()) as Json;
      expect(answer.bills[0]).toMatchObject({ billNumber: "E-2026-11-0001", amountMax: "1000.00" });
      const load = (await (await fetch(`${endpoint}/admin/load`)).json()) as Json;
      expect(load.startedTotal).toBe(1);
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  });
});
