import { exportPublicKeyRaw } from "@clearhub/http-signatures";
import { registerStringFormats } from "@clearhub/wire";
import type { FastifyInstance } from "fastify";
import { AnswerSigner, type SimulatorSigningKey } from "./answer-signer.ts";
import {
  type FaultOptions,
  FaultPlan,
  faultOptionsDefaults,
  faultOptionsProblem,
} from "./fault-plan.ts";
import { HubKeySet, type HubKeySetOptions, hubKeySetDefaults } from "./hub-key-set.ts";
import { HubRequestAuth } from "./hub-request-auth.ts";
import { NonceMemory } from "./nonce-memory.ts";
import { type NoticeRetryOptions, NoticeSender, noticeRetryDefaults } from "./notice-sender.ts";
import { type RandomSource, randomSeed, seededRandom } from "./random-source.ts";
import {
  listenAt,
  type SigningKeyOption,
  signingKeyFrom,
  simulatorServer,
} from "./simulator-server.ts";
import { emptyStats, type SimulatorStats } from "./simulator-stats.ts";

/**
 * The start-up every simulator shares: checking the options common to all, the key it signs
 * with, the hub's key set and the nonce memory that verify the hub's requests, the notices it
 * sends, and the server that listens and closes. A simulator states only its own desks, routes
 * and admin on top.
 */

/** The options every simulator takes besides its own. */
export interface SimulatorCommonOptions {
  readonly host?: string | undefined;
  /** 0 (the default) picks a free port. */
  readonly port?: number | undefined;
  /** The origin the hub signs for, when a proxy stands in front of the simulator. */
  readonly publicOrigin?: string | undefined;
  /** The hub: its key set verifies requests, and notices are sent to it. */
  readonly hubUrl?: string | undefined;
  /**
   * Verify the hub's signature on every request (the default; needs `hubUrl`). False trusts
   * every request: only for benchmarks that measure the hub's side alone.
   */
  readonly verifyHubSignatures?: boolean | undefined;
  /** The key the simulator signs with; by default a new one, whose public half `publicKey` gives. */
  readonly signingKey?: SigningKeyOption | undefined;
  readonly faults?: Partial<FaultOptions> | undefined;
  readonly noticeRetry?: Partial<NoticeRetryOptions> | undefined;
  /** How the hub's key set is kept: cache time, the least time between fetches. */
  readonly hubKeySet?: Partial<HubKeySetOptions> | undefined;
  /** Seeds ids, faults (and a bank's passwords), so a run can be repeated; random by default. */
  readonly seed?: number | undefined;
  readonly clock?: (() => number) | undefined;
  readonly logger?: boolean | undefined;
}

/** The common options, checked and completed with their defaults. */
export interface CheckedCommonOptions {
  readonly faults: FaultOptions;
  readonly verifying: boolean;
}

/** Throws on common options that cannot work, before anything is built. */
export function checkedCommonOptions(options: SimulatorCommonOptions): CheckedCommonOptions {
  const verifying = options.verifyHubSignatures ?? true;
  if (verifying && options.hubUrl === undefined) {
    throw new Error("verifying the hub's signatures needs hubUrl (or verifyHubSignatures: false)");
  }
  const faults = { ...faultOptionsDefaults, ...options.faults };
  const problem = faultOptionsProblem(faults);
  if (problem !== undefined) throw new Error(`fault options: ${problem}`);
  return { faults, verifying };
}

/** The parts every simulator is built from. */
export interface SimulatorParts {
  readonly clock: () => number;
  readonly random: RandomSource;
  readonly key: SimulatorSigningKey;
  readonly faults: FaultPlan;
  readonly notices: NoticeSender;
  readonly stats: SimulatorStats;
  /** Aborted on close, so that answers held back by the fault plan end at once. */
  readonly closing: AbortController;
  readonly signer: AnswerSigner;
  readonly auth: HubRequestAuth;
}

/** Builds the common parts; the key is generated under `keyIdDefault` unless the options give one. */
export function simulatorParts(
  options: SimulatorCommonOptions,
  checked: CheckedCommonOptions,
  keyIdDefault: string,
): SimulatorParts {
  registerStringFormats();
  const clock = options.clock ?? Date.now;
  const random = seededRandom(options.seed ?? randomSeed());
  const key = signingKeyFrom(options.signingKey, keyIdDefault);
  const keys = checked.verifying
    ? new HubKeySet(options.hubUrl ?? "", { ...hubKeySetDefaults, ...options.hubKeySet }, clock)
    : undefined;
  return {
    clock,
    random,
    key,
    faults: new FaultPlan(checked.faults, random),
    notices: new NoticeSender(options.hubUrl, key, {
      ...noticeRetryDefaults,
      ...options.noticeRetry,
    }),
    stats: emptyStats(),
    closing: new AbortController(),
    signer: new AnswerSigner(key, options.publicOrigin),
    auth: new HubRequestAuth({
      keys,
      nonces: new NonceMemory(undefined, clock),
      publicOrigin: options.publicOrigin,
      clock,
    }),
  };
}

/** A simulator once it listens: where, under which key, and how to stop it. */
export interface ListeningSimulator {
  readonly origin: string;
  /** The public key, raw base64url: what the hub operator registers for the participant. */
  readonly publicKey: string;
  readonly keyId: string;
  close(): Promise<void>;
}

/**
 * Serves the simulator's routes, answering any other route with a signed `route_unknown`, and
 * resolves once it listens. Closing stops held-back answers, then `closeDesks`, the notices and
 * the server, in that order.
 */
export async function listenSimulator(
  parts: SimulatorParts,
  options: SimulatorCommonOptions,
  registerRoutes: (app: FastifyInstance) => Promise<void>,
  closeDesks: () => void = () => {},
): Promise<ListeningSimulator> {
  const app = simulatorServer(options.logger);
  app.setNotFoundHandler((request, reply) =>
    parts.signer.send(request, reply, 404, {
      code: "route_unknown",
      reason: `no operation at ${request.method} ${request.url.split("?")[0]}`,
    }),
  );
  await registerRoutes(app);
  const origin = await listenAt(app, options.host, options.port);
  return {
    origin,
    publicKey: exportPublicKeyRaw(parts.key.privateKey),
    keyId: parts.key.keyId,
    async close() {
      parts.closing.abort();
      closeDesks();
      parts.notices.close();
      await app.close();
    },
  };
}
