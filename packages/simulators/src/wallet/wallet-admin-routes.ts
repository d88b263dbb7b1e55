import { verificationLevels } from "@clearhub/wire";
import { Type } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { FaultOptions } from "../shared/fault-plan.ts";
import type { PrepaidCardSeed, WalletCustomerSeed } from "./wallet-customer.ts";
import type { WalletSimulatorAdmin } from "./wallet-simulator-admin.ts";

const Balances = Type.Record(
  Type.String({ pattern: "^[A-Z]{3}$" }),
  Type.String({ maxLength: 40 }),
  { maxProperties: 16 },
);
const Level = Type.Union(verificationLevels.map((level) => Type.Literal(level)));

const CustomerSeedSchema = Type.Object({
  customerId: Type.String({ maxLength: 64 }),
  name: Type.String({ minLength: 1, maxLength: 140 }),
  balances: Balances,
  verificationLevel: Type.Optional(Level),
  blocked: Type.Optional(Type.Boolean()),
  confirmInApp: Type.Optional(Type.Boolean()),
  paymentMax: Type.Optional(Balances),
});
const customerSeedChecker = TypeCompiler.Compile(CustomerSeedSchema);

const CardSeedSchema = Type.Object({
  number: Type.String({ maxLength: 19 }),
  currency: Type.String({ pattern: "^[A-Z]{3}$" }),
  balance: Type.String({ maxLength: 40 }),
  customerRef: Type.Optional(Type.String({ maxLength: 64 })),
  verificationLevel: Type.Optional(Level),
  blocked: Type.Optional(Type.Boolean()),
});
const cardSeedChecker = TypeCompiler.Compile(CardSeedSchema);

const ConfirmSchema = Type.Object({
  outcome: Type.Union([Type.Literal("approved"), Type.Literal("declined")]),
});
const confirmChecker = TypeCompiler.Compile(ConfirmSchema);

/** The most codes one batch hands out: a benchmark's slice, not a memory test. */
export const codesPerBatchMax = 10_000;
const CodeBatchSchema = Type.Object({
  count: Type.Integer({ minimum: 1, maximum: codesPerBatchMax }),
});
const codeBatchChecker = TypeCompiler.Compile(CodeBatchSchema);

type Checker =
  | typeof customerSeedChecker
  | typeof cardSeedChecker
  | typeof confirmChecker
  | typeof codeBatchChecker;

/** The first thing wrong with a body, for a 400 answer. */
function firstError(checker: Checker, body: unknown) {
  const first = checker.Errors(body).First();
  return `${first?.path || "/"}: ${first?.message ?? "invalid"}`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function badRequest(reply: FastifyReply, error: unknown): FastifyReply {
  return reply.code(400).send({ error: message(error) });
}

/**
 * The simulator's own routes, for tests, the demo, benchmarks and an operator at a terminal:
 * add customers and cards, show a customer a one-time payment code, confirm a pending payment
 * as the customer does in the app, read the books, change the faults. Unsigned and
 * unauthenticated: a simulator is never a real issuer.
 */
export function walletAdminRoutes(admin: WalletSimulatorAdmin) {
  return async (app: FastifyInstance) => {
    app.get("/admin/customers", async () => ({ customers: admin.customers() }));
    app.post<{ Body: unknown }>("/admin/customers", async (request, reply) => {
      if (!customerSeedChecker.Check(request.body)) {
        return badRequest(reply, firstError(customerSeedChecker, request.body));
      }
      try {
        return reply.code(201).send(admin.addCustomer(request.body as WalletCustomerSeed));
      } catch (error) {
        return badRequest(reply, error);
      }
    });
    app.post<{ Params: { customerId: string } }>(
      "/admin/customers/:customerId/codes",
      async (request, reply) => {
        try {
          return reply.code(201).send(admin.issueCode(request.params.customerId));
        } catch (error) {
          return reply.code(404).send({ error: message(error) });
        }
      },
    );
    app.post<{ Params: { customerId: string }; Body: unknown }>(
      "/admin/customers/:customerId/code-batches",
      async (request, reply) => {
        if (!codeBatchChecker.Check(request.body)) {
          return badRequest(reply, firstError(codeBatchChecker, request.body));
        }
        const { count } = request.body as { count: number };
        try {
          return reply
            .code(201)
            .send({ codes: admin.issueCodes(request.params.customerId, count) });
        } catch (error) {
          return reply.code(404).send({ error: message(error) });
        }
      },
    );
    app.get("/admin/cards", async () => ({ cards: admin.cards() }));
    app.post<{ Body: unknown }>("/admin/cards", async (request, reply) => {
      if (!cardSeedChecker.Check(request.body)) {
        return badRequest(reply, firstError(cardSeedChecker, request.body));
      }
      try {
        return reply.code(201).send(admin.addCard(request.body as PrepaidCardSeed));
      } catch (error) {
        return badRequest(reply, error);
      }
    });
    app.get("/admin/payments", async () => ({ payments: admin.payments() }));
    app.get<{ Params: { paymentId: string } }>(
      "/admin/payments/:paymentId",
      async (request, reply) =>
        admin.payment(request.params.paymentId) ??
        reply.code(404).send({ error: "no such payment" }),
    );
    app.post<{ Params: { paymentId: string }; Body: unknown }>(
      "/admin/payments/:paymentId/confirm",
      async (request, reply) => {
        if (!confirmChecker.Check(request.body)) {
          return badRequest(reply, firstError(confirmChecker, request.body));
        }
        const { paymentId } = request.params;
        const approve = (request.body as { outcome: string }).outcome === "approved";
        const confirmed = admin.confirmPayment(paymentId, approve);
        if (!confirmed.ok) {
          const status = admin.payment(paymentId)?.request === undefined ? 404 : 409;
          return reply.code(status).send({ error: confirmed.reason });
        }
        return { notice: confirmed.notice };
      },
    );
    app.get("/admin/refunds", async () => ({ refunds: admin.refunds() }));
    app.get("/admin/notices", async () => ({ notices: admin.notices() }));
    app.get("/admin/faults", async () => admin.faults());
    app.put<{ Body: Partial<FaultOptions> }>("/admin/faults", async (request, reply) => {
      try {
        return admin.setFaults(request.body ?? {});
      } catch (error) {
        return badRequest(reply, error);
      }
    });
    app.get("/admin/stats", async () => ({ ...admin.stats(), ...admin.books() }));
  };
}
