import { Bill, reversalReasons } from "@clearhub/wire";
import { Type } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { FaultOptions } from "../shared/fault-plan.ts";
import type { BillSeed, CustomerSeed } from "./biller-customer.ts";
import type { BillerSimulatorAdmin } from "./biller-simulator-admin.ts";
import type { CapacityOptions } from "./capacity-gate.ts";
import type { ReversalReason } from "./simulated-biller.ts";

const ParametersSchema = Type.Record(
  Type.String({ maxLength: 32 }),
  Type.String({ maxLength: 64 }),
  {
    maxProperties: 8,
  },
);

/** A bill to push: the wire's bill, whose currency defaults to the customer's. */
const PushBillSchema = Type.Object({
  parameters: ParametersSchema,
  bill: Type.Composite([
    Type.Omit(Bill, ["currency"]),
    Type.Partial(Type.Pick(Bill, ["currency"])),
  ]),
});
const pushBillChecker = TypeCompiler.Compile(PushBillSchema);

const CustomerSeedSchema = Type.Object({
  parameters: ParametersSchema,
  name: Type.String({ minLength: 1, maxLength: 140 }),
  currency: Type.String({ pattern: "^[A-Z]{3}$" }),
  status: Type.Optional(Type.Union([Type.Literal("active"), Type.Literal("inactive")])),
  bills: Type.Optional(Type.Array(PushBillSchema.properties.bill, { maxItems: 12 })),
});
const customerSeedChecker = TypeCompiler.Compile(CustomerSeedSchema);

/** The first thing wrong with a body, for a 400 answer. */
function firstError(checker: typeof pushBillChecker | typeof customerSeedChecker, body: unknown) {
  const first = checker.Errors(body).First();
  return `${first?.path || "/"}: ${first?.message ?? "invalid"}`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isReversalReason(value: unknown): value is ReversalReason {
  return typeof value === "string" && (reversalReasons as readonly string[]).includes(value);
}

function badRequest(reply: FastifyReply, error: unknown): FastifyReply {
  return reply.code(400).send({ error: message(error) });
}

/**
 * The simulator's own routes, for tests, the demo, benchmarks and an operator at a terminal:
 * read the books and the measured load, add customers, push bills and reversals to the hub,
 * change the capacity and the faults. Unsigned and unauthenticated: a simulator is never a real
 * biller.
 */
export function billerAdminRoutes(admin: BillerSimulatorAdmin) {
  return async (app: FastifyInstance) => {
    app.get("/admin/customers", async () => ({ customers: admin.customers() }));
    app.post<{ Body: unknown }>("/admin/customers", async (request, reply) => {
      if (!customerSeedChecker.Check(request.body)) {
        return badRequest(reply, firstError(customerSeedChecker, request.body));
      }
      try {
        return reply.code(201).send(admin.addCustomer(request.body as CustomerSeed));
      } catch (error) {
        return badRequest(reply, error);
      }
    });
    app.post<{ Body: unknown }>("/admin/bills", async (request, reply) => {
      if (!pushBillChecker.Check(request.body)) {
        return badRequest(reply, firstError(pushBillChecker, request.body));
      }
      const { parameters, bill } = request.body as {
        parameters: Record<string, string>;
        bill: BillSeed;
      };
      try {
        return reply.code(201).send({ notice: admin.pushBill(parameters, bill) });
      } catch (error) {
        return badRequest(reply, error);
      }
    });
    app.get("/admin/postings", async () => ({ postings: admin.postings() }));
    app.get<{ Params: { postingId: string } }>(
      "/admin/postings/:postingId",
      async (request, reply) =>
        admin.posting(request.params.postingId) ??
        reply.code(404).send({ error: "no such posting" }),
    );
    app.post<{
      Params: { postingId: string };
      Body: { reasonCode?: unknown; reasonText?: unknown } | undefined;
    }>("/admin/postings/:postingId/reverse", async (request, reply) => {
      const reasonCode = request.body?.reasonCode ?? "biller_decision";
      const reasonText = request.body?.reasonText ?? "reversed by the biller";
      if (!isReversalReason(reasonCode)) {
        return badRequest(reply, `reasonCode is one of ${reversalReasons.join(", ")}`);
      }
      if (typeof reasonText !== "string" || reasonText.length > 256) {
        return badRequest(reply, "reasonText is a string of at most 256 characters");
      }
      const reversed = admin.reversePosting(request.params.postingId, reasonCode, reasonText);
      if (!reversed.ok) {
        const status = admin.posting(request.params.postingId) === undefined ? 404 : 409;
        return reply.code(status).send({ error: reversed.reason });
      }
      return { notice: reversed.notice };
    });
    app.get("/admin/notices", async () => ({ notices: admin.notices() }));
    app.get("/admin/load", async () => admin.load());
    app.delete("/admin/load", async (_request, reply) => {
      admin.resetLoad();
      return reply.code(204).send();
    });
    app.get("/admin/capacity", async () => admin.capacity());
    app.put<{ Body: Partial<CapacityOptions> }>("/admin/capacity", async (request, reply) => {
      try {
        return admin.setCapacity(request.body ?? {});
      } catch (error) {
        return badRequest(reply, error);
      }
    });
    app.get("/admin/faults", async () => admin.faults());
    app.put<{ Body: Partial<FaultOptions> }>("/admin/faults", async (request, reply) => {
      try {
        return admin.setFaults(request.body ?? {});
      } catch (error) {
        return badRequest(reply, error);
      }
    });
    app.get("/admin/stats", async () => admin.stats());
  };
}
