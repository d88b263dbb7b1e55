import type { KeyObject } from "node:crypto";
import { exportPublicKeyRaw } from "@clearhub/http-signatures";
import type { UnsignedNotice } from "@clearhub/wire";
import { registerStringFormats } from "@clearhub/wire";
import { formatAmount } from "../money/amount-codec.ts";
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
import { listenAt, signingKeyFrom, simulatorServer } from "../shared/simulator-server.ts";
import { emptyStats } from "../shared/simulator-stats.ts";
import type { AccountSeed } from "./bank-account.ts";
import { bankAdminRoutes } from "./bank-admin-routes.ts";
import { bankInterfaceRoutes } from "./bank-interface-routes.ts";
import type { AgreementView, BankSimulatorAdmin } from "./bank-simulator-admin.ts";
import { type Agreement, type SigningRules, signingRulesDefaults } from "./signing-desk.ts";
import { SimulatedBank } from "./simulated-bank.ts";

export interface BankSimulatorOptions {
  /** The bank's participant id at the hub; names its generated key. */
  readonly bankId?: string | undefined;
  readonly host?: string | undefined;
  /** 0 (the default) picks a free port. */
  readonly port?: number | undefined;
  /**
   * The paths the interface is served under, one per endpoint the hub may register: several
   * endpoints of one bank share its accounts and agreements. By default one, at the root.
   */
  readonly endpointPaths?: readonly string[] | undefined;
  /** The origin the hub signs for, when a proxy stands in front of the simulator. */
  readonly publicOrigin?: string | undefined;
  /** The hub: its key set verifies requests, and notices are sent to it. */
  readonly hubUrl?: string | undefined;
  /**
   * Verify the hub's signature on every request (the default; needs `hubUrl`). False trusts
   * every request: only for benchmarks that measure the hub's side alone.
   */
  readonly verifyHubSignatures?: boolean | undefined;
  /** The key the bank signs with; by default a new one, whose public half `publicKey` gives. */
  readonly signingKey?:
    | { readonly keyId: string; readonly privateKey: KeyObject | string }
    | undefined;
  readonly accounts?: readonly AccountSeed[] | undefined;
  readonly faults?: Partial<FaultOptions> | undefined;
  readonly signing?: Partial<SigningRules> | undefined;
  readonly noticeRetry?: Partial<NoticeRetryOptions> | undefined;
  /** How the hub's key set is kept: cache time, the least time between fetches. */
  readonly hubKeySet?: Partial<HubKeySetOptions> | undefined;
  /** Seeds passwords, ids and faults, so a run can be repeated; random by default. */
  readonly seed?: number | undefined;
  readonly clock?: (() => number) | undefined;
  readonly logger?: boolean | undefined;
}

export interface BankSimulator extends BankSimulatorAdmin {
  readonly bankId: string;
  /** The first endpoint's URL: what the hub operator registers as the bank's endpoint. */
  readonly url: string;
  /** Every endpoint's URL, by endpoint path. */
  readonly urls: Readonly<Record<string, string>>;
  /** The simulator's own origin, where `/admin` and `/inbox` are served. */
  readonly origin: string;
  /** The bank's public key, raw base64url: what the hub operator registers for the bank. */
  readonly publicKey: string;
  readonly keyId: string;
  close(): Promise<void>;
}

function normalisedPaths(paths: readonly string[] | undefined): string[] {
  const normalised = (paths ?? [""]).map((path) => path.replace(/\/+$/, ""));
  for (const path of normalised) {
    if (path !== "" && !/^(\/[A-Za-z0-9._~-]+)+$/.test(path)) {
      throw new Error(`endpoint path ${path} must be empty or like /branch-1`);
    }
  }
  if (normalised.length === 0) throw new Error("at least one endpoint path is needed");
  return normalised;
}

function agreementView(agreement: Agreement): AgreementView {
  const iso = (ms: number | undefined) =>
    ms === undefined ? undefined : new Date(ms).toISOString();
  return {
    agreementNumber: agreement.agreementNumber,
    paymentInstitutionId: agreement.paymentInstitutionId,
    accountNumber: agreement.accountNumber,
    endpointPath: agreement.endpointPath,
    status: agreement.status,
    signedAt: new Date(agreement.signedAtMs).toISOString(),
    unsignedAt: iso(agreement.unsignedAtMs),
    unsignedBy: agreement.unsignedBy,
  };
}

/**
 * Starts a bank that implements the hub's bank interface over real HTTP, with accounts,
 * customers' phones, agreements, idempotent money movements, pending outcomes and notices, and
 * the faults the options ask for. Resolves once it listens.
 */
export async function startBankSimulator(
  options: BankSimulatorOptions = {},
): Promise<BankSimulator> {
  const bankId = options.bankId ?? "bank-sim";
  const verifying = options.verifyHubSignatures ?? true;
  if (verifying && options.hubUrl === undefined) {
    throw new Error("verifying the hub's signatures needs hubUrl (or verifyHubSignatures: false)");
  }
  const faultOptions = { ...faultOptionsDefaults, ...options.faults };
  const problem = faultOptionsProblem(faultOptions);
  if (problem !== undefined) throw new Error(`fault options: ${problem}`);
  const endpointPaths = normalisedPaths(options.endpointPaths);
  registerStringFormats();

  const clock = options.clock ?? Date.now;
  const random = seededRandom(options.seed ?? randomSeed());
  const key = signingKeyFrom(options.signingKey, `${bankId}.simulator`);
  const faults = new FaultPlan(faultOptions, random);
  const notices = new NoticeSender(options.hubUrl, key, {
    ...noticeRetryDefaults,
    ...options.noticeRetry,
  });
  const bank = new SimulatedBank({
    random,
    clock,
    faults,
    notices,
    signingRules: { ...signingRulesDefaults, ...options.signing },
  });
  for (const seed of options.accounts ?? []) bank.openAccount(seed);

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

  const admin: BankSimulatorAdmin = {
    balances: () => bank.balances(),
    balance: (accountNumber) => {
      const account = bank.accounts.get(accountNumber);
      return account === undefined
        ? undefined
        : formatAmount(account.balanceMinor, account.currency);
    },
    openAccount: (seed) => bank.openAccount(seed),
    inbox: (mobile) => bank.inbox.messages(mobile),
    latestOtp: (mobile) => bank.inbox.latestOtp(mobile),
    agreements: () => bank.agreements().map(agreementView),
    unsignAgreement: (agreementNumber, reason: UnsignedNotice["reason"] = "customer_request") =>
      bank.unsignByBank(agreementNumber, reason),
    ledger: () => bank.transactions.ledger(),
    transaction: (transactionId) => bank.transactions.transaction(transactionId),
    transactions: () => bank.transactions.transactions(),
    notices: () => notices.notices(),
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
  const routes = { bank, auth, signer, faults, stats, closing: closing.signal };
  for (const path of endpointPaths) {
    await app.register(bankInterfaceRoutes(routes, path), { prefix: path });
  }
  await app.register(bankAdminRoutes(admin));
  const origin = await listenAt(app, options.host, options.port);
  const urls = Object.fromEntries(endpointPaths.map((path) => [path, `${origin}${path}`]));
  return {
    ...admin,
    bankId,
    url: `${origin}${endpointPaths[0]}`,
    urls,
    origin,
    publicKey: exportPublicKeyRaw(key.privateKey),
    keyId: key.keyId,
    async close() {
      closing.abort();
      bank.close();
      notices.close();
      await app.close();
    },
  };
}
