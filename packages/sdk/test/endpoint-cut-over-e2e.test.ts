/**
 * A bank consolidating its quick-pay interface while payments keep flowing (seed 002): a real
 * hub on HTTP with its status-inquiry job, a simulated bank serving an old branch endpoint and
 * a new unified one over the same accounts, a payment institution using this SDK, and the
 * operator driving the cut-over through the operator API over HTTP. Several payment loops run
 * throughout; the bank's ledger, which records the endpoint each debit came through, is the
 * witness of where every payment went.
 */
import { createHash } from "node:crypto";
import { type BankSimulator, startBankSimulator } from "@clearhub/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClearhubClient, NewAgreement } from "../src/index.ts";
import { type HubServer, startHubServer } from "./support/hub-server.ts";

const bankId = "bank-north";
const institutionId = "wallet-alpha";
const oldPath = "/branch-1";
const newPath = "/unified";
const agreementsSignedBefore = 40;
const paymentLoops = 6;
const phaseTimeoutMs = 5_000;

type Customer = NewAgreement["customer"] & { accountNumber: string };

function customerNumber(n: number): Customer {
  const digits = String(n).padStart(4, "0");
  return {
    holderName: `Customer ${digits}`,
    accountNumber: `622202000000${digits}`,
    idType: "resident_id",
    idNumber: `11010119900307${digits}`,
    mobile: `+861380000${digits}`,
  };
}

function accountOf(holder: Customer) {
  const { idType: _idType, ...details } = holder;
  return { ...details, currency: "CNY", balance: "100000.00" };
}

/** The bucket of an agreement as the README defines it: SHA-256, first 32 bits, modulo 100. */
function bucketOf(agreementId: string): number {
  const digest = createHash("sha256").update(`${institutionId}:${agreementId}`).digest();
  return digest.readUInt32BE(0) % 100;
}

interface AuditItem {
  readonly action: string;
  readonly subject: string;
  readonly details: Record<string, unknown>;
}

interface OperatorAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** The operator API over HTTP, with the operator's token unless another is given. */
async function operatorCall(
  hub: HubServer,
  method: "GET" | "POST" | "PUT",
  path: string,
  body?: unknown,
  token = hub.token,
): Promise<OperatorAnswer> {
  const response = await fetch(`${hub.baseUrl}/operator/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? {} : JSON.parse(text) };
}

async function operator(
  hub: HubServer,
  method: "POST" | "PUT",
  path: string,
  body: unknown = {},
): Promise<void> {
  const answer = await operatorCall(hub, method, path, body);
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  if (answer.status !== 202) return;
  // Switching a primary needs four eyes: a second operator approves what the first proposed.
  const { approval } = answer.body as { approval: { id: string } };
  const approvalPath = `/approvals/${approval.id}/approve`;
  const approved = await operatorCall(hub, "POST", approvalPath, undefined, hub.approverToken);
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
}

/** A participant holding CNY with room enough for every payment of the test. */
async function holdingCny(hub: HubServer, id: string, kind?: "bank") {
  const participant = await hub.participant(id, kind);
  await operator(hub, "POST", `/participants/${id}/currencies`, {
    currency: "CNY",
    netDebitCap: "10000000.00",
  });
  return participant;
}

/** Signs an agreement with the customer's password from the bank's inbox; a refusal answers as it is. */
async function signThrough(
  wallet: ClearhubClient,
  bank: BankSimulator,
  id: string,
  holder: Customer,
  signWith = bankId,
) {
  const { agreement } = await wallet.createAgreement({
    id,
    bankId: signWith,
    customer: holder,
    authenticationFactors: 2,
    digitalCertificate: false,
  });
  if (agreement.state !== "otp_sent") return agreement;
  return wallet.confirmAgreement(id, bank.latestOtp(holder.mobile) ?? "");
}

/** What one payment saw: the operator's phase when it was sent and when it was answered. */
interface PaymentRecord {
  readonly id: string;
  readonly agreementId: string;
  readonly phaseAtStart: number;
  phaseAtEnd: number;
  state: string;
  transactionId: string;
}

/**
 * The cut-over's phases, in order, and which endpoint each one sends an agreement of the given
 * bucket to. Phase n holds from the moment step n's answer arrived to when step n+1 was sent.
 */
const phases: readonly { name: string; endpoint: (bucket: number) => string }[] = [
  { name: "before", endpoint: () => oldPath },
  { name: "new primary", endpoint: () => oldPath },
  { name: "first at 10%", endpoint: (b) => (b < 10 ? newPath : oldPath) },
  { name: "first at 50%", endpoint: (b) => (b < 50 ? newPath : oldPath) },
  { name: "first rolled back", endpoint: () => oldPath },
  { name: "second at 50%", endpoint: (b) => (b < 50 ? newPath : oldPath) },
  { name: "second at 100%", endpoint: () => newPath },
  { name: "second completed", endpoint: () => newPath },
];

describe("a bank endpoint cut-over under continuous agreement payments", () => {
  let hub: HubServer;
  let bank: BankSimulator;
  let wallet: ClearhubClient;
  const agreementIds: string[] = [];

  beforeAll(async () => {
    hub = await startHubServer("sqlite", {
      bankInquiry: { intervalMs: 50, leaseMs: 2_000 },
      bankOperationTimings: { callGraceMs: 3_000, firstInquiryDelayMs: 50, inquiryDelayCapMs: 200 },
    });
    const bankParticipant = await holdingCny(hub, bankId, "bank");
    const walletParticipant = await holdingCny(hub, institutionId);
    const customers = Array.from({ length: agreementsSignedBefore + 4 }, (_, n) =>
      customerNumber(n + 1),
    );
    bank = await startBankSimulator({
      bankId,
      hubUrl: hub.baseUrl,
      endpointPaths: [oldPath, newPath],
      signingKey: { keyId: bankParticipant.keyId, privateKey: bankParticipant.privateKey },
      accounts: customers.map(accountOf),
    });
    await operator(hub, "POST", `/banks/${bankId}/endpoints`, {
      id: "branch-1",
      url: bank.urls[oldPath],
    });
    await operator(hub, "POST", `/banks/${bankId}/endpoints`, {
      id: "unified",
      url: bank.urls[newPath],
    });
    wallet = walletParticipant.client();
    agreementIds.push(...Array.from({ length: agreementsSignedBefore }, (_, n) => `ag-${n + 1}`));
    const signed = await Promise.all(
      agreementIds.map((id, n) => signThrough(wallet, bank, id, customerNumber(n + 1))),
    );
    expect(signed.map((a) => a.state)).toEqual(agreementIds.map(() => "active"));
  });

  afterAll(async () => {
    await bank?.close();
    await hub?.close();
  });

  it("moves agreements by weight, rolls back at once, completes, and never fails or doubles a payment", async () => {
    const buckets = agreementIds.map(bucketOf);
    // The chosen ids give each weighted phase agreements on both sides.
    expect(buckets.some((b) => b < 10)).toBe(true);
    expect(buckets.some((b) => b >= 10 && b < 50)).toBe(true);
    expect(buckets.some((b) => b >= 50)).toBe(true);
    expect(
      bank.agreements().every((a) => a.endpointPath === oldPath),
      "every agreement was signed through the old endpoint",
    ).toBe(true);

    let phase = 0;
    let changing = false;
    let stopping = false;
    const records: PaymentRecord[] = [];
    const loopErrors: unknown[] = [];
    const phaseNow = () => (changing ? -1 : phase);

    // The loops take the agreements in turn, so any run of payments covers all of them.
    let paymentsStarted = 0;
    async function payLoop(): Promise<void> {
      while (!stopping) {
        const n = paymentsStarted++;
        const agreementId = agreementIds[n % agreementIds.length] as string;
        const record: PaymentRecord = {
          id: `pay-${n}`,
          agreementId,
          phaseAtStart: phaseNow(),
          phaseAtEnd: -1,
          state: "sent",
          transactionId: "",
        };
        records.push(record);
        try {
          const { operation } = await wallet.createAgreementPayment({
            id: record.id,
            agreementId,
            amount: "1.00",
            currency: "CNY",
          });
          record.state =
            operation.state === "failed" ? `failed: ${operation.failure?.code}` : operation.state;
          record.transactionId = operation.transactionId;
        } catch (error) {
          record.state = "error";
          loopErrors.push(error);
        }
        record.phaseAtEnd = phaseNow();
      }
    }

    const cleanIn = (p: number) =>
      records.filter((r) => r.phaseAtStart === p && r.phaseAtEnd === p && r.state !== "sent");
    const agreementsPaidIn = (p: number) => new Set(cleanIn(p).map((r) => r.agreementId)).size;

    /** Each phase lasts until every agreement made a payment wholly inside it. */
    async function waitForTraffic(): Promise<void> {
      const deadline = Date.now() + phaseTimeoutMs;
      while (agreementsPaidIn(phase) < agreementsSignedBefore) {
        if (Date.now() > deadline) throw new Error(`phase ${phases[phase]?.name} saw too little`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }

    /** One operator step: no payment counts as inside a phase while a step is under way. */
    async function step(method: "POST" | "PUT", path: string, body: unknown = {}) {
      await waitForTraffic();
      changing = true;
      await operator(hub, method, `/banks/${bankId}${path}`, body);
      phase += 1;
      changing = false;
    }

    const newSignings: { id: string; phase: number }[] = [];
    async function signDuringCutOver(n: number): Promise<void> {
      const id = `ag-new-${n}`;
      const active = await signThrough(wallet, bank, id, customerNumber(n));
      expect(active.state).toBe("active");
      newSignings.push({ id, phase });
    }

    const loops = Array.from({ length: paymentLoops }, payLoop);
    try {
      await step("PUT", "/primary-endpoint", { endpointId: "unified" });
      await signDuringCutOver(agreementsSignedBefore + 1);
      await step("POST", "/endpoint-migrations", {
        id: "consolidate-1",
        fromEndpointId: "branch-1",
        toEndpointId: "unified",
        weightPercent: 10,
      });
      await step("PUT", "/endpoint-migrations/consolidate-1/weight", { weightPercent: 50 });
      await signDuringCutOver(agreementsSignedBefore + 2);
      await step("POST", "/endpoint-migrations/consolidate-1/rollback");
      await step("POST", "/endpoint-migrations", {
        id: "consolidate-2",
        fromEndpointId: "branch-1",
        toEndpointId: "unified",
        weightPercent: 50,
      });
      await signDuringCutOver(agreementsSignedBefore + 3);
      await step("PUT", "/endpoint-migrations/consolidate-2/weight", { weightPercent: 100 });
      await step("POST", "/endpoint-migrations/consolidate-2/complete");
      await signDuringCutOver(agreementsSignedBefore + 4);
      await waitForTraffic();
    } finally {
      stopping = true;
      await Promise.all(loops);
    }

    // No payment failed, stayed unknown or was refused.
    expect(loopErrors).toEqual([]);
    const states = new Map<string, number>();
    for (const r of records) states.set(r.state, (states.get(r.state) ?? 0) + 1);
    expect(Object.fromEntries(states)).toEqual({ succeeded: records.length });

    // Each succeeded payment debited the customer exactly once, across both endpoints, and the
    // bank debited nothing the hub does not know of.
    const debits = bank.ledger().filter((e) => e.operation === "debit");
    const byTransaction = new Map<string, typeof debits>();
    for (const entry of debits) {
      byTransaction.set(entry.transactionId, [
        ...(byTransaction.get(entry.transactionId) ?? []),
        entry,
      ]);
    }
    expect(debits).toHaveLength(records.length);
    for (const r of records) expect(byTransaction.get(r.transactionId)).toHaveLength(1);

    // Where each payment went matches its phase's weight for its agreement's bucket.
    const bucketById = new Map(agreementIds.map((id, i) => [id, buckets[i] as number]));
    for (const [p, { name, endpoint }] of phases.entries()) {
      const inside = cleanIn(p);
      expect(agreementsPaidIn(p), `agreements paying inside phase "${name}"`).toBe(
        agreementsSignedBefore,
      );
      const wrong = inside.filter((r) => {
        const went = byTransaction.get(r.transactionId)?.[0]?.endpointPath;
        return went !== endpoint(bucketById.get(r.agreementId) as number);
      });
      expect(wrong, `payments routed against phase "${name}"`).toEqual([]);
      const onNew = new Set(
        inside
          .filter((r) => byTransaction.get(r.transactionId)?.[0]?.endpointPath === newPath)
          .map((r) => r.agreementId),
      );
      const expectedOnNew = new Set(
        inside
          .filter((r) => endpoint(bucketById.get(r.agreementId) as number) === newPath)
          .map((r) => r.agreementId),
      );
      expect(onNew, `agreements on the new endpoint in phase "${name}"`).toEqual(expectedOnNew);
    }
    // The weighted phases really split the traffic, and the rollback really emptied the new one.
    for (const p of [2, 3, 5]) {
      const paths = new Set(
        cleanIn(p).map((r) => byTransaction.get(r.transactionId)?.[0]?.endpointPath),
      );
      expect(paths, `phase "${phases[p]?.name}"`).toEqual(new Set([oldPath, newPath]));
    }

    // Completion re-pinned every agreement to the new endpoint.
    for (const id of agreementIds) {
      expect((await hub.hub.agreementStore.find(institutionId, id))?.pinnedEndpointId).toBe(
        "unified",
      );
    }

    // New signings during the cut-over landed on the new primary, and pay there.
    for (const { id } of newSignings) {
      const signedAgreement = await wallet.getAgreement(id);
      const atBank = bank
        .agreements()
        .find((a) => a.agreementNumber === signedAgreement.agreementNumber);
      expect(atBank?.endpointPath, id).toBe(newPath);
      const { operation } = await wallet.createAgreementPayment({
        id: `pay-${id}`,
        agreementId: id,
        amount: "2.00",
        currency: "CNY",
      });
      expect(operation.state).toBe("succeeded");
      const entries = bank.ledger().filter((e) => e.transactionId === operation.transactionId);
      expect(entries.map((e) => e.endpointPath)).toEqual([newPath]);
    }

    // Every step of the cut-over is in the audit log, in order, with what it changed.
    const audit = await operatorCall(hub, "GET", "/audit-log?limit=100");
    const entries = (audit.body.items as AuditItem[])
      .filter((e) => /^(bank_endpoint\.primary_set|endpoint_migration\.)/.test(e.action))
      .reverse();
    expect(entries.map((e) => `${e.action} ${e.subject}`)).toEqual([
      `bank_endpoint.primary_set bank_endpoint:${bankId}/unified`,
      `endpoint_migration.create endpoint_migration:${bankId}/consolidate-1`,
      `endpoint_migration.weight_change endpoint_migration:${bankId}/consolidate-1`,
      `endpoint_migration.rollback endpoint_migration:${bankId}/consolidate-1`,
      `endpoint_migration.create endpoint_migration:${bankId}/consolidate-2`,
      `endpoint_migration.weight_change endpoint_migration:${bankId}/consolidate-2`,
      `endpoint_migration.complete endpoint_migration:${bankId}/consolidate-2`,
      `endpoint_migration.complete endpoint_migration:${bankId}/consolidate-2`,
    ]);
    expect(entries.map((e) => e.details)).toMatchObject([
      { previous: "branch-1" },
      { weightPercent: 10 },
      { fromWeight: 10, toWeight: 50 },
      { state: "rolled_back" },
      { weightPercent: 50 },
      { fromWeight: 50, toWeight: 100 },
      { state: "completing" },
      { state: "completed", repinned: agreementsSignedBefore },
    ]);
  });
});

describe("a new endpoint that fails signings during the cut-over", () => {
  const westId = "bank-west";
  let hub: HubServer;
  let branch: BankSimulator;
  let unified: BankSimulator;
  let wallet: ClearhubClient;
  const customers = [1, 2, 3, 4].map(customerNumber);

  beforeAll(async () => {
    hub = await startHubServer("sqlite");
    const bankParticipant = await holdingCny(hub, westId, "bank");
    wallet = (await holdingCny(hub, institutionId)).client();
    const signingKey = { keyId: bankParticipant.keyId, privateKey: bankParticipant.privateKey };
    branch = await startBankSimulator({
      bankId: westId,
      hubUrl: hub.baseUrl,
      endpointPaths: [oldPath],
      signingKey,
      accounts: customers.map(accountOf),
    });
    // The bank's new interface is up and signs its answers, but does not know its customers yet.
    unified = await startBankSimulator({
      bankId: westId,
      hubUrl: hub.baseUrl,
      endpointPaths: [newPath],
      signingKey,
      accounts: [],
    });
    await operator(hub, "POST", `/banks/${westId}/endpoints`, {
      id: "branch-1",
      url: branch.urls[oldPath],
    });
    await operator(hub, "POST", `/banks/${westId}/endpoints`, {
      id: "unified",
      url: unified.urls[newPath],
    });
  });

  afterAll(async () => {
    await branch?.close();
    await unified?.close();
    await hub?.close();
  });

  it("fails new signings with the bank's reason while agreements on the old endpoint keep paying", async () => {
    for (const [n, holder] of customers.slice(0, 2).entries()) {
      expect((await signThrough(wallet, branch, `ag-west-${n}`, holder, westId)).state).toBe(
        "active",
      );
    }
    await operator(hub, "PUT", `/banks/${westId}/primary-endpoint`, { endpointId: "unified" });

    let stopping = false;
    const paid: string[] = [];
    async function payLoop(agreementId: string): Promise<void> {
      for (let n = 0; !stopping; n += 1) {
        const { operation } = await wallet.createAgreementPayment({
          id: `pay-${agreementId}-${n}`,
          agreementId,
          amount: "1.00",
          currency: "CNY",
        });
        paid.push(operation.state);
      }
    }
    const loops = ["ag-west-0", "ag-west-1"].map(payLoop);
    const failedSignings = [];
    try {
      for (const [n, holder] of customers.slice(2).entries()) {
        failedSignings.push(await signThrough(wallet, branch, `ag-west-new-${n}`, holder, westId));
      }
      const deadline = Date.now() + phaseTimeoutMs;
      while (paid.length < 20 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      stopping = true;
      await Promise.all(loops);
    }

    for (const agreement of failedSignings) {
      expect(agreement).toMatchObject({
        state: "failed",
        failure: {
          code: "account_details_mismatch",
          reason: "the details do not match an account",
        },
      });
    }
    expect(branch.inbox(customers[2]?.mobile ?? "")).toHaveLength(0);
    expect(paid.length).toBeGreaterThanOrEqual(20);
    expect(new Set(paid)).toEqual(new Set(["succeeded"]));
    const debits = branch.ledger().filter((e) => e.operation === "debit");
    expect(debits).toHaveLength(paid.length);
    expect(new Set(debits.map((e) => e.endpointPath))).toEqual(new Set([oldPath]));
    expect(unified.ledger()).toHaveLength(0);
  });
});
