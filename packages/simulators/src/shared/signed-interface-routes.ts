import { setTimeout as sleep } from "node:timers/promises";
import { type SignatureFailureCode, signatureFailureCodes } from "@clearhub/http-signatures";
import type { TSchema } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AnswerSigner } from "./answer-signer.ts";
import type { DeskResult } from "./desk-result.ts";
import type { Delivery, FaultPlan } from "./fault-plan.ts";
import type { HubRequestAuth } from "./hub-request-auth.ts";
import type { SimulatorStats } from "./simulator-stats.ts";

/** One call of an interface: where it is served and what its body must be. */
export interface InterfaceOperation {
  readonly path: string;
  readonly request: TSchema;
}

/** Waits `ms`, or rejects when the signal aborts: a simulator's only way of taking its time. */
export type Sleeper = (ms: number, signal: AbortSignal) => Promise<unknown>;

export const realSleeper: Sleeper = (ms, signal) => sleep(ms, undefined, { signal });

/**
 * What a simulated party decides about a request the moment it arrives, before reading it:
 * take it (after an added delay, e.g. an overloaded system slowing down), refuse it as busy, or
 * drop its connection.
 */
export type ArrivalVerdict =
  | { readonly kind: "take"; readonly delayMs: number }
  | { readonly kind: "busy"; readonly reason: string; readonly retryAfterSeconds: number }
  | { readonly kind: "drop" };

export interface SignedInterfaceRoutesContext<Name extends string, Code extends string> {
  /** Who answers, in refusals' words: "bank", "biller". */
  readonly party: string;
  readonly operations: Readonly<Record<Name, InterfaceOperation>>;
  /** The status of every refusal code, those for a failed signature included. */
  readonly refusalStatus: Readonly<
    Record<Code | SignatureFailureCode, { readonly status: number }>
  >;
  /** The interface's code for a body that is not JSON or does not match the schema. */
  readonly invalidCode: Code;
  /** The interface's code for a party at capacity, answered 503 with Retry-After. */
  readonly busyCode: Code;
  readonly auth: HubRequestAuth;
  readonly signer: AnswerSigner;
  readonly faults: FaultPlan;
  readonly stats: SimulatorStats;
  /** Aborted when the simulator closes: delayed answers stop waiting. */
  readonly closing: AbortSignal;
  /** Applies a verified, valid request; what the party answers. */
  readonly apply: (name: Name, body: unknown) => DeskResult<unknown, Code>;
  /** Decides about each request as it arrives; by default every request is taken at once. */
  readonly arrive?: ((request: FastifyRequest) => ArrivalVerdict) | undefined;
  /** Called when a request's connection closes, answered or not. */
  readonly depart?: (() => void) | undefined;
  readonly sleeper?: Sleeper | undefined;
}

/** The body as received, which the hub's Content-Digest covers. */
const rawBodies = new WeakMap<FastifyRequest, Buffer>();

function parseJson(raw: Buffer | undefined): unknown {
  try {
    return raw === undefined ? undefined : JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

function abandon(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.hijack();
  request.raw.socket?.destroy();
  return reply;
}

/**
 * An interface the hub calls, served under one path: each request is counted against the
 * capacity before it is read, verified as the hub's, checked against the interface's schema,
 * delayed, applied, and then answered signed, answered too late, or not answered at all, as the
 * fault plan draws. Banks and billers alike; each brings its operations, codes and desks.
 */
export function signedInterfaceRoutes<Name extends string, Code extends string>(
  context: SignedInterfaceRoutesContext<Name, Code>,
) {
  const { auth, signer, faults, stats, closing, operations } = context;
  const sleeper = context.sleeper ?? realSleeper;
  const names = Object.keys(operations) as Name[];
  const checkers = new Map(
    names.map((name) => [name, TypeCompiler.Compile(operations[name].request)]),
  );

  /** Waits, unless the simulator closes first; false then. */
  async function pause(ms: number): Promise<boolean> {
    if (ms === 0) return !closing.aborted;
    try {
      await sleeper(ms, closing);
      return true;
    } catch {
      return false;
    }
  }

  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    code: Code | SignatureFailureCode,
    reason: string,
    headers: Record<string, string> = {},
  ) => signer.send(request, reply, context.refusalStatus[code].status, { code, reason }, headers);

  /** The body once the request proved to be the hub's and valid; else undefined, refused. */
  async function admit(name: Name, request: FastifyRequest, reply: FastifyReply) {
    const verified = await auth.check(request, rawBodies.get(request));
    if (!verified.ok) {
      stats.refusedUnverified += 1;
      if (verified.code !== "hub_keys_unavailable") {
        refuse(request, reply, verified.code, signatureFailureCodes[verified.code].meaning);
        return undefined;
      }
      const reason = `cannot verify the hub's signature: ${verified.detail}`;
      refuse(request, reply, context.busyCode, reason, { "retry-after": "5" });
      return undefined;
    }
    const body = parseJson(rawBodies.get(request));
    const checker = checkers.get(name);
    if (checker?.Check(body)) return body;
    stats.refusedInvalid += 1;
    const first = body === undefined ? undefined : checker?.Errors(body).First();
    const reason =
      first === undefined ? "the body is not JSON" : `${first.path || "/"}: ${first.message}`;
    refuse(request, reply, context.invalidCode, reason);
    return undefined;
  }

  /** Answers as the fault plan drew: at once, too late, or never. */
  async function deliver(
    request: FastifyRequest,
    reply: FastifyReply,
    delivery: Delivery,
    result: DeskResult<unknown, Code>,
  ) {
    if (delivery === "drop") {
      stats.dropped += 1;
      return abandon(request, reply);
    }
    if (delivery === "late") {
      stats.late += 1;
      if (!(await pause(faults.options.timeoutDelayMs))) return abandon(request, reply);
    } else {
      stats.answered += 1;
    }
    if (result.ok) return signer.send(request, reply, 200, result.answer);
    return refuse(request, reply, result.code, result.reason);
  }

  /** Delays owed to the party's load, by request, set on arrival. */
  const arrivalDelaysMs = new WeakMap<FastifyRequest, number>();

  async function handle(name: Name, request: FastifyRequest, reply: FastifyReply) {
    const body = await admit(name, request, reply);
    if (body === undefined) return reply;
    const delayMs = (arrivalDelaysMs.get(request) ?? 0) + faults.latencyMs();
    if (!(await pause(delayMs))) return abandon(request, reply);
    // Drawn before applying, applied either way: a dropped or late answer still took effect.
    const delivery = faults.delivery();
    const result = context.apply(name, body);
    return deliver(request, reply, delivery, result);
  }

  return async (scope: FastifyInstance) => {
    // Kept raw: the signature covers the bytes, and nothing is parsed before it verified.
    scope.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
      rawBodies.set(request, body as Buffer);
      done(null, undefined);
    });
    // Capacity is checked before the body is read: a busy party reads and applies nothing.
    scope.addHook("onRequest", async (request, reply) => {
      stats.requests += 1;
      const verdict = context.arrive?.(request) ?? { kind: "take", delayMs: 0 };
      // Every arrival departs once, when its connection closes, whatever became of it.
      if (context.depart !== undefined) reply.raw.once("close", context.depart);
      if (verdict.kind === "drop") {
        stats.dropped += 1;
        return abandon(request, reply);
      }
      if (verdict.kind === "busy") {
        stats.busy += 1;
        return refuse(request, reply, context.busyCode, verdict.reason, {
          "retry-after": String(verdict.retryAfterSeconds),
        });
      }
      if (stats.underWay >= faults.options.capacityMax) {
        stats.busy += 1;
        return refuse(request, reply, context.busyCode, `the ${context.party} is at capacity`, {
          "retry-after": "1",
        });
      }
      stats.underWay += 1;
      reply.raw.once("close", () => {
        stats.underWay -= 1;
      });
      arrivalDelaysMs.set(request, verdict.delayMs);
      return undefined;
    });
    scope.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      if ((error.statusCode ?? 500) < 500) {
        stats.refusedInvalid += 1;
        return refuse(request, reply, context.invalidCode, error.message);
      }
      request.log.error(error);
      return reply.code(500).send({ error: "internal error" });
    });
    for (const name of names) {
      scope.post(operations[name].path, (request, reply) => handle(name, request, reply));
    }
  };
}
