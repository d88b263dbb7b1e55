import { bankUnsignReasons } from "@clearhub/wire";
import type { FastifyInstance } from "fastify";
import type { FaultOptions } from "../shared/fault-plan.ts";
import type { AccountSeed } from "./bank-account.ts";
import type { BankSimulatorAdmin } from "./bank-simulator-admin.ts";

type UnsignReason = (typeof bankUnsignReasons)[number];

function isUnsignReason(value: unknown): value is UnsignReason {
  return typeof value === "string" && (bankUnsignReasons as readonly string[]).includes(value);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The simulator's own routes, for tests, the demo and an operator at a terminal: read the
 * customers' messages and the bank's books, open accounts, end agreements on the bank's side,
 * change the faults. Unsigned and unauthenticated: a simulator is never a real bank.
 */
export function bankAdminRoutes(admin: BankSimulatorAdmin) {
  return async (app: FastifyInstance) => {
    app.get<{ Params: { mobile: string } }>("/inbox/:mobile", async (request) => ({
      messages: admin.inbox(request.params.mobile),
    }));
    app.get("/admin/accounts", async () => ({ accounts: admin.balances() }));
    app.post<{ Body: AccountSeed }>("/admin/accounts", async (request, reply) => {
      try {
        return reply.code(201).send(admin.openAccount(request.body));
      } catch (error) {
        return reply.code(400).send({ error: message(error) });
      }
    });
    app.get("/admin/agreements", async () => ({ agreements: admin.agreements() }));
    app.post<{ Params: { agreementNumber: string }; Body: { reason?: unknown } | undefined }>(
      "/admin/agreements/:agreementNumber/unsign",
      async (request, reply) => {
        const reason = request.body?.reason ?? "customer_request";
        if (!isUnsignReason(reason)) {
          return reply
            .code(400)
            .send({ error: `reason is one of ${bankUnsignReasons.join(", ")}` });
        }
        const notice = admin.unsignAgreement(request.params.agreementNumber, reason);
        if (notice === undefined)
          return reply.code(404).send({ error: "no such signed agreement" });
        return { notice };
      },
    );
    app.get("/admin/ledger", async () => ({ entries: admin.ledger() }));
    app.get<{ Params: { transactionId: string } }>(
      "/admin/transactions/:transactionId",
      async (request, reply) =>
        admin.transaction(request.params.transactionId) ??
        reply.code(404).send({ error: "no such transaction" }),
    );
    app.get("/admin/notices", async () => ({ notices: admin.notices() }));
    app.get("/admin/faults", async () => admin.faults());
    app.put<{ Body: Partial<FaultOptions> }>("/admin/faults", async (request, reply) => {
      try {
        return admin.setFaults(request.body ?? {});
      } catch (error) {
        return reply.code(400).send({ error: message(error) });
      }
    });
    app.get("/admin/stats", async () => admin.stats());
  };
}
