import type { UnsignedNotice } from "@clearhub/wire";
import { formatAmount } from "../money/amount-codec.ts";
import {
  checkedCommonOptions,
  type ListeningSimulator,
  listenSimulator,
  type SimulatorCommonOptions,
  simulatorParts,
} from "../shared/simulator-start.ts";
import type { AccountSeed } from "./bank-account.ts";
import { bankAdminRoutes } from "./bank-admin-routes.ts";
import { bankInterfaceRoutes } from "./bank-interface-routes.ts";
import type { AgreementView, BankSimulatorAdmin } from "./bank-simulator-admin.ts";
import { type Agreement, type SigningRules, signingRulesDefaults } from "./signing-desk.ts";
import { SimulatedBank } from "./simulated-bank.ts";

export interface BankSimulatorOptions extends SimulatorCommonOptions {
  /** The bank's participant id at the hub; names its generated key. */
  readonly bankId?: string | undefined;
  /**
   * The paths the interface is served under, one per endpoint the hub may register: several
   * endpoints of one bank share its accounts and agreements. By default one, at the root.
   */
  readonly endpointPaths?: readonly string[] | undefined;
  readonly accounts?: readonly AccountSeed[] | undefined;
  readonly signing?: Partial<SigningRules> | undefined;
}

/** `origin` is the simulator's own, where `/admin` and `/inbox` are served. */
export interface BankSimulator extends BankSimulatorAdmin, ListeningSimulator {
  readonly bankId: string;
  /** The first endpoint's URL: what the hub operator registers as the bank's endpoint. */
  readonly url: string;
  /** Every endpoint's URL, by endpoint path. */
  readonly urls: Readonly<Record<string, string>>;
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
  const checked = checkedCommonOptions(options);
  const endpointPaths = normalisedPaths(options.endpointPaths);
  const parts = simulatorParts(options, checked, `${bankId}.simulator`);
  const { faults, notices, stats } = parts;
  const bank = new SimulatedBank({
    random: parts.random,
    clock: parts.clock,
    faults,
    notices,
    signingRules: { ...signingRulesDefaults, ...options.signing },
  });
  for (const seed of options.accounts ?? []) bank.openAccount(seed);

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

  const routes = {
    bank,
    auth: parts.auth,
    signer: parts.signer,
    faults,
    stats,
    closing: parts.closing.signal,
  };
  const listening = await listenSimulator(
    parts,
    options,
    async (app) => {
      for (const path of endpointPaths) {
        await app.register(bankInterfaceRoutes(routes, path), { prefix: path });
      }
      await app.register(bankAdminRoutes(admin));
    },
    () => bank.close(),
  );
  const { origin } = listening;
  const urls = Object.fromEntries(endpointPaths.map((path) => [path, `${origin}${path}`]));
  return { ...admin, ...listening, bankId, url: `${origin}${endpointPaths[0]}`, urls };
}
