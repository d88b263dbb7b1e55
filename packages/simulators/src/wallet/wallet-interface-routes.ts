import {
  type WalletOperationName,
  type WalletRefusalCode,
  walletOperations,
  walletRefusalCodes,
} from "@clearhub/wire";
import type { AnswerSigner } from "../shared/answer-signer.ts";
import type { FaultPlan } from "../shared/fault-plan.ts";
import type { HubRequestAuth } from "../shared/hub-request-auth.ts";
import { type Sleeper, signedInterfaceRoutes } from "../shared/signed-interface-routes.ts";
import type { SimulatorStats } from "../shared/simulator-stats.ts";
import type { OperationRequests, SimulatedWallet } from "./simulated-wallet.ts";

export interface WalletInterfaceRoutesContext {
  readonly wallet: SimulatedWallet;
  readonly auth: HubRequestAuth;
  readonly signer: AnswerSigner;
  readonly faults: FaultPlan;
  readonly stats: SimulatorStats;
  readonly closing: AbortSignal;
  readonly sleeper?: Sleeper | undefined;
}

/** The wallet interface: the signed interface every simulated party serves. */
export function walletInterfaceRoutes(context: WalletInterfaceRoutesContext) {
  const { wallet } = context;
  return signedInterfaceRoutes<WalletOperationName, WalletRefusalCode>({
    ...context,
    party: "issuer",
    operations: walletOperations,
    refusalStatus: walletRefusalCodes,
    invalidCode: "request_invalid",
    busyCode: "wallet_busy",
    apply: (name, body) => wallet.handle(name, body as OperationRequests[typeof name]),
  });
}
