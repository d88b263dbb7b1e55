/**
 * The agreements store on both backends: an id is inserted once, a change is written only from
 * the state it started from (with its outbox events in the same transaction), notices are kept
 * once, listing pages newest first, and completing an endpoint migration re-pins agreements.
 */
import { afterEach, expect, it } from "vitest";
import { KyselyAgreementStore } from "../../src/adapters/store/kysely-agreement-store.ts";
import { KyselyBankEndpointStore } from "../../src/adapters/store/kysely-bank-endpoint-store.ts";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import { KyselyWebhookStore } from "../../src/adapters/store/kysely-webhook-store.ts";
import type { Agreement } from "../../src/domain/agreements/agreement.ts";
import { agreementUnsignedEvent } from "../../src/domain/agreements/agreement-event.ts";
import type { AuditRecord } from "../../src/domain/audit/audit-entry.ts";
import { newEndpointSettings } from "../../src/domain/banks/bank-endpoint.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../support/backends.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const audit: AuditRecord = {
  at: 1,
  actor: { kind: "operator_token", id: "tok", name: "ops" },
  action: "bank_endpoint.add",
  subject: "bank-a",
  details: {},
};

async function openStore(backend: Backend) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  const { kysely, dialect } = test.database;
  const participants = new KyselyParticipantStore(kysely);
  for (const [id, kind] of [
    ["bank-a", "bank"],
    ["wallet-a", "payment_institution"],
    ["wallet-b", "payment_institution"],
  ] as const) {
    await participants.createParticipant(
      { id, name: id, kind, status: "active", createdAt: 1 },
      [],
    );
  }
  const endpoints = new KyselyBankEndpointStore(kysely, dialect);
  for (const id of ["branch-1", "branch-2", "unified"]) {
    const added = await endpoints.addEndpoint(
      {
        bankId: "bank-a",
        id,
        ...newEndpointSettings(`https://bank-a.example/${id}`, {}),
        createdAt: 1,
        updatedAt: 1,
        retiredAt: null,
      },
      { inServiceMax: 10, keptMax: 10 },
      { ...audit, subject: `bank-a/${id}` },
    );
    expect(added.ok).toBe(true);
  }
  return {
    store: new KyselyAgreementStore(kysely),
    webhooks: new KyselyWebhookStore(kysely, dialect),
  };
}

function agreement(id: string, overrides: Partial<Agreement> = {}): Agreement {
  return {
    id,
    paymentInstitutionId: "wallet-a",
    bankId: "bank-a",
    state: "requested",
    pinnedEndpointId: "branch-1",
    signRequestId: `sr-${id}-${overrides.paymentInstitutionId ?? "wallet-a"}`,
    bankSignRequestId: null,
    risk: { authenticationFactors: 2, digitalCertificate: true },
    requestHash: "hash",
    sealedCustomer: "sealed-text",
    maskedCustomer: {
      holderName: "Li Wei",
      accountNumber: "****0001",
      idType: "resident_id",
      idNumber: "1****1X",
      mobile: "****0001",
    },
    agreementNumber: null,
    otpExpiresAt: null,
    failureCode: null,
    failureText: null,
    unsignedBy: null,
    createdAt: 100,
    updatedAt: 100,
    signedAt: null,
    unsignedAt: null,
    ...overrides,
  };
}

describeEachBackend("agreement store", (backend) => {
  it("inserts an id once and answers the stored agreement to a second insert", async () => {
    const { store } = await openStore(backend);
    const first = await store.insert(agreement("ag-1"));
    expect(first).toMatchObject({ ok: true, created: true });
    const again = await store.insert(agreement("ag-1", { requestHash: "other", createdAt: 200 }));
    expect(again).toMatchObject({ ok: true, created: false });
    expect(again.ok && again.agreement).toEqual(agreement("ag-1"));
    // Another institution's agreement may use the same id.
    const other = await store.insert(agreement("ag-1", { paymentInstitutionId: "wallet-b" }));
    expect(other).toMatchObject({ ok: true, created: true });
  });

  it("reads back every field as written", async () => {
    const { store } = await openStore(backend);
    const full = agreement("ag-2", {
      state: "active",
      bankSignRequestId: "bsr-1",
      agreementNumber: "AGR-9",
      otpExpiresAt: 1_700_000_000_000,
      signedAt: 1_700_000_000_500,
      risk: { authenticationFactors: 1, digitalCertificate: false },
    });
    await store.insert(full);
    expect(await store.find("wallet-a", "ag-2")).toEqual(full);
    expect(await store.findByNumber("bank-a", "AGR-9")).toEqual([full]);
    expect(await store.find("wallet-b", "ag-2")).toBeUndefined();
  });

  it("writes a change only from the state it started from, with its events", async () => {
    const { store, webhooks } = await openStore(backend);
    await webhooks.createEndpoint(
      {
        participantId: "wallet-a",
        id: "hooks",
        url: "https://wallet-a.example/hooks",
        eventTypes: ["agreement.unsigned"],
        createdAt: 1,
      },
      10,
    );
    const active = agreement("ag-3", { state: "active", agreementNumber: "AGR-3" });
    await store.insert(active);
    const ended: Agreement = { ...active, state: "unsigned", unsignedBy: "bank", unsignedAt: 300 };
    const events = [agreementUnsignedEvent(ended)];
    expect(await store.update(ended, "active", events)).toEqual({ ok: true, agreement: ended });
    expect(await store.update(ended, "active", events)).toEqual({
      ok: false,
      code: "agreement_state_conflict",
    });
    expect(await store.find("wallet-a", "ag-3")).toEqual(ended);
    const deliveries = await webhooks.listDeliveries({ participantId: "wallet-a", limit: 10 });
    expect(deliveries.map((d) => [d.eventType, d.eventId])).toEqual([
      ["agreement.unsigned", "agreement.unsigned:wallet-a:ag-3"],
    ]);
  });

  it("lists an institution's agreements newest first, page after page", async () => {
    const { store } = await openStore(backend);
    for (const [id, at] of [
      ["a", 10],
      ["b", 20],
      ["c", 20],
      ["d", 30],
    ] as const) {
      await store.insert(agreement(id, { createdAt: at, updatedAt: at }));
    }
    await store.insert(agreement("x", { paymentInstitutionId: "wallet-b" }));
    const first = await store.list("wallet-a", 2);
    expect(first.map((a) => a.id)).toEqual(["d", "c"]);
    const last = first.at(-1) as Agreement;
    const second = await store.list("wallet-a", 10, { createdAt: last.createdAt, id: last.id });
    expect(second.map((a) => a.id)).toEqual(["b", "a"]);
  });

  it("re-pins every agreement of an endpoint, once", async () => {
    const { store } = await openStore(backend);
    await store.insert(agreement("p-1"));
    await store.insert(agreement("p-2", { pinnedEndpointId: "branch-2" }));
    await store.insert(agreement("p-3"));
    expect(await store.repinAgreements("bank-a", "branch-1", "unified")).toBe(2);
    expect(await store.repinAgreements("bank-a", "branch-1", "unified")).toBe(0);
    expect((await store.find("wallet-a", "p-1"))?.pinnedEndpointId).toBe("unified");
    expect((await store.find("wallet-a", "p-2"))?.pinnedEndpointId).toBe("branch-2");
  });

  it("counts the agreements pinned to each endpoint, active ones apart", async () => {
    const { store } = await openStore(backend);
    await store.insert(agreement("p-1", { state: "active" }));
    await store.insert(agreement("p-2", { state: "active", pinnedEndpointId: "unified" }));
    await store.insert(agreement("p-3"));
    await store.insert(agreement("p-4", { state: "unsigned" }));
    expect(await store.countPinned("bank-a")).toEqual([
      { endpointId: "branch-1", active: 1, total: 3 },
      { endpointId: "unified", active: 1, total: 1 },
    ]);
    expect(await store.countPinned("bank-b")).toEqual([]);
  });

  it("keeps a bank's notice id once", async () => {
    const { store } = await openStore(backend);
    expect(await store.noticeSeen("bank-a", "n-1")).toBe(false);
    await store.recordNotice("bank-a", "n-1", "unsigned", 5);
    await store.recordNotice("bank-a", "n-1", "unsigned", 6);
    expect(await store.noticeSeen("bank-a", "n-1")).toBe(true);
  });
});
