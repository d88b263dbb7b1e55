/**
 * The settlement console tests' network: a console fixture on a backend, two banks and a thin
 * wallet in every test currency (one currency per test, so no test sees another's windows), and
 * the API calls the tests make to set up traffic and to learn what the page must show.
 */
import { expect } from "vitest";
import type { Backend } from "../support/backends.ts";
import { type ConsoleFixture, openConsoleFixture } from "./console-fixture.ts";

export const settlementCurrencies = ["EUR", "USD", "GBP", "CHF"] as const;

interface Participant {
  accounts: { id: number; kind: string; currency: string; balance: string }[];
}

export interface WindowReport {
  window: { id: string; state: string; carriedInto: string | null };
  positions: { participantId: string; net: string }[];
  instructions: { participantId: string; direction: string; amount: string; leg: string }[];
  shortfalls: { participantId: string; owes: string; reserve: string; shortBy: string }[];
}

export interface SettlementNetwork {
  readonly fixture: ConsoleFixture;
  readonly api: ConsoleFixture["api"];
  accountOf(
    participantId: string,
    kind: string,
    currency: string,
  ): Promise<Participant["accounts"][number]>;
  /** Posts a transfer between two participants' positions: traffic for the open window. */
  pay(id: string, from: string, to: string, amount: string, currency: string): Promise<void>;
  /** North pays south 300.00 and south pays north 45.50: north owes 254.50 net. */
  traffic(currency: string): Promise<void>;
  report(windowId: string): Promise<WindowReport>;
  /** Approves the one pending proposal on `subject` as the harness's admin: a second operator. */
  approvePending(subject: string): Promise<void>;
}

export async function openSettlementNetwork(backend: Backend): Promise<SettlementNetwork> {
  const fixture = await openConsoleFixture(backend);
  const api: ConsoleFixture["api"] = (method, url, body) => fixture.api(method, url, body);
  const accountOf = async (participantId: string, kind: string, currency: string) => {
    const participant = await api<Participant>("GET", `/participants/${participantId}`);
    const account = participant.accounts.find((a) => a.kind === kind && a.currency === currency);
    if (account === undefined) throw new Error(`${participantId} has no ${currency} ${kind}`);
    return account;
  };
  const pay = async (id: string, from: string, to: string, amount: string, currency: string) => {
    await api("POST", "/transfers", {
      transfers: [
        {
          id,
          kind: "posted",
          debitAccountId: (await accountOf(from, "position", currency)).id,
          creditAccountId: (await accountOf(to, "position", currency)).id,
          amount,
          currency,
        },
      ],
    });
  };
  try {
    for (const [id, name] of [
      ["bank-north", "North Bank"],
      ["bank-south", "South Bank"],
      ["wallet-thin", "Thin Wallet"],
    ]) {
      await api("POST", "/participants", {
        id,
        name,
        kind: "bank",
        currencies: settlementCurrencies.map((currency) => ({
          currency,
          netDebitCap: "100000.00",
        })),
      });
    }
    // North can pay what it will owe; the thin wallet holds nothing in its settlement account.
    for (const currency of settlementCurrencies) {
      await api("POST", "/participants/bank-north/funds", {
        id: `seed-${currency}`,
        direction: "in",
        amount: "1000.00",
        currency,
      });
    }
  } catch (error) {
    await fixture.dispose();
    throw error;
  }
  return {
    fixture,
    api,
    accountOf,
    pay,
    async traffic(currency) {
      await pay(`${currency}-t1`, "bank-north", "bank-south", "300.00", currency);
      await pay(`${currency}-t2`, "bank-south", "bank-north", "45.50", currency);
    },
    report: (windowId) => api<WindowReport>("GET", `/settlement-windows/${windowId}`),
    async approvePending(subject) {
      const { items } = await api<{ items: { id: string; subject: string }[] }>(
        "GET",
        "/approvals?state=pending",
      );
      const pending = items.filter((approval) => approval.subject === subject);
      expect(pending.length).toBe(1);
      await api("POST", `/approvals/${pending[0]?.id}/approve`);
    },
  };
}
