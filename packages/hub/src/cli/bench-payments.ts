import { type ChildProcess, fork } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { exportPublicKeyRaw, generateSigningKeyPair } from "@clearhub/http-signatures";
import { ClearhubClient } from "@clearhub/sdk";
import { generateDataKeyEntry } from "../adapters/crypto/data-key-entry.ts";
import { issueOperatorToken } from "../api/operator-auth.ts";
import { type ApiServer, buildServer } from "../api/server.ts";
import { verifyLedger } from "../app/ledger/verify-ledger.ts";
import { commandLineActor } from "../domain/audit/audit-actor.ts";
import { type Hub, openHub } from "../hub.ts";
import type {
  BankChildMessage,
  BankParentMessage,
  BenchBankAccount,
  PaymentsDriverMessage,
  PaymentsParentMessage,
  PaymentsPhase,
  PaymentsPhaseStats,
} from "./bench-payments-protocol.ts";
import { type BenchBackend, openBenchStore, round } from "./bench-store.ts";

export interface PaymentsBenchOptions {
  readonly backend: BenchBackend;
  readonly databaseUrl: string;
  readonly seconds: number;
  readonly concurrency: number;
  /** Share of the bank's answers lost after it applied the debit. */
  readonly drop: number;
  /** Agreements (one customer account each) the payments are spread over. */
  readonly agreements: number;
  /** How long to wait for the status inquiries to settle every unknown payment. */
  readonly settleTimeoutSeconds: number;
  readonly progress: (line: string) => void;
}

export interface PaymentsBenchResult {
  readonly backend: BenchBackend;
  readonly concurrency: number;
  readonly agreements: number;
  readonly drop: number;
  /** Payments the hub answered 201 for in the timed phase, whatever their state. */
  readonly payments: number;
  readonly seconds: number;
  readonly paymentsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Payments by the state the hub first answered: succeeded, unknown, failed. */
  readonly answeredStates: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly errorsByCode: Readonly<Record<string, number>>;
  /** The reference: signed POST /v1/ping through the same SDK client, alternating with payments. */
  readonly noopRequests: number;
  readonly noopSeconds: number;
  readonly noopRequestsPerSecond: number;
  readonly noopP50Ms: number;
  readonly noopP99Ms: number;
  readonly noopErrors: number;
  /** Payments per second over no-op requests per second. */
  readonly ratio: number;
  /** CPU time of the hub's process per payment and per no-op. */
  readonly hubCpuMsPerPayment: number;
  readonly noopHubCpuMsPerRequest: number;
  readonly driverCpuMsPerPayment: number;
  readonly noopDriverCpuMsPerRequest: number;
  /** CPU time of the simulated bank's process per payment (inquiries included). */
  readonly bankCpuMsPerPayment: number;
  /** The payment slices' ledger batches: reservations and commits, grouped. */
  readonly ledgerBatches: number;
  readonly meanBatchSize: number;
  /** Mean time from a batch's start to its commit, in milliseconds. */
  readonly meanCommitMs: number;
  /** Payments still unknown (or processing, pending) when the timed phase ended. */
  readonly unsettledAfterRun: number;
  /** How long the status inquiries took to settle them. */
  readonly settleSeconds: number;
  /** Payments the hub recorded, by final state. */
  readonly finalStates: Readonly<Record<string, number>>;
  /** Debits the bank applied. */
  readonly bankDebits: number;
  /**
   * Debits the bank applied that the hub does not record as succeeded, plus succeeded payments
   * the bank has no debit for.
   */
  readonly lost: number;
  /** Bank debits beyond the first for one transaction id (one payment id). */
  readonly doubled: number;
  readonly verified: boolean;
  readonly problems: readonly string[];
}

const benchCurrency = "CNY";
/** One fen: the default daily limits would allow millions of these per agreement. */
const paymentAmount = "0.01";
const customerBalance = "1000000.00";
const netDebitCap = "1000000000000.00";
const bankId = "bench-bank";
const institutionId = "bench-pi";
/** Agreements signed at once before the run. */
const signingConcurrency = 16;
const sliceSeconds = 1;
const settlePollMs = 250;

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const driverFile = fileURLToPath(new URL("./bench-payments-driver.ts", import.meta.url));
const bankFile = fileURLToPath(new URL("./bench-payments-bank.ts", import.meta.url));

/** A child process spoken to one request at a time; it answers `failed` when it cannot. */
export class Child<Out extends { type: string }, In extends { type: string }> {
  private readonly child: ChildProcess;
  private waiting: ((message: In | { type: "failed"; message: string }) => void) | undefined;
  private failure: Error | undefined;
  private readonly exited: Promise<void>;

  constructor(
    file: string,
    private readonly name: string,
  ) {
    this.child = fork(file, [], {
      // Node's own flags carry over (--cpu-prof profiles every process).
      execArgv: [...process.execArgv, "--import", tsxLoader],
      // Standard output is ours, kept for --json.
      stdio: ["ignore", 2, 2, "ipc"],
    });
    this.child.on("message", (message: In) => this.waiting?.(message));
    this.exited = new Promise((resolve) => {
      this.child.on("exit", (code, signal) => {
        this.failure ??= new Error(`the ${name} exited (${signal ?? code})`);
        this.waiting?.({ type: "failed", message: this.failure.message });
        resolve();
      });
    });
  }

  ask<T extends In["type"]>(message: Out, until: T): Promise<Extract<In, { type: T }>> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = (answer) => {
        if (answer.type === "failed" && "message" in answer) {
          reject(new Error(`${this.name}: ${answer.message}`));
        } else if (answer.type === until) {
          resolve(answer as Extract<In, { type: T }>);
        } else return;
        this.waiting = undefined;
      };
      this.child.send(message);
    });
  }

  async close(exit: Out): Promise<void> {
    if (this.child.connected) this.child.send(exit);
    const timer = setTimeout(() => this.child.kill(), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}

type BankProcess = Child<BankParentMessage, BankChildMessage>;
type DriverProcess = Child<PaymentsParentMessage, PaymentsDriverMessage>;

interface Network {
  readonly origin: string;
  readonly bank: BankProcess;
  readonly bankOrigin: string;
  readonly institution: { readonly keyId: string; readonly privateKeyPkcs8: string };
  readonly agreementIds: readonly string[];
}

async function operatorCall<T>(
  origin: string,
  token: string,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${origin}/operator/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

function customerAccount(index: number): BenchBankAccount {
  const serial = String(index).padStart(8, "0");
  return {
    accountNumber: `62220300${serial}`,
    holderName: `Customer ${index}`,
    idNumber: `1101011990${serial}`,
    mobile: `+86139${serial}`,
    currency: benchCurrency,
    balance: customerBalance,
  };
}

/** Runs `work` on each item with at most `limit` under way at once. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * The bank and the institution as the operator onboards them, the bank's simulator started
 * with one account per agreement and registered as the bank's endpoint, and every agreement
 * signed through the real flow: a sign request, the password from the bank's inbox, a confirm.
 */
async function setUpNetwork(
  origin: string,
  token: string,
  bank: BankProcess,
  options: PaymentsBenchOptions,
): Promise<Network> {
  const operator = <T>(method: "GET" | "POST", path: string, body?: unknown) =>
    operatorCall<T>(origin, token, method, path, body);
  const keyOf = async (id: string) => {
    const { publicKey, privateKey } = generateSigningKeyPair();
    const { keyId } = await operator<{ keyId: string }>("POST", `/participants/${id}/keys`, {
      publicKey: exportPublicKeyRaw(publicKey),
    });
    return { keyId, privateKey };
  };
  for (const [id, kind] of [
    [bankId, "bank"],
    [institutionId, "payment_institution"],
  ] as const) {
    await operator("POST", "/participants", {
      id,
      name: `Bench ${id}`,
      kind,
      currencies: [{ currency: benchCurrency, netDebitCap }],
    });
  }
  const bankKey = await keyOf(bankId);
  const institutionKey = await keyOf(institutionId);
  const accounts = Array.from({ length: options.agreements }, (_, index) => customerAccount(index));
  const started = await bank.ask(
    {
      type: "start",
      config: {
        bankId,
        hubUrl: origin,
        keyId: bankKey.keyId,
        privateKeyPem: bankKey.privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
        accounts,
        // Signing is not measured: no answer is dropped until the timed phase.
        dropRate: 0,
      },
    },
    "started",
  );
  await operator("POST", `/banks/${bankId}/endpoints`, {
    id: "main",
    url: started.url,
    timeoutMs: 5_000,
    concurrencyMax: 1_000,
  });
  const wallet = new ClearhubClient({
    baseUrl: origin,
    keyId: institutionKey.keyId,
    privateKey: institutionKey.privateKey,
  });
  const agreementIds = accounts.map((_, index) => `ag-${index}`);
  await eachLimited(agreementIds, signingConcurrency, async (id) => {
    const customer = accounts[Number(id.slice(3))] as BenchBankAccount;
    await wallet.createAgreement({
      id,
      bankId,
      customer: {
        holderName: customer.holderName,
        accountNumber: customer.accountNumber,
        idType: "resident_id",
        idNumber: customer.idNumber,
        mobile: customer.mobile,
      },
      authenticationFactors: 2,
      digitalCertificate: true,
    });
    const otp = await latestOtp(started.origin, customer.mobile);
    const confirmed = await wallet.confirmAgreement(id, otp);
    if (confirmed.state !== "active") throw new Error(`agreement ${id} is ${confirmed.state}`);
  });
  const institution = {
    keyId: institutionKey.keyId,
    privateKeyPkcs8: institutionKey.privateKey
      .export({ format: "der", type: "pkcs8" })
      .toString("base64"),
  };
  return { origin, bank, bankOrigin: started.origin, institution, agreementIds };
}

async function latestOtp(bankOrigin: string, mobile: string): Promise<string> {
  const response = await fetch(`${bankOrigin}/inbox/${encodeURIComponent(mobile)}`);
  const { messages } = (await response.json()) as { messages: { otp: string }[] };
  const otp = messages[0]?.otp;
  if (otp === undefined) throw new Error(`no password reached ${mobile}`);
  return otp;
}

interface Phases {
  readonly noop: PaymentsPhaseStats;
  readonly payments: PaymentsPhaseStats;
  readonly noopHubCpuMs: number;
  readonly paymentsHubCpuMs: number;
  readonly paymentsBankCpuMs: number;
  readonly paymentsBatches: BatchTally;
}

/** The hub's ledger batches (group commits), counted as they commit. */
interface BatchTally {
  batches: number;
  transfers: number;
  commitMs: number;
}

/**
 * Slices of the reference and of payments alternate, so a change in the machine's other load
 * (these machines are shared) falls on both alike and their ratio holds. The hub is the only
 * thing this process runs, so its CPU time in a slice is the hub's.
 */
async function runPhases(
  driver: DriverProcess,
  bank: BankProcess,
  batches: BatchTally,
  options: PaymentsBenchOptions,
): Promise<Phases> {
  const cpu = { noop: 0, payments: 0 };
  let paymentsBankCpuMs = 0;
  const paymentsBatches: BatchTally = { batches: 0, transfers: 0, commitMs: 0 };
  const slice = async (phase: PaymentsPhase, seconds: number) => {
    const bankBefore = await bank.ask({ type: "cpu" }, "cpu");
    const tallyBefore = { ...batches };
    const before = process.cpuUsage();
    const ran = await driver.ask({ type: "run", phase, durationMs: seconds * 1000 }, "ran");
    const used = process.cpuUsage(before);
    cpu[phase] += (used.user + used.system) / 1000;
    if (phase === "payments") {
      const bankAfter = await bank.ask({ type: "cpu" }, "cpu");
      paymentsBankCpuMs += bankAfter.cpuMs - bankBefore.cpuMs;
      paymentsBatches.batches += batches.batches - tallyBefore.batches;
      paymentsBatches.transfers += batches.transfers - tallyBefore.transfers;
      paymentsBatches.commitMs += batches.commitMs - tallyBefore.commitMs;
    }
    return ran.answered;
  };
  options.progress(
    `measuring: ${options.seconds} s of signed POST /v1/ping and ${options.seconds} s of agreement payments, alternating every ${sliceSeconds} s`,
  );
  for (let done = 0; done < options.seconds; done += sliceSeconds) {
    const seconds = Math.min(sliceSeconds, options.seconds - done);
    const pings = await slice("noop", seconds);
    const payments = await slice("payments", seconds);
    options.progress(
      `  ${done + seconds} / ${options.seconds} s: ${pings} no-op requests, ${payments} payments`,
    );
  }
  const { stats } = await driver.ask({ type: "report" }, "report");
  const noop = stats.find((phase) => phase.phase === "noop");
  const payments = stats.find((phase) => phase.phase === "payments");
  if (noop === undefined || payments === undefined) throw new Error("the driver lost a phase");
  return {
    noop,
    payments,
    noopHubCpuMs: cpu.noop,
    paymentsHubCpuMs: cpu.payments,
    paymentsBankCpuMs,
    paymentsBatches,
  };
}

const settledStates = new Set(["succeeded", "failed"]);

async function statesOf(hub: Hub): Promise<Record<string, number>> {
  const rows = await hub.database.kysely
    .selectFrom("bank_operations")
    .select(["state", (eb) => eb.fn.countAll<number | bigint | string>().as("n")])
    .where("payment_institution_id", "=", institutionId)
    .groupBy("state")
    .execute();
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
}

function unsettled(states: Record<string, number>): number {
  return Object.entries(states).reduce(
    (sum, [state, n]) => (settledStates.has(state) ? sum : sum + n),
    0,
  );
}

/** Waits, with progress, until the status inquiries have settled every payment, or the timeout. */
async function awaitSettled(hub: Hub, options: PaymentsBenchOptions) {
  const started = performance.now();
  const deadline = started + options.settleTimeoutSeconds * 1000;
  let states = await statesOf(hub);
  const first = unsettled(states);
  let reported = started;
  while (unsettled(states) > 0 && performance.now() < deadline) {
    if (performance.now() - reported >= 1000) {
      reported = performance.now();
      options.progress(`  ${unsettled(states)} of ${first} payments still unsettled`);
    }
    await new Promise((resolve) => setTimeout(resolve, settlePollMs));
    states = await statesOf(hub);
  }
  return { first, states, seconds: (performance.now() - started) / 1000 };
}

interface BankLedgerEntry {
  readonly transactionId: string;
  readonly operation: string;
  readonly paymentInstitutionId: string;
  readonly amount: string;
}

interface Reconciliation {
  readonly bankDebits: number;
  readonly lost: number;
  readonly doubled: number;
  readonly problems: string[];
}

/**
 * The hub's records against the bank's ledger: every debit the bank applied is a payment the
 * hub records as succeeded, for the same amount, once; every payment the hub records as
 * succeeded is a debit at the bank. The institution's position holds exactly the succeeded.
 */
async function reconcile(hub: Hub, bankOrigin: string): Promise<Reconciliation> {
  const response = await fetch(`${bankOrigin}/admin/ledger`);
  const { entries } = (await response.json()) as { entries: BankLedgerEntry[] };
  const debits = entries.filter(
    (entry) => entry.operation === "debit" && entry.paymentInstitutionId === institutionId,
  );
  const rows = await hub.database.kysely
    .selectFrom("bank_operations")
    .select(["id", "transaction_id", "state", "amount"])
    .where("payment_institution_id", "=", institutionId)
    .execute();
  const byTransaction = new Map(rows.map((row) => [row.transaction_id, row]));
  const debitsByTransaction = new Map<string, number>();
  const problems: string[] = [];
  let lost = 0;
  let doubled = 0;
  for (const debit of debits) {
    const seen = (debitsByTransaction.get(debit.transactionId) ?? 0) + 1;
    debitsByTransaction.set(debit.transactionId, seen);
    if (seen > 1) {
      doubled++;
      continue;
    }
    const row = byTransaction.get(debit.transactionId);
    if (row?.state !== "succeeded") {
      lost++;
      if (problems.length < 10) {
        problems.push(
          `bank debited ${debit.transactionId}, the hub has it ${row?.state ?? "not at all"}`,
        );
      }
    } else if (debit.amount !== paymentAmount) {
      problems.push(
        `bank debited ${debit.amount} for ${debit.transactionId}, not ${paymentAmount}`,
      );
    }
  }
  let succeeded = 0n;
  for (const row of rows) {
    if (row.state !== "succeeded") continue;
    succeeded += BigInt(row.amount);
    if (!debitsByTransaction.has(row.transaction_id)) {
      lost++;
      if (problems.length < 10) problems.push(`payment ${row.id} succeeded, the bank has no debit`);
    }
  }
  if (lost > 0) problems.push(`${lost} payments lost`);
  if (doubled > 0) problems.push(`${doubled} bank debits doubled`);
  const position = await hub.database.kysely
    .selectFrom("accounts")
    .select("credits_posted")
    .where("participant_id", "=", institutionId)
    .where("kind", "=", "position")
    .where("currency", "=", benchCurrency)
    .executeTakeFirstOrThrow();
  if (BigInt(position.credits_posted) !== succeeded) {
    problems.push(
      `the institution's position was credited ${position.credits_posted} fen, its succeeded payments total ${succeeded}`,
    );
  }
  const ledger = await verifyLedger(hub.ledgerStore);
  problems.push(...ledger.problems);
  return { bankDebits: debits.length, lost, doubled, problems };
}

function perSecond(count: number, seconds: number): number {
  return seconds === 0 ? 0 : Math.round(count / seconds);
}

function perRequest(ms: number, requests: number): number {
  return round(ms / Math.max(requests, 1));
}

/**
 * Agreement payments end to end: a hub on a throwaway store, a simulated bank in a process of
 * its own, agreements signed through the real flow, then a separate driver process paying
 * through them with the SDK, alternating with signed no-op pings as the reference. With a drop
 * rate the bank applies some debits and loses the answer; the hub's status inquiries settle
 * them, and the hub's records are reconciled with the bank's ledger.
 */
export async function benchPayments(options: PaymentsBenchOptions): Promise<PaymentsBenchResult> {
  const store = await openBenchStore(options.backend, options.databaseUrl);
  let hub: Hub | undefined;
  let server: ApiServer | undefined;
  let bank: BankProcess | undefined;
  const batches: BatchTally = { batches: 0, transfers: 0, commitMs: 0 };
  try {
    hub = await openHub({
      ...store.config,
      expirePendings: false,
      // No webhook endpoint is registered: there would be nothing to send.
      dispatchWebhooks: false,
      dataKeys: generateDataKeyEntry(new Date()).entry,
      groupCommit: {
        onBatch: (transfers, commitMs) => {
          batches.batches++;
          batches.transfers += transfers;
          batches.commitMs += commitMs;
        },
      },
      // Inquiries soon after a lost answer and often, so the run settles in seconds, not minutes.
      bankInquiry: { intervalMs: 100, batchSizeMax: 500, leaseMs: 10_000 },
      bankOperationTimings: {
        callGraceMs: 10_000,
        firstInquiryDelayMs: 200,
        inquiryDelayCapMs: 1_000,
      },
    });
    server = await buildServer(hub, { logger: false });
    await server.listen({ host: "127.0.0.1", port: 0 });
    const address = server.server.address();
    if (address === null || typeof address === "string") throw new Error("no TCP address");
    const origin = `http://127.0.0.1:${address.port}`;
    const { token } = await issueOperatorToken(hub, "bench payments", commandLineActor);
    bank = new Child(bankFile, "simulated bank");
    options.progress(`${options.backend}: signing ${options.agreements} agreements…`);
    const network = await setUpNetwork(origin, token, bank, options);
    await bank.ask({ type: "setDropRate", dropRate: options.drop }, "faultsSet");
    options.progress(
      `${options.agreements} agreements active; ${options.concurrency} requests in flight from a separate driver process, the bank in another, dropping ${options.drop * 100}% of its answers`,
    );
    const driver: DriverProcess = new Child(driverFile, "load driver");
    let phases: Phases;
    try {
      await driver.ask(
        {
          type: "configure",
          config: {
            origin,
            concurrency: options.concurrency,
            keyId: network.institution.keyId,
            privateKeyPkcs8: network.institution.privateKeyPkcs8,
            agreementIds: network.agreementIds,
            amount: paymentAmount,
          },
        },
        "ready",
      );
      phases = await runPhases(driver, bank, batches, options);
    } finally {
      await driver.close({ type: "exit" });
    }
    options.progress("waiting for the status inquiries to settle every unknown payment…");
    const settled = await awaitSettled(hub, options);
    options.progress("reconciling the hub's payments with the bank's ledger…");
    const reconciled = await reconcile(hub, network.bankOrigin);
    const problems = [...reconciled.problems];
    const left = unsettled(settled.states);
    if (left > 0) {
      problems.push(`${left} payments still unsettled after ${options.settleTimeoutSeconds} s`);
    }
    const { noop, payments } = phases;
    const paymentsPerSecond = perSecond(payments.answered, payments.seconds);
    const noopRequestsPerSecond = perSecond(noop.answered, noop.seconds);
    return {
      backend: options.backend,
      concurrency: options.concurrency,
      agreements: options.agreements,
      drop: options.drop,
      payments: payments.answered,
      seconds: payments.seconds,
      paymentsPerSecond,
      p50Ms: payments.p50Ms,
      p99Ms: payments.p99Ms,
      maxMs: payments.maxMs,
      answeredStates: payments.byState,
      errors: payments.errors,
      errorsByCode: payments.errorsByCode,
      noopRequests: noop.answered,
      noopSeconds: noop.seconds,
      noopRequestsPerSecond,
      noopP50Ms: noop.p50Ms,
      noopP99Ms: noop.p99Ms,
      noopErrors: noop.errors,
      ratio: noopRequestsPerSecond === 0 ? 0 : round(paymentsPerSecond / noopRequestsPerSecond),
      hubCpuMsPerPayment: perRequest(phases.paymentsHubCpuMs, payments.answered),
      noopHubCpuMsPerRequest: perRequest(phases.noopHubCpuMs, noop.answered),
      driverCpuMsPerPayment: perRequest(payments.driverCpuMs, payments.answered),
      noopDriverCpuMsPerRequest: perRequest(noop.driverCpuMs, noop.answered),
      bankCpuMsPerPayment: perRequest(phases.paymentsBankCpuMs, payments.answered),
      ledgerBatches: phases.paymentsBatches.batches,
      meanBatchSize: round(
        phases.paymentsBatches.transfers / Math.max(phases.paymentsBatches.batches, 1),
        1,
      ),
      meanCommitMs: perRequest(phases.paymentsBatches.commitMs, phases.paymentsBatches.batches),
      unsettledAfterRun: settled.first,
      settleSeconds: round(settled.seconds),
      finalStates: settled.states,
      bankDebits: reconciled.bankDebits,
      lost: reconciled.lost,
      doubled: reconciled.doubled,
      verified: problems.length === 0,
      problems,
    };
  } finally {
    await bank?.close({ type: "exit" });
    await server?.close();
    await hub?.close();
    await store.dispose();
  }
}
