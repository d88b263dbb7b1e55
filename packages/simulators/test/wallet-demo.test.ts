/**
 * The demo wallets: every customer and card of their configuration is one the simulator holds,
 * with the prefixes the demo network routes to them, and each customer's codes pay as their
 * settings say (approved at their level, pending in the app, declined when blocked).
 */
import { describe, expect, it } from "vitest";
import { demoWallets, startWalletSimulator } from "../src/index.ts";
import { merchant } from "./support/wallet-fixture.ts";

// biome-ignore lint/suspicious/noExplicitAny: tests read the answer's fields one by one
type Json = any;

describe.each(demoWallets.map((wallet) => [wallet.walletId, wallet] as const))(
  "demo wallet %s",
  (_, demo) => {
    it("holds its customers and cards, and each customer's code pays as configured", async () => {
      const wallet = await startWalletSimulator({
        walletId: demo.walletId,
        codePrefix: demo.codePrefix,
        cardPrefix: demo.cardPrefix,
        customers: demo.customers,
        cards: demo.cards,
        verifyHubSignatures: false,
      });
      try {
        expect(wallet.customers()).toHaveLength(demo.customers.length);
        for (const card of wallet.cards())
          expect(card.number.startsWith(demo.cardPrefix)).toBe(true);
        for (const customer of demo.customers) {
          const { code } = wallet.issueCode(customer.customerId);
          expect(code.startsWith(demo.codePrefix)).toBe(true);
          const response = await fetch(`${wallet.url}/code-payments`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              paymentId: `demo-${customer.customerId}`,
              instrument: { kind: "payment_code", number: code },
              amount: "1.00",
              currency: "CNY",
              merchant,
              requestedAt: new Date().toISOString(),
            }),
          });
          const answer = (await response.json()) as Json;
          const expected = customer.blocked
            ? { status: "declined", reasonCode: "customer_blocked" }
            : customer.confirmInApp
              ? { status: "pending" }
              : { status: "approved", verificationLevel: customer.verificationLevel };
          expect(answer, customer.customerId).toMatchObject(expected);
        }
      } finally {
        await wallet.close();
      }
    });
  },
);
