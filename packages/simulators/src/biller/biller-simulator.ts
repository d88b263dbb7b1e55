import { exportPublicKeyRaw } from "@clearhub/http-signatures";
import { registerStringFormats } from "@clearhub/wire";
import { AnswerSigner } from "../shared/answer-signer.ts";
import {
  type FaultOptions,
  FaultPlan,
  faultOptionsDefaults,
  faultOptionsProblem,
} from "../shared/fault-plan.ts";
import { HubKeySet, type HubKeySetOptions, hubKeySetDefaults } from "../shared/hub-key-set.ts";
import { HubRequestAuth } from "../shared/hub-request-auth.ts";
import { NonceMemory } from "../shared/nonce-memory.ts";
import {
  type NoticeRetryOptions,
  NoticeSender,
  noticeRetryDefaults,
} from "../shared/notice-sender.ts";
import { randomSeed, seededRandom } from "../shared/random-source.ts";
import type { Sleeper } from "../shared/signed-interface-routes.ts";
import {
  listenAt,
  type SigningKeyOption,
  signingKeyFrom,
  simulatorServer,
} from "../shared/simulator-server.ts";
import { emptyStats } from "../shared/simulator-stats.ts";
import { billerAdminRoutes } from "./biller-admin-routes.ts";
import type { Customer, CustomerSeed } from "./biller-customer.ts";
import { billerInterfaceRoutes } from "./biller-interface-routes.ts";
import type { BillerSimulatorAdmin, CustomerView } from "./biller-simulator-admin.ts";
import {
  CapacityGate,
  type CapacityOptions,
  capacityOptionsDefaults,
  capacityOptionsProblem,
} from "./capacity-gate.ts";
import { LoadMeter } from "./load-meter.ts";
import { SimulatedBiller } from "./simulated-biller.ts";

export interface BillerSimulatorOptions {
  /** The biller's participant id at the hub; names its generated key. */
  readonly billerId?: string | undefined;
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
  /** The key the biller signs with; by default a new one, whose public half `publicKey` gives. */
  readonly signingKey?: SigningKeyOption | undefined;
  /** The names of the parameters that identify a customer; by default accountNumber alone. */
  readonly parameterNames?: readonly string[] | undefined;
  readonly customers?: readonly CustomerSeed[] | undefined;
  readonly capacity?: Partial<CapacityOptions> | undefined;
  readonly faults?: Partial<FaultOptions> | undefined;
  readonly noticeRetry?: Partial<NoticeRetryOptions> | undefined;
  readonly hubKeySet?: Partial<HubKeySetOptions> | undefined;
  /** Seeds ids and faults, so a run can be repeated; random by default. */
  readonly seed?: number | undefined;
  readonly clock?: (() => number) | undefined;
  /** How the biller takes its time (slowing down, latency, late answers); real timers by default. */
  readonly sleeper?: Sleeper | undefined;
  readonly logger?: boolean | undefined;
}

export interface BillerSimulator extends BillerSimulatorAdmin {
  readonly billerId: string;
  /** The endpoint URL the hub operator registers for the biller. */
  readonly url: string;
  readonly origin: string;
  /** The biller's public key, raw base64url: what the hub operator registers for the biller. */
  readonly publicKey: string;
  readonly keyId: string;
  close(): Promise<void>;
}

function customerView(customer: Customer): CustomerView {
  return {
    parameters: customer.parameters,
    name: customer.name,
    currency: customer.currency,
    status: customer.status,
    bills: [...customer.bills.values()].map((record) => ({
      ...record.bill,
      state: record.state,
      ...(record.paidBy === undefined ? {} : { paidBy: record.paidBy }),
    })),
  };
}

function checkedOptions(options: BillerSimulatorOptions) {
  const faults = { ...faultOptionsDefaults, ...options.faults };
  const faultProblem = faultOptionsProblem(faults);
  if (faultProblem !== undefined) throw new Error(`fault options: ${faultProblem}`);
  const capacity = { ...capacityOptionsDefaults, ...options.capacity };
  const capacityProblem = capacityOptionsProblem(capacity);
  if (capacityProblem !== undefined) throw new Error(`capacity options: ${capacityProblem}`);
  const verifying = options.verifyHubSignatures ?? true;
  if (verifying && options.hubUrl === undefined) {
    throw new Error("verifying the hub's signatures needs hubUrl (or verifyHubSignatures: false)");
  }
  return { faults, capacity, verifying };
}

/**
 * Starts a biller that implements the hub's biller interface over real HTTP, with customers
 * and bills, idempotent postings, pending outcomes, pushed bills and reversals, the hard
 * capacity of an old billing system and its own count of the load put on it, and the faults
 * the options ask for. Resolves once it listens.
 */
export async function startBillerSimulator(
  options: BillerSimulatorOptions = {},
): Promise<BillerSimulator> {
  const billerId = options.billerId ?? "biller-sim";
  const { faults: faultOptions, capacity: capacityOptions, verifying } = checkedOptions(options);
  registerStringFormats();

  const clock = options.clock ?? Date.now;
  const random = seededRandom(options.seed ?? randomSeed());
  const key = signingKeyFrom(options.signingKey, `${billerId}.simulator`);
  const faults = new FaultPlan(faultOptions, random);
  const meter = new LoadMeter(clock);
  const capacity = new CapacityGate(capacityOptions, meter);
  const notices = new NoticeSender(options.hubUrl, key, {
    ...noticeRetryDefaults,
    ...options.noticeRetry,
  });
  const biller = new SimulatedBiller({
    parameterNames: options.parameterNames ?? ["accountNumber"],
    random,
    clock,
    faults,
    notices,
  });
  for (const seed of options.customers ?? []) biller.addCustomer(seed);

  const stats = emptyStats();
  const closing = new AbortController();
  const signer = new AnswerSigner(key, options.publicOrigin);
  const auth = new HubRequestAuth({
    keys: verifying
      ? new HubKeySet(options.hubUrl ?? "", { ...hubKeySetDefaults, ...options.hubKeySet }, clock)
      : undefined,
    nonces: new NonceMemory(undefined, clock),
    publicOrigin: options.publicOrigin,
    clock,
  });

  const admin: BillerSimulatorAdmin = {
    customers: () => [...biller.customers.values()].map(customerView),
    addCustomer: (seed) => customerView(biller.addCustomer(seed)),
    pushBill: (parameters, bill) => biller.issueBill(parameters, bill),
    reversePosting: (postingId, reasonCode = "biller_decision", reasonText = "reversed") =>
      biller.reversePosting(postingId, reasonCode, reasonText),
    posting: (postingId) => biller.postings.posting(postingId),
    postings: () => biller.postings.postings(),
    notices: () => notices.notices(),
    load: () => meter.view(),
    resetLoad: () => meter.reset(),
    capacity: () => capacity.options,
    setCapacity: (changes) => {
      capacity.update(changes);
      return capacity.options;
    },
    faults: () => faults.options,
    setFaults: (changes) => {
      faults.update(changes);
      return faults.options;
    },
    stats: () => ({ ...stats }),
  };

  const app = simulatorServer(options.logger);
  app.setNotFoundHandler((request, reply) =>
    signer.send(request, reply, 404, {
      code: "route_unknown",
      reason: `no operation at ${request.method} ${request.url.split("?")[0]}`,
    }),
  );
  await app.register(
    billerInterfaceRoutes({
      biller,
      capacity,
      auth,
      signer,
      faults,
      stats,
      closing: closing.signal,
      sleeper: options.sleeper,
    }),
  );
  await app.register(billerAdminRoutes(admin));
  const origin = await listenAt(app, options.host, options.port);
  return {
    ...admin,
    billerId,
    url: origin,
    origin,
    publicKey: exportPublicKeyRaw(key.privateKey),
    keyId: key.keyId,
    async close() {
      closing.abort();
      notices.close();
      await app.close();
    },
  };
}
