import { expect, it, vi } from "vitest";
import { newBankOperation } from "../../src/app/payments/new-bank-operation.ts";
import type {
  BankOperation,
  BankOperationState,
} from "../../src/domain/bank-operations/bank-operation.ts";
import { describeEachBackend } from "../support/backends.ts";
import { type ApiHarness, expectProblem, useApiHarness } from "./api-harness.ts";
import { onboardParticipant } from "./participant-client.ts";

interface Item {
  participantId: string;
  id: string;
  kind: string;
  bankId: string;
  state: string;
  amount: string;
  currency: string;
  transactionId: string;
  inquiries: number;
  nextInquiryAt: string | null;
  createdAt: string;
  ageSeconds?: number;
  creditor?: { name: string; accountNumber: string };
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

const minute = 60_000;

/** Records an operation as the services do, then moves it to `state`. */
async function recordOperation(
  api: ApiHarness,
  fields: {
    institution: string;
    id: string;
    bank: string;
    kind?: BankOperation["kind"];
    state?: BankOperationState;
    createdAt: number;
  },
): Promise<BankOperation> {
  const kind = fields.kind ?? "debit";
  const operation = newBankOperation(
    {
      paymentInstitutionId: fields.institution,
      id: fields.id,
      kind,
      bankId: fields.bank,
      agreementId: kind === "debit" ? "ag-1" : null,
      originalId: null,
      amountMinor: 1234n,
      currency: "EUR",
      requestHash: "h",
      ...(kind === "credit"
        ? { maskedCreditor: { name: "Li Wei", accountNumber: "****0001" } }
        : {}),
    },
    fields.createdAt,
    1_000,
  );
  const inserted = await api.hub.bankOperationStore.insert(operation);
  expect(inserted.ok).toBe(true);
  const state = fields.state ?? "processing";
  if (state === "processing") return operation;
  const settled = state === "succeeded" || state === "failed";
  const next = { ...operation, state, completedAt: settled ? fields.createdAt : null };
  const written = await api.hub.bankOperationStore.update(next, "processing");
  expect(written.ok).toBe(true);
  return next;
}

describeEachBackend("operator bank operations", (backend) => {
  const api = useApiHarness(backend);

  const get = async <T>(url: string): Promise<T> => {
    const response = await api.call("GET", url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  async function history(now: number) {
    await onboardParticipant(api, "wallet-a", "payment_institution");
    await onboardParticipant(api, "wallet-b", "payment_institution");
    await onboardParticipant(api, "bank-a", "bank");
    await onboardParticipant(api, "bank-b", "bank");
    const rows: [string, string, string, BankOperation["kind"], BankOperationState, number][] = [
      ["wallet-a", "op-1", "bank-a", "debit", "succeeded", 60],
      ["wallet-a", "op-2", "bank-b", "credit", "failed", 50],
      ["wallet-b", "op-3", "bank-a", "debit", "unknown", 40],
      ["wallet-b", "op-4", "bank-a", "refund", "pending", 30],
      ["wallet-a", "op-5", "bank-a", "debit", "unknown", 3],
      ["wallet-b", "op-6", "bank-b", "debit", "processing", 1],
    ];
    for (const [institution, id, bank, kind, state, minutesAgo] of rows) {
      await recordOperation(api, {
        institution,
        id,
        bank,
        kind,
        state,
        createdAt: now - minutesAgo * minute,
      });
    }
  }

  const ids = async (query: string) =>
    (await get<Page>(`/operator/v1/bank-operations?${query}`)).items.map((item) => item.id);

  it("lists every institution's operations newest first, with filters that combine", async () => {
    await history(Date.now());
    const page = await get<Page>("/operator/v1/bank-operations");
    expect(page.items.map((item) => item.id)).toEqual([
      "op-6",
      "op-5",
      "op-4",
      "op-3",
      "op-2",
      "op-1",
    ]);
    expect(page.items.find((item) => item.id === "op-2")).toMatchObject({
      participantId: "wallet-a",
      kind: "credit",
      bankId: "bank-b",
      amount: "12.34",
      currency: "EUR",
      state: "failed",
      nextInquiryAt: null,
      creditor: { name: "Li Wei", accountNumber: "****0001" },
    });
    expect(await ids("participant=wallet-a")).toEqual(["op-5", "op-2", "op-1"]);
    expect(await ids("bank=bank-a&state=unknown")).toEqual(["op-5", "op-3"]);
    expect(await ids("kind=debit&participant=wallet-b")).toEqual(["op-6", "op-3"]);
    expect(await ids("kind=refund")).toEqual(["op-4"]);
  });

  it("pages without duplicates or gaps", async () => {
    await history(Date.now());
    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const suffix: string = cursor === null ? "" : `&cursor=${cursor}`;
      const page = await get<Page>(`/operator/v1/bank-operations?limit=4${suffix}`);
      paged.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(paged).toEqual(["op-6", "op-5", "op-4", "op-3", "op-2", "op-1"]);
    expect(pages).toBe(2);
  });

  it("refuses unknown filters, unknown states and malformed or foreign cursors", async () => {
    const refused: [string, string][] = [
      ["/operator/v1/bank-operations?payer=wallet-a", "request_invalid"],
      ["/operator/v1/bank-operations?state=lost", "request_invalid"],
      ["/operator/v1/bank-operations?cursor=xyz", "cursor_invalid"],
      [
        `/operator/v1/bank-operations?cursor=${Buffer.from('["transfers",1,"t-1"]').toString("base64url")}`,
        "cursor_invalid",
      ],
      ["/operator/v1/stuck-operations?state=unknown", "request_invalid"],
      ["/operator/v1/stuck-operations?olderThanSeconds=-1", "request_invalid"],
    ];
    for (const [url, code] of refused) expectProblem(await api.call("GET", url), 400, code);
  });

  it("lists stuck operations oldest first with their age, by the clock", async () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"], now });
    try {
      await history(now);
      const stuck = await get<{ items: Item[] }>("/operator/v1/stuck-operations");
      // Unsettled for more than the default 300 s: op-5 (3 min) and op-6 (1 min) are not yet.
      expect(stuck.items.map((item) => [item.id, item.state, item.ageSeconds])).toEqual([
        ["op-3", "unknown", 2400],
        ["op-4", "pending", 1800],
      ]);
      const sooner = await get<{ items: Item[] }>(
        "/operator/v1/stuck-operations?olderThanSeconds=60",
      );
      expect(sooner.items.map((item) => item.id)).toEqual(["op-3", "op-4", "op-5"]);
      vi.setSystemTime(now + 10 * minute);
      const later = await get<{ items: Item[] }>("/operator/v1/stuck-operations");
      expect(later.items.map((item) => [item.id, item.ageSeconds])).toEqual([
        ["op-3", 3000],
        ["op-4", 2400],
        ["op-5", 780],
        ["op-6", 660],
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("reports the stuck operations' count and oldest age on /metrics", async () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"], now });
    try {
      await history(now);
      const metrics = await api.app.inject({ method: "GET", url: "/metrics" });
      expect(metrics.body).toMatch(/^clearhub_bank_operations_stuck 2$/m);
      expect(metrics.body).toMatch(/^clearhub_bank_operations_stuck_oldest_age_seconds 2400$/m);
    } finally {
      vi.useRealTimers();
    }
  });

  it("inquires now about an unsettled operation, and refuses a final or unknown one", async () => {
    await history(Date.now());
    const before = await api.hub.bankOperationStore.find("wallet-b", "op-3");
    const inquired = await api.call("POST", "/operator/v1/bank-operations/wallet-b/op-3/inquire");
    expect(inquired.statusCode, inquired.body).toBe(200);
    const after = inquired.json() as Item;
    // bank-a has no endpoint: the inquiry cannot reach it, so the operation stays unknown and
    // its next inquiry is scheduled anew, as the inquiry job would have done.
    expect(after).toMatchObject({ id: "op-3", participantId: "wallet-b", state: "unknown" });
    expect(Date.parse(after.nextInquiryAt ?? "")).not.toBe(before?.nextInquiryAt);
    expectProblem(
      await api.call("POST", "/operator/v1/bank-operations/wallet-a/op-1/inquire"),
      409,
      "bank_operation_final",
    );
    expectProblem(
      await api.call("POST", "/operator/v1/bank-operations/wallet-a/op-404/inquire"),
      404,
      "bank_operation_not_found",
    );
  });
});
