import {
  type BillerOperationName,
  type BillerRefusalCode,
  billerOperations,
  billerRefusalCodes,
} from "@clearhub/wire";
import type { AnswerSigner } from "../shared/answer-signer.ts";
import type { FaultPlan } from "../shared/fault-plan.ts";
import type { HubRequestAuth } from "../shared/hub-request-auth.ts";
import { type Sleeper, signedInterfaceRoutes } from "../shared/signed-interface-routes.ts";
import type { SimulatorStats } from "../shared/simulator-stats.ts";
import type { CapacityGate } from "./capacity-gate.ts";
import type { OperationRequests, SimulatedBiller } from "./simulated-biller.ts";

export interface BillerInterfaceRoutesContext {
  readonly biller: SimulatedBiller;
  readonly capacity: CapacityGate;
  readonly auth: HubRequestAuth;
  readonly signer: AnswerSigner;
  readonly faults: FaultPlan;
  readonly stats: SimulatorStats;
  readonly closing: AbortSignal;
  readonly sleeper?: Sleeper | undefined;
}

/**
 * The biller interface: the signed interface every simulated party serves, with every arrival
 * counted and judged by the biller's capacity before anything else happens to it.
 */
export function billerInterfaceRoutes(context: BillerInterfaceRoutesContext) {
  const { biller, capacity } = context;
  return signedInterfaceRoutes<BillerOperationName, BillerRefusalCode>({
    ...context,
    party: "biller",
    operations: billerOperations,
    refusalStatus: billerRefusalCodes,
    invalidCode: "request_invalid",
    busyCode: "biller_busy",
    arrive: () => capacity.arrive(),
    depart: () => capacity.depart(),
    apply: (name, body) => biller.handle(name, body as OperationRequests[typeof name]),
  });
}
