/**
 * The operation runner with a second, test-only kind whose strategy differs from the banks':
 * nothing to clear (the money cleared earlier), nothing to do on success, a reversal on failure
 * made exactly once, a request that was not sent taken up again later (sent again under its
 * id) until a deadline, and an unknown outcome settled by inquiry. The inquiry job takes up due
 * operations of every kind registered with it. Time is a test clock; no call sleeps.
 */
import { describe, expect, it } from "vitest";
import {
  CockatielEndpointGuard,
  endpointGuardDefaults,
} from "../../src/adapters/resilience/cockatiel-endpoint-guard.ts";
import type { ParticipantCall } from "../../src/app/calls/guarded-call.ts";
import {
  type OperationKind,
  type OperationRefusal,
  OperationRunner,
} from "../../src/app/calls/operation-runner.ts";
import { inquiredKind, StatusInquiry } from "../../src/app/calls/status-inquiry.ts";
import type { OperationStore } from "../../src/app/ports/operation-store.ts";
import type { ParticipantCallRecord } from "../../src/app/ports/participant-call-log.ts";
import { newEndpointSettings } from "../../src/domain/banks/bank-endpoint.ts";
import type { CallableEndpoint } from "../../src/domain/calls/callable-endpoint.ts";
import { OperationInquiry } from "../../src/jobs/operation-inquiry.ts";

type PostingState = "processing" | "pending" | "unknown" | "succeeded" | "failed";

interface Posting {
  readonly id: string;
  readonly state: PostingState;
  readonly receipt: string | null;
  readonly failure: string | null;
  readonly createdAt: number;
  readonly nextInquiryAt: number;
  readonly inquiries: number;
}

type PostingOutcome =
  | { readonly kind: "succeeded"; readonly receipt: string }
  | { readonly kind: "failed"; readonly code: string }
  | { readonly kind: "pending" }
  | { readonly kind: "unknown" };

type PostingAnswer =
  | { readonly status: "posted"; readonly receipt: string }
  | {
      readonly status: "rejected";
      readonly reason: string;
    }
  | { readonly status: "pending" };

type Result = Awaited<ReturnType<ParticipantCall<PostingAnswer, OperationRefusal>>>;

const deadlineMs = 3 * 24 * 60 * 60 * 1000;
const unsettled: readonly PostingState[] = ["processing", "pending", "unknown"];

/** The test kind's store in memory, with the port's expected-state writes and leased claims. */
class MemoryPostingStore implements OperationStore<Posting, [id: string]> {
  readonly rows = new Map<string, Posting>();
  readonly events: string[] = [];

  async find(id: string) {
    return this.rows.get(id);
  }

  async update(next: Posting, fromState: string, events: readonly { id: string }[] = []) {
    const stored = this.rows.get(next.id);
    if (stored === undefined || stored.state !== fromState) {
      return { ok: false as const, code: "state_conflict" };
    }
    this.rows.set(next.id, next);
    this.events.push(...events.map((event) => event.id));
    return { ok: true as const, operation: next };
  }

  async claimDueInquiries(now: number, limit: number, leaseMs: number) {
    const due = [...this.rows.values()]
      .filter((row) => unsettled.includes(row.state) && row.nextInquiryAt <= now)
      .sort((a, b) => a.nextInquiryAt - b.nextInquiryAt)
      .slice(0, limit)
      .map((row) => ({ ...row, inquiries: row.inquiries + 1, nextInquiryAt: now + leaseMs }));
    for (const row of due) this.rows.set(row.id, row);
    return due;
  }
}

const endpoint: CallableEndpoint = {
  billerId: "water-co",
  id: "postings",
  ...newEndpointSettings("https://water-co.example/hub", {}),
};

/** The connector: each call answers the next scripted result and is counted. */
function scripted(results: Result[]) {
  const sent: string[] = [];
  const call =
    (name: string): ParticipantCall<PostingAnswer, OperationRefusal> =>
    async () => {
      sent.push(name);
      const next = results.shift();
      if (next === undefined) throw new Error("no scripted result left");
      return next;
    };
  return { sent, call };
}

function postingKind(
  store: MemoryPostingStore,
  connector: ReturnType<typeof scripted>,
  clock: () => number,
) {
  const reversals = new Set<string>();
  const kind: OperationKind<Posting, [id: string], PostingAnswer, PostingOutcome> = {
    name: "test posting",
    store,
    backoff: { firstInquiryDelayMs: 1_000, inquiryDelayCapMs: 60_000 },
    keyOf: (posting) => [posting.id],
    isSettled: (posting) => posting.state === "succeeded" || posting.state === "failed",
    transactionIdOf: (posting) => posting.id,
    callNameOf: () => "posting",
    clear: async () => undefined,
    endpointFor: async () => ({ ok: true, endpoint }),
    whenNotSent: (posting, detail) =>
      clock() - posting.createdAt < deadlineMs
        ? "retry"
        : { kind: "failed", code: `posting_failed: ${detail}` },
    outcomeOfAnswer: (answer) =>
      answer.status === "posted"
        ? { kind: "succeeded", receipt: answer.receipt }
        : answer.status === "rejected"
          ? { kind: "failed", code: answer.reason }
          : { kind: "pending" },
    outcomeOfRefusal: (refusal) => ({ kind: "failed", code: refusal.code }),
    unwell: (refusal) => refusal.code === "biller_busy",
    takeUp: (posting) =>
      posting.state === "processing"
        ? { by: "call", call: connector.call("posting") }
        : { by: "inquiry", call: connector.call("inquiry") },
    resolve: async (posting, outcome) => {
      // A reversal under an id derived from the posting's: a set keeps it once, as the ledger would.
      if (outcome.kind === "failed") reversals.add(`${posting.id}.reversal`);
    },
    apply: (posting, outcome, _at, nextTakeUpAt) => {
      if (kind.isSettled(posting)) return undefined;
      if (outcome.kind === "unknown" && posting.state !== "processing") return undefined;
      switch (outcome.kind) {
        case "succeeded":
          return { ...posting, state: "succeeded", receipt: outcome.receipt };
        case "failed":
          return { ...posting, state: "failed", failure: outcome.code };
        default:
          return { ...posting, state: outcome.kind, nextInquiryAt: nextTakeUpAt };
      }
    },
    events: (settled) => [
      {
        id: `posting.${settled.state}:${settled.id}`,
        type: "payment.succeeded",
        recipientId: "channel",
        payload: "{}",
        createdAt: 0,
      },
    ],
  };
  return { kind, reversals };
}

function setUp(results: Result[]) {
  let now = 1_000_000;
  const clock = () => now;
  const store = new MemoryPostingStore();
  const connector = scripted(results);
  const { kind, reversals } = postingKind(store, connector, clock);
  const calls: ParticipantCallRecord[] = [];
  const runner = new OperationRunner(
    kind,
    new CockatielEndpointGuard({ ...endpointGuardDefaults, clock }),
    { record: async (call) => void calls.push(call) },
    clock,
  );
  const posting: Posting = {
    id: "posting-1",
    state: "processing",
    receipt: null,
    failure: null,
    createdAt: now,
    nextInquiryAt: now + 130_000,
    inquiries: 0,
  };
  store.rows.set(posting.id, posting);
  const inquired = inquiredKind(
    "bill_payment",
    {
      claimDueInquiries: (at: number, limit: number, leaseMs: number) =>
        store.claimDueInquiries(at, limit, leaseMs),
      find: (_owner: string, id: string) => store.find(id),
    },
    runner,
    (operation) => !unsettled.includes(operation.state),
  );
  const job = new OperationInquiry(
    new StatusInquiry([inquired], (error) => {
      throw error;
    }),
    {
      intervalMs: 1_000,
      batchSizeMax: 10,
      leaseMs: 130_000,
      onError: (error) => {
        throw error;
      },
    },
    clock,
  );
  return {
    store,
    connector,
    runner,
    posting,
    reversals,
    calls,
    job,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const notSent: Result = { kind: "not_sent", cause: "connection_refused", detail: "ECONNREFUSED" };
const posted = (receipt: string): Result => ({
  kind: "answered",
  answer: { status: "posted", receipt },
});

describe("the operation runner with a kind of its own", () => {
  it("takes a posting that was not sent up again later, sending it again, until it is posted", async () => {
    const t = setUp([notSent, notSent, posted("R-9")]);
    const first = await t.runner.run(t.posting, t.connector.call("posting"));
    expect(first).toMatchObject({ state: "processing", nextInquiryAt: 1_000_000 + 1_000 });
    t.advance(1_000);
    expect(await t.job.pass()).toBe(1);
    expect(t.store.rows.get("posting-1")).toMatchObject({ state: "processing", inquiries: 1 });
    t.advance(2_000);
    expect(await t.job.pass()).toBe(1);
    expect(t.store.rows.get("posting-1")).toMatchObject({ state: "succeeded", receipt: "R-9" });
    expect(t.connector.sent).toEqual(["posting", "posting", "posting"]);
    expect(t.reversals.size).toBe(0);
    expect(t.store.events).toEqual(["posting.succeeded:posting-1"]);
    expect(
      t.calls.map((call) => [call.participantId, call.call, call.attempt, call.outcome]),
    ).toEqual([
      ["water-co", "posting", 1, "not_sent"],
      ["water-co", "posting", 2, "not_sent"],
      ["water-co", "posting", 3, "answered:posted"],
    ]);
  });

  it("fails a posting never sent only once its deadline of days has passed, reversing once", async () => {
    const t = setUp([notSent, notSent]);
    await t.runner.run(t.posting, t.connector.call("posting"));
    t.advance(deadlineMs);
    expect(await t.job.pass()).toBe(1);
    const failed = t.store.rows.get("posting-1");
    expect(failed).toMatchObject({ state: "failed" });
    expect(failed?.failure).toMatch(/^posting_failed: /);
    // A late settle (a notice racing the job) changes nothing and reverses nothing again.
    await t.runner.settle(failed as Posting, { kind: "failed", code: "again" });
    expect([...t.reversals]).toEqual(["posting-1.reversal"]);
    expect(t.store.events).toEqual(["posting.failed:posting-1"]);
  });

  it("leaves a timed-out posting unknown and settles it by inquiry, not by posting again", async () => {
    const t = setUp([
      { kind: "unknown", cause: "timeout", detail: "no answer within 10000 ms" },
      { kind: "answered", answer: { status: "pending" } },
      { kind: "answered", answer: { status: "rejected", reason: "account_closed" } },
    ]);
    expect(await t.runner.run(t.posting, t.connector.call("posting"))).toMatchObject({
      state: "unknown",
    });
    t.advance(1_000);
    await t.job.pass();
    expect(t.store.rows.get("posting-1")).toMatchObject({ state: "pending" });
    t.advance(10_000);
    await t.job.pass();
    expect(t.store.rows.get("posting-1")).toMatchObject({
      state: "failed",
      failure: "account_closed",
    });
    expect(t.connector.sent).toEqual(["posting", "inquiry", "inquiry"]);
    expect([...t.reversals]).toEqual(["posting-1.reversal"]);
  });

  it("fails at once on the interface's refusal, which the biller made on purpose", async () => {
    const t = setUp([{ kind: "refused", code: "bill_already_paid", reason: "paid" }]);
    expect(await t.runner.run(t.posting, t.connector.call("posting"))).toMatchObject({
      state: "failed",
      failure: "bill_already_paid",
    });
    expect(t.calls[0]?.outcome).toBe("refused:bill_already_paid");
  });
});

describe("the runner's admission before each call", () => {
  it("sends nothing a kind's admission sheds, and takes the operation up again later", async () => {
    const t = setUp([posted("R-1")]);
    let open = false;
    const released: string[] = [];
    t.runner.kind.admit = async () =>
      open
        ? { admitted: true, release: async () => void released.push("slot") }
        : { admitted: false, detail: "shed: biller_capacity" };
    const first = await t.runner.run(t.posting, t.connector.call("posting"));
    expect(first).toMatchObject({ state: "processing", nextInquiryAt: 1_000_000 + 1_000 });
    expect(t.connector.sent).toEqual([]);
    expect(t.calls).toEqual([]);
    open = true;
    t.advance(1_000);
    await t.job.pass();
    expect(t.store.rows.get("posting-1")).toMatchObject({ state: "succeeded", receipt: "R-1" });
    expect(t.connector.sent).toEqual(["posting"]);
    expect(released).toEqual(["slot"]);
  });
});
