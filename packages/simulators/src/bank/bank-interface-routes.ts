import {
  type BankOperationName,
  type BankRefusalCode,
  bankOperations,
  bankRefusalCodes,
} from "@clearhub/wire";
import type { AnswerSigner } from "../shared/answer-signer.ts";
import type { FaultPlan } from "../shared/fault-plan.ts";
import type { HubRequestAuth } from "../shared/hub-request-auth.ts";
import { signedInterfaceRoutes } from "../shared/signed-interface-routes.ts";
import type { SimulatorStats } from "../shared/simulator-stats.ts";
import type { OperationRequests, SimulatedBank } from "./simulated-bank.ts";

export interface BankInterfaceRoutesContext {
  readonly bank: SimulatedBank;
  readonly auth: HubRequestAuth;
  readonly signer: AnswerSigner;
  readonly faults: FaultPlan;
  readonly stats: SimulatorStats;
  /** Aborted when the simulator closes: delayed answers stop waiting. */
  readonly closing: AbortSignal;
}

/**
 * The bank interface, served under one endpoint path: the signed interface every simulated
 * party serves, applying each request to the bank's desks for that endpoint.
 */
export function bankInterfaceRoutes(context: BankInterfaceRoutesContext, endpointPath: string) {
  const { bank } = context;
  return signedInterfaceRoutes<BankOperationName, BankRefusalCode>({
    ...context,
    party: "bank",
    operations: bankOperations,
    refusalStatus: bankRefusalCodes,
    invalidCode: "request_invalid",
    busyCode: "bank_busy",
    apply: (name, body) => bank.handle(name, body as OperationRequests[typeof name], endpointPath),
  });
}
