import { setTimeout as sleep } from "node:timers/promises";
import { signatureFailureCodes } from "@clearhub/http-signatures";
import {
  type BankOperationName,
  bankOperationNames,
  bankOperations,
  bankRefusalCodes,
} from "@clearhub/wire";
import type { TSchema } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { BankAnswerSigner } from "./bank-answer-signer.ts";
import type { DeskResult } from "./desk-result.ts";
import type { Delivery, FaultPlan } from "./fault-plan.ts";
import type { HubRequestAuth } from "./hub-request-auth.ts";
import type { OperationRequests, SimulatedBank } from "./simulated-bank.ts";
import type { SimulatorStats } from "./simulator-stats.ts";

export interface BankInterfaceRoutesContext {
  readonly bank: SimulatedBank;
  readonly auth: HubRequestAuth;
  readonly signer: BankAnswerSigner;
  readonly faults: FaultPlan;
  readonly stats: SimulatorStats;
  /** Aborted when the simulator closes: delayed answers stop waiting. */
  readonly closing: AbortSignal;
}

/** The body as received, which the hub's Content-Digest covers. */
const rawBodies = new WeakMap<FastifyRequest, Buffer>();

const requestCheckers = Object.fromEntries(
  bankOperationNames.map((name) => [
    name,
    TypeCompiler.Compile(bankOperations[name].request as TSchema),
  ]),
) as Record<BankOperationName, ReturnType<typeof TypeCompiler.Compile>>;

function parseJson(raw: Buffer | undefined): unknown {
  try {
    return raw === undefined ? undefined : JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

/** Waits, unless the simulator closes first; false then. */
async function pause(ms: number, closing: AbortSignal): Promise<boolean> {
  if (ms === 0) return !closing.aborted;
  try {
    await sleep(ms, undefined, { signal: closing });
    return true;
  } catch {
    return false;
  }
}

function abandon(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.hijack();
  request.raw.socket?.destroy();
  return reply;
}

/**
 * The bank interface, served under one endpoint path: each request is counted against the
 * capacity before it is read, verified as the hub's, checked against the interface's schema,
 * delayed, applied, and then answered signed, answered too late, or not answered at all, as
 * the fault plan draws.
 */
export function bankInterfaceRoutes(context: BankInterfaceRoutesContext, endpointPath: string) {
  const { bank, auth, signer, faults, stats, closing } = context;

  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    code: keyof typeof bankRefusalCodes,
    reason: string,
    headers: Record<string, string> = {},
  ) => signer.send(request, reply, bankRefusalCodes[code].status, { code, reason }, headers);

  /** The body once the request proved to be the hub's and valid; else undefined, refused. */
  async function admit(name: BankOperationName, request: FastifyRequest, reply: FastifyReply) {
    const verified = await auth.check(request, rawBodies.get(request));
    if (!verified.ok) {
      stats.refusedUnverified += 1;
      if (verified.code !== "hub_keys_unavailable") {
        refuse(request, reply, verified.code, signatureFailureCodes[verified.code].meaning);
        return undefined;
      }
      const reason = `cannot verify the hub's signature: ${verified.detail}`;
      refuse(request, reply, "bank_busy", reason, { "retry-after": "5" });
      return undefined;
    }
    const body = parseJson(rawBodies.get(request));
    if (requestCheckers[name].Check(body)) return body as OperationRequests[typeof name];
    stats.refusedInvalid += 1;
    const first = body === undefined ? undefined : requestCheckers[name].Errors(body).First();
    const reason =
      first === undefined ? "the body is not JSON" : `${first.path || "/"}: ${first.message}`;
    refuse(request, reply, "request_invalid", reason);
    return undefined;
  }

  /** Answers as the fault plan drew: at once, too late, or never. */
  async function deliver(
    request: FastifyRequest,
    reply: FastifyReply,
    delivery: Delivery,
    result: DeskResult<unknown>,
  ) {
    if (delivery === "drop") {
      stats.dropped += 1;
      return abandon(request, reply);
    }
    if (delivery === "late") {
      stats.late += 1;
      if (!(await pause(faults.options.timeoutDelayMs, closing))) return abandon(request, reply);
    } else {
      stats.answered += 1;
    }
    if (result.ok) return signer.send(request, reply, 200, result.answer);
    return refuse(request, reply, result.code, result.reason);
  }

  async function handle(name: BankOperationName, request: FastifyRequest, reply: FastifyReply) {
    const body = await admit(name, request, reply);
    if (body === undefined) return reply;
    if (!(await pause(faults.latencyMs(), closing))) return abandon(request, reply);
    // Drawn before applying, applied either way: a dropped or late answer still moved money.
    const delivery = faults.delivery();
    const result = bank.handle(name, body, endpointPath);
    return deliver(request, reply, delivery, result);
  }

  return async (scope: FastifyInstance) => {
    // Kept raw: the signature covers the bytes, and nothing is parsed before it verified.
    scope.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
      rawBodies.set(request, body as Buffer);
      done(null, undefined);
    });
    // Capacity is checked before the body is read: a busy bank reads and applies nothing.
    scope.addHook("onRequest", async (request, reply) => {
      stats.requests += 1;
      if (stats.underWay >= faults.options.capacityMax) {
        stats.busy += 1;
        return refuse(request, reply, "bank_busy", "the bank is at capacity", {
          "retry-after": "1",
        });
      }
      stats.underWay += 1;
      reply.raw.once("close", () => {
        stats.underWay -= 1;
      });
      return undefined;
    });
    scope.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      if ((error.statusCode ?? 500) < 500) {
        stats.refusedInvalid += 1;
        return refuse(request, reply, "request_invalid", error.message);
      }
      request.log.error(error);
      return reply.code(500).send({ error: "internal error" });
    });
    for (const name of bankOperationNames) {
      scope.post(bankOperations[name].path, (request, reply) => handle(name, request, reply));
    }
  };
}
