/**
 * Model-based test of the whole ledger path (group commit → store → engine) against the
 * independent reference ledger in ./reference-model.ts, on both backends.
 *
 * Every run registers fresh participants with unique ids in one shared store, so runs are
 * independent without paying for a fresh database each time. The ledger reads `Date.now()`, so
 * only `Date` is faked: time stands still unless a command advances it, which makes timeouts and
 * expiry exact. Real timers (group commit, drivers) are untouched.
 */
import fc from "fast-check";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { verifyLedger } from "../../src/app/ledger/verify-ledger.ts";
import type { AccountBalances } from "../../src/app/ports/ledger-store.ts";
import {
  expiryTransferId,
  pendingTimeoutMsMax,
  type ResolutionRequest,
  type TransferRequest,
} from "../../src/domain/ledger/transfer.ts";
import { amountMinorMax } from "../../src/domain/money/amount.ts";
import type { ParticipantStatus } from "../../src/domain/participant/participant.ts";
import type { Hub } from "../../src/hub.ts";
import { describeEachBackend } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";
import { openTestHub, type TestHub } from "../support/test-hub.ts";
import { type ModelAccount, ReferenceLedger } from "./reference-model.ts";

/** Runs per backend; set LEDGER_MODEL_RUNS for a deeper search (e.g. 500 in a nightly job). */
const numRuns = Number(process.env.LEDGER_MODEL_RUNS ?? 30);
const maxCommands = 40;

// ---------------------------------------------------------------------------------------------
// Symbolic requests: generated before any account exists, resolved per run.

const participantCount = 3;
const accountLabels = [
  "p0.position",
  "p1.position",
  "p2.position",
  "p0.settlement",
  "p1.settlement",
  "p2.settlement",
  "p0.fee",
  "p1.fee",
  "p0.position.EUR",
  "op.reconciliation",
  "op.reconciliation.EUR",
  "op.position",
  "unknown",
] as const;
type AccountLabel = (typeof accountLabels)[number];

/**
 * Ids come from small per-run pools, so they collide: `t*` for posted transfers, `p*` for
 * pending ones, `c*` for commits and voids; a request sometimes takes an id from another pool.
 * Concrete ids get the run's prefix; the invalid ids are used as they are.
 */
const postedIds = ["t0", "t1", "t2", "t3", "t4", "t5"];
const pendingIds = ["p0", "p1", "p2", "p3", "p4"];
const resolutionIds = ["c0", "c1", "c2", "c3", "c4", "c5"];
const anyIds = [...postedIds, ...pendingIds, ...resolutionIds];
const invalidIds = ["", "-leading-dash", "has space", "x".repeat(65), "~hub-only"];

interface PostingSpec {
  readonly kind: "posted" | "pending";
  readonly id: string;
  readonly debit: AccountLabel;
  readonly credit: AccountLabel;
  readonly amount: bigint;
  readonly currency: "USD" | "EUR";
  readonly timeoutMs: number | undefined;
  readonly reference: string | undefined;
  readonly linked: boolean;
}

interface ResolutionSpec {
  readonly kind: "commit" | "void" | "expire";
  /** "auto" for expire: the one id the ledger accepts for it. */
  readonly id: string;
  readonly pendingId: string;
  readonly reference: string | undefined;
  readonly linked: boolean;
}

type Spec = PostingSpec | ResolutionSpec;

function isPostingSpec(spec: Spec): spec is PostingSpec {
  return spec.kind === "posted" || spec.kind === "pending";
}

function idFrom(pool: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: fc.constantFrom(...anyIds) },
  );
}

const usdLabels: readonly AccountLabel[] = accountLabels.filter(
  (label) => !label.endsWith(".EUR") && label !== "unknown",
);

/** A debit and a credit account, different; mostly positions, so net debit caps matter. */
const accountPairArb: fc.Arbitrary<readonly [AccountLabel, AccountLabel, "USD" | "EUR"]> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .tuple(
        fc.oneof(
          {
            weight: 3,
            arbitrary: fc.constantFrom<AccountLabel>("p0.position", "p1.position", "p2.position"),
          },
          { weight: 1, arbitrary: fc.constantFrom(...usdLabels) },
        ),
        fc.oneof(
          {
            weight: 3,
            arbitrary: fc.constantFrom<AccountLabel>("p0.position", "p1.position", "p2.position"),
          },
          { weight: 1, arbitrary: fc.constantFrom(...usdLabels) },
        ),
      )
      .filter(([debit, credit]) => debit !== credit)
      .map(([debit, credit]) => [debit, credit, "USD"] as const),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<AccountLabel>("p0.position.EUR", "op.reconciliation.EUR")
      .chain((debit) =>
        fc.constant([
          debit,
          debit === "p0.position.EUR" ? "op.reconciliation.EUR" : "p0.position.EUR",
          "EUR",
        ] as const),
      ),
  },
);

/** At most one deliberate fault per request, so a faulty request is obviously so. */
type Fault =
  | "invalid-id"
  | "zero-amount"
  | "negative-amount"
  | "same-accounts"
  | "bad-timeout"
  | "bad-reference"
  | "other-currency"
  | "unknown-account"
  | "huge-amount";

/** Mostly absent: `undefined` weighs `absent` against 1 for the values. */
function rarely<T>(values: fc.Arbitrary<T>, absent: number): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { weight: absent, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: values },
  );
}

const faultArb: fc.Arbitrary<Fault | undefined> = rarely(
  fc.constantFrom<Fault>(
    "invalid-id",
    "zero-amount",
    "negative-amount",
    "same-accounts",
    "bad-timeout",
    "bad-reference",
    "other-currency",
    "unknown-account",
    "huge-amount",
  ),
  6,
);

const referenceArb = rarely(
  fc.constantFrom("ref-a", "ref-b", "r".repeat(128), "paid \u{1F600}", "\u{1F600}".repeat(64)),
  3,
);

/** References every store must refuse: too long, a control character, a lone surrogate. */
const invalidReferences = [
  "r".repeat(129),
  "a\u0000b",
  "tab\there",
  "del\u007f",
  "half a pair \ud800",
  "\udc00 half a pair",
];

const invalidTimeouts = [undefined, 0, -1, 2.5, Number.NaN, pendingTimeoutMsMax + 1];

const timeoutArb = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(60_000, pendingTimeoutMsMax) },
);

const postingArb: fc.Arbitrary<PostingSpec> = fc
  .record({
    kind: fc.constantFrom<"posted" | "pending">("posted", "pending"),
    postedId: idFrom(postedIds),
    pendingId: idFrom(pendingIds),
    accounts: accountPairArb,
    amount: fc.bigInt(1n, 25n),
    timeoutMs: timeoutArb,
    reference: referenceArb,
    fault: faultArb,
    pick: fc.nat(5),
  })
  .map(
    ({
      kind,
      postedId,
      pendingId,
      accounts: [debit, credit, currency],
      amount,
      timeoutMs,
      reference,
      fault,
      pick,
    }) => {
      const spec: PostingSpec = {
        kind,
        id: kind === "posted" ? postedId : pendingId,
        debit,
        credit,
        amount,
        currency,
        timeoutMs: kind === "pending" ? timeoutMs : undefined,
        reference,
        linked: false,
      };
      switch (fault) {
        case undefined:
          return spec;
        case "invalid-id":
          return { ...spec, id: invalidIds[pick % invalidIds.length] as string };
        case "zero-amount":
          return { ...spec, amount: 0n };
        case "negative-amount":
          return { ...spec, amount: -amount };
        case "same-accounts":
          return { ...spec, credit: debit };
        case "bad-timeout":
          return { ...spec, timeoutMs: kind === "pending" ? invalidTimeouts[pick] : 10 };
        case "bad-reference":
          return { ...spec, reference: invalidReferences[pick] as string };
        case "other-currency":
          return { ...spec, currency: currency === "USD" ? "EUR" : "USD" };
        case "huge-amount":
          // Near or past what a 64-bit balance holds: balance_overflow, which outranks the cap.
          return {
            ...spec,
            amount: [2n ** 62n, amountMinorMax, amountMinorMax + 1n][pick % 3] as bigint,
          };
        case "unknown-account":
          break;
      }
      return pick % 2 === 0 ? { ...spec, debit: "unknown" } : { ...spec, credit: "unknown" };
    },
  );

const resolutionArb: fc.Arbitrary<ResolutionSpec> = fc
  .record({
    kind: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom<"commit" | "void">("commit", "void") },
      { weight: 1, arbitrary: fc.constant<"expire">("expire") },
    ),
    id: idFrom(resolutionIds),
    pendingId: fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom(...pendingIds) },
      { weight: 1, arbitrary: fc.constantFrom(...postedIds, "no-such-pending") },
    ),
    reference: referenceArb,
    fault: rarely(fc.constantFrom("invalid-id", "bad-reference"), 10),
    pick: fc.nat(invalidReferences.length - 1),
  })
  .map(({ kind, id, pendingId, reference, fault, pick }) => ({
    kind,
    // An expire must be named after its pending: "auto" is that name.
    id:
      fault === "invalid-id" ? (kind === "expire" ? id : "-bad") : kind === "expire" ? "auto" : id,
    pendingId,
    reference: fault === "bad-reference" ? (invalidReferences[pick] as string) : reference,
    linked: false,
  }));

const specArb: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 3, arbitrary: postingArb },
  { weight: 2, arbitrary: resolutionArb },
);

type LinkMode = "none" | "group" | "open" | "mixed";

/** One submission: 1..4 requests, sometimes a closed linked group, sometimes an open chain. */
const submissionArb: fc.Arbitrary<Spec[]> = fc
  .tuple(
    fc.array(specArb, { minLength: 1, maxLength: 4 }),
    fc.constantFrom<LinkMode>(
      "none",
      "none",
      "none",
      "none",
      "group",
      "group",
      "group",
      "open",
      "mixed",
    ),
    fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  )
  .map(([specs, mode, flags]) =>
    specs.map((spec, index) => {
      const last = index === specs.length - 1;
      const linked =
        mode === "group"
          ? !last
          : mode === "open"
            ? true
            : mode === "mixed"
              ? flags[index] === true
              : false;
      return { ...spec, linked };
    }),
  );

function describeSpec(spec: Spec): string {
  const link = spec.linked ? " +link" : "";
  const ref =
    spec.reference === undefined
      ? ""
      : ` ref=${spec.reference.length > 12 ? `${JSON.stringify(spec.reference.slice(0, 4))}…(${spec.reference.length})` : JSON.stringify(spec.reference)}`;
  const id = JSON.stringify(
    spec.id.length > 12 ? `${spec.id.slice(0, 4)}…(${spec.id.length})` : spec.id,
  );
  if (isPostingSpec(spec)) {
    const timeout = spec.timeoutMs === undefined ? "" : ` timeout=${spec.timeoutMs}`;
    return `${spec.kind} ${id} ${spec.debit}->${spec.credit} ${spec.amount} ${spec.currency}${timeout}${ref}${link}`;
  }
  return `${spec.kind} ${id} of ${spec.pendingId}${ref}${link}`;
}

// ---------------------------------------------------------------------------------------------
// Per-run context, model and commands.

interface RunContext {
  readonly hub: Hub;
  readonly prefix: string;
  readonly participantIds: readonly string[];
  readonly accountIds: ReadonlyMap<AccountLabel, number>;
}

interface Model {
  readonly ledger: ReferenceLedger;
  readonly statuses: Map<string, ParticipantStatus>;
  /** Every concrete request submitted so far, for retries. */
  readonly history: TransferRequest[];
}

type LedgerCommand = fc.AsyncCommand<Model, RunContext>;

/** Unknown account ids: far above any id the store hands out, still a 32-bit integer. */
const unknownAccountId = 2_000_000_000;

function concreteId(run: RunContext, id: string): string {
  return invalidIds.includes(id) ? id : `${run.prefix}.${id}`;
}

function concrete(run: RunContext, spec: Spec): TransferRequest {
  const linked = spec.linked ? { linked: true } : {};
  const reference = spec.reference === undefined ? {} : { reference: spec.reference };
  if (isPostingSpec(spec)) {
    return {
      kind: spec.kind,
      id: concreteId(run, spec.id),
      debitAccountId: run.accountIds.get(spec.debit) ?? unknownAccountId,
      creditAccountId: run.accountIds.get(spec.credit) ?? unknownAccountId + 1,
      amount: spec.amount,
      currency: spec.currency,
      ...(spec.timeoutMs === undefined ? {} : { timeoutMs: spec.timeoutMs }),
      ...reference,
      ...linked,
    };
  }
  const pendingId = concreteId(run, spec.pendingId);
  return {
    kind: spec.kind,
    id: spec.id === "auto" ? expiryTransferId(pendingId) : concreteId(run, spec.id),
    pendingId,
    ...reference,
    ...linked,
  };
}

/**
 * Waits for a ledger answer, but not forever: a lost wake-up in the group commit (it once left a
 * submission made right after an answer unflushed) must fail the run, not hang it.
 */
async function answered<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within 10 s: ${what}`)), 10_000);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

class SubmitCommand implements LedgerCommand {
  constructor(readonly specs: readonly Spec[]) {}
  check = () => true;
  async run(model: Model, run: RunContext): Promise<void> {
    const requests = this.specs.map((spec) => concrete(run, spec));
    model.history.push(...requests);
    const actual = await answered(run.hub.ledger.submit(requests), this.toString());
    expect(actual, this.toString()).toEqual(model.ledger.submit(requests));
  }
  toString(): string {
    return `submit[${this.specs.map(describeSpec).join(", ")}]`;
  }
}

/** Several callers at once: they share a batch; the model applies them in submission order. */
class ConcurrentCommand implements LedgerCommand {
  constructor(readonly submissions: readonly (readonly Spec[])[]) {}
  check = () => true;
  async run(model: Model, run: RunContext): Promise<void> {
    const submissions = this.submissions.map((specs) => specs.map((spec) => concrete(run, spec)));
    for (const requests of submissions) model.history.push(...requests);
    const actual = await answered(
      Promise.all(submissions.map((requests) => run.hub.ledger.submit(requests))),
      this.toString(),
    );
    const expected = submissions.map((requests) => model.ledger.submit(requests));
    expect(actual, this.toString()).toEqual(expected);
  }
  toString(): string {
    return `concurrent{${this.submissions.map((specs) => `[${specs.map(describeSpec).join(", ")}]`).join(" | ")}}`;
  }
}

/**
 * The expiry job racing callers (commits, voids, client expiries of due reservations). The
 * callers' submissions are queued first, the sweep's only after it has read what is due, so the
 * model applies the submissions, then the sweep: a reservation resolves exactly once either way.
 */
class SweepRaceCommand implements LedgerCommand {
  constructor(readonly submissions: readonly (readonly Spec[])[]) {}
  check = () => true;
  async run(model: Model, run: RunContext): Promise<void> {
    const submissions = this.submissions.map((specs) => specs.map((spec) => concrete(run, spec)));
    for (const requests of submissions) model.history.push(...requests);
    const [actual, released] = await answered(
      Promise.all([
        Promise.all(submissions.map((requests) => run.hub.ledger.submit(requests))),
        run.hub.expiry.sweep(),
      ]),
      this.toString(),
    );
    const expected = submissions.map((requests) => model.ledger.submit(requests));
    expect(actual, this.toString()).toEqual(expected);
    expect(released, `${this.toString()}: released`).toBe(model.ledger.sweep());
  }
  toString(): string {
    return `sweep-racing{${this.submissions.map((specs) => `[${specs.map(describeSpec).join(", ")}]`).join(" | ")}}`;
  }
}

type RetryChange = "exact" | "amount" | "reference" | "linked" | "kind";

/** Re-submits an earlier request, unchanged or with one field changed. */
class RetryCommand implements LedgerCommand {
  constructor(
    readonly pick: number,
    readonly change: RetryChange,
  ) {}
  check = (model: Readonly<Model>) => model.history.length > 0;
  async run(model: Model, run: RunContext): Promise<void> {
    const original = model.history[this.pick % model.history.length] as TransferRequest;
    const request = changed(original, this.change);
    model.history.push(request);
    const actual = await answered(run.hub.ledger.submit([request]), this.toString());
    expect(actual, `${this.toString()}: ${JSON.stringify(request, bigintJson)}`).toEqual(
      model.ledger.submit([request]),
    );
  }
  toString(): string {
    return `retry(#${this.pick}, ${this.change})`;
  }
}

function changed(request: TransferRequest, change: RetryChange): TransferRequest {
  switch (change) {
    case "exact":
      return request;
    case "reference":
      return { ...request, reference: `${request.reference ?? ""}-changed` };
    case "linked":
      return { ...request, linked: request.linked !== true };
    case "amount":
      if (request.kind === "posted" || request.kind === "pending") {
        return { ...request, amount: request.amount + 1n };
      }
      return { ...request, reference: `${request.reference ?? ""}-changed` };
    case "kind":
      if (request.kind === "posted") return { ...request, kind: "pending", timeoutMs: 60_000 };
      if (request.kind === "pending") {
        const { timeoutMs: _, ...rest } = request;
        return { ...rest, kind: "posted" };
      }
      return {
        ...(request as ResolutionRequest),
        kind: request.kind === "commit" ? "void" : "commit",
      };
  }
}

class AdvanceCommand implements LedgerCommand {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(model: Model): Promise<void> {
    model.ledger.now += this.ms;
    vi.setSystemTime(model.ledger.now);
  }
  toString(): string {
    return `advance(${this.ms}ms)`;
  }
}

class SweepCommand implements LedgerCommand {
  check = () => true;
  async run(model: Model, run: RunContext): Promise<void> {
    const released = await answered(run.hub.expiry.sweep(), this.toString());
    expect(released, this.toString()).toBe(model.ledger.sweep());
  }
  toString(): string {
    return "sweep";
  }
}

class SetStatusCommand implements LedgerCommand {
  constructor(
    readonly participant: number,
    readonly status: ParticipantStatus,
  ) {}
  check = () => true;
  async run(model: Model, run: RunContext): Promise<void> {
    const id = run.participantIds[this.participant] as string;
    const from = model.statuses.get(id) as ParticipantStatus;
    const outcome = await run.hub.participants.changeStatus(id, this.status, testActor);
    if (from === "terminated" || from === this.status) {
      const code = from === "terminated" ? "participant_terminated" : "status_unchanged";
      expect(outcome, this.toString()).toEqual({ ok: false, code });
      return;
    }
    expect(outcome.ok, this.toString()).toBe(true);
    model.statuses.set(id, this.status);
    model.ledger.setParticipantActive(id, this.status === "active");
  }
  toString(): string {
    return `status(p${this.participant} -> ${this.status})`;
  }
}

/** A deposit to or withdrawal from a settlement account, booked against reconciliation. */
class MoveFundsCommand implements LedgerCommand {
  constructor(
    readonly participant: number,
    readonly direction: "in" | "out",
    readonly currency: "USD" | "EUR",
    readonly amount: bigint,
    readonly id: string,
  ) {}
  check = () => true;
  async run(model: Model, run: RunContext): Promise<void> {
    await moveFundsAndCompare(model, run, this);
  }
  toString(): string {
    return `funds(p${this.participant} ${this.direction} ${this.amount} ${this.currency} id=${this.id})`;
  }
}

async function moveFundsAndCompare(
  model: Model,
  run: RunContext,
  movement: {
    participant: number;
    direction: "in" | "out";
    currency: "USD" | "EUR";
    amount: bigint;
    id: string;
  },
): Promise<void> {
  const transferId = concreteId(run, movement.id);
  const outcome = await answered(
    run.hub.funds.moveFunds(
      {
        transferId,
        participantId: run.participantIds[movement.participant] as string,
        direction: movement.direction,
        currency: movement.currency,
        amount: movement.amount,
      },
      testActor,
    ),
    `funds ${movement.id}`,
  );
  const label = `${movement.direction} ${movement.amount} ${movement.currency} for p${movement.participant}`;
  const settlement = run.accountIds.get(
    `p${movement.participant}.settlement${movement.currency === "USD" ? "" : `.${movement.currency}`}` as AccountLabel,
  );
  if (settlement === undefined) {
    expect(outcome, label).toEqual({ ok: false, code: "currency_not_held" });
    return;
  }
  const reconciliation = run.accountIds.get(
    movement.currency === "USD" ? "op.reconciliation" : "op.reconciliation.EUR",
  ) as number;
  const inbound = movement.direction === "in";
  const request: TransferRequest = {
    kind: "posted",
    id: transferId,
    debitAccountId: inbound ? reconciliation : settlement,
    creditAccountId: inbound ? settlement : reconciliation,
    amount: movement.amount,
    currency: movement.currency,
  };
  model.history.push(request);
  const [expected] = model.ledger.submit([request]);
  expect(outcome, label).toEqual({ ok: true, value: expected });
}

const commandArb: fc.Arbitrary<LedgerCommand> = fc.oneof(
  { weight: 10, arbitrary: submissionArb.map((specs) => new SubmitCommand(specs)) },
  {
    weight: 3,
    arbitrary: fc
      .array(submissionArb, { minLength: 2, maxLength: 4 })
      .map((submissions) => new ConcurrentCommand(submissions)),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.nat(1000),
        fc.constantFrom<RetryChange>("exact", "exact", "amount", "reference", "linked", "kind"),
      )
      .map(([pick, change]) => new RetryCommand(pick, change)),
  },
  {
    weight: 4,
    arbitrary: fc
      .oneof(
        { weight: 6, arbitrary: fc.integer({ min: 1, max: 25 }) },
        { weight: 1, arbitrary: fc.constant(60_000) },
      )
      .map((ms) => new AdvanceCommand(ms)),
  },
  { weight: 2, arbitrary: fc.constant(new SweepCommand()) },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.array(
          fc.oneof({ weight: 3, arbitrary: resolutionArb }, { weight: 1, arbitrary: postingArb }),
          { minLength: 1, maxLength: 2 },
        ),
        { minLength: 1, maxLength: 3 },
      )
      .map((submissions) => new SweepRaceCommand(submissions)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 0, max: participantCount - 1 }),
        fc.constantFrom<ParticipantStatus>("suspended", "suspended", "active", "terminated"),
      )
      .map(([participant, status]) => new SetStatusCommand(participant, status)),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        participant: fc.integer({ min: 0, max: participantCount - 1 }),
        direction: fc.constantFrom<"in" | "out">("in", "out"),
        currency: fc.constantFrom<"USD" | "EUR">("USD", "USD", "EUR"),
        amount: fc.bigInt(1n, 60n),
        id: fc.constantFrom(...postedIds),
      })
      .map((m) => new MoveFundsCommand(m.participant, m.direction, m.currency, m.amount, m.id)),
  },
);

interface RunSetup {
  /** USD net debit caps of p0..p2. */
  readonly caps: readonly bigint[];
  readonly eurCap: bigint;
  /** Initial USD deposits into p0..p2's settlement accounts (0: none). */
  readonly deposits: readonly bigint[];
}

/** Small caps, so that a few transfers cross them; now and then none at all. */
const capArb = fc.oneof(
  { weight: 4, arbitrary: fc.bigInt(20n, 80n) },
  { weight: 1, arbitrary: fc.bigInt(0n, 20n) },
);

const setupArb: fc.Arbitrary<RunSetup> = fc.record({
  caps: fc.array(capArb, { minLength: participantCount, maxLength: participantCount }),
  eurCap: fc.bigInt(0n, 30n),
  deposits: fc.array(fc.bigInt(0n, 60n), {
    minLength: participantCount,
    maxLength: participantCount,
  }),
});

// ---------------------------------------------------------------------------------------------
// Running and comparing.

let runSeq = 0;

/** Releases whatever earlier (possibly failed) runs left reserved, so every run starts alone. */
async function expireEverything(hub: Hub): Promise<void> {
  vi.setSystemTime(Date.now() + pendingTimeoutMsMax + 1);
  while ((await answered(hub.expiry.sweep(), "sweep")) > 0) {}
}

async function startRun(hub: Hub, setup: RunSetup): Promise<{ model: Model; run: RunContext }> {
  await expireEverything(hub);
  const prefix = `r${++runSeq}`;
  const participantIds = Array.from({ length: participantCount }, (_, i) => `${prefix}-p${i}`);
  for (const [index, id] of participantIds.entries()) {
    const currencies = [{ currency: "USD", netDebitCap: setup.caps[index] ?? 0n }];
    if (index === 0) currencies.push({ currency: "EUR", netDebitCap: setup.eurCap });
    const registered = await hub.participants.register(
      { id, name: id, kind: "bank", currencies },
      testActor,
    );
    expect(registered.ok).toBe(true);
  }
  const accountIds = new Map<AccountLabel, number>();
  const label = (owner: string, account: AccountBalances) =>
    `${owner}.${account.kind}${account.currency === "USD" ? "" : `.${account.currency}`}`;
  for (const [index, id] of participantIds.entries()) {
    for (const account of await hub.participantStore.listAccounts(id)) {
      accountIds.set(label(`p${index}`, account) as AccountLabel, account.id);
    }
  }
  for (const account of await hub.participantStore.listAccounts("operator")) {
    accountIds.set(label("op", account) as AccountLabel, account.id);
  }
  const owners = new Set([...participantIds, "operator"]);
  const accounts = (await hub.ledgerStore.readAllAccounts()).filter((a) =>
    owners.has(a.participantId),
  );
  const ledger = new ReferenceLedger(
    accounts.map((account): ModelAccount => ({ ...account })),
    [...owners].map((id) => [id, true] as const),
    Date.now(),
  );
  const model: Model = {
    ledger,
    statuses: new Map(participantIds.map((id) => [id, "active"])),
    history: [],
  };
  const run: RunContext = { hub, prefix, participantIds, accountIds };
  for (const [participant, amount] of setup.deposits.entries()) {
    if (amount === 0n) continue;
    await moveFundsAndCompare(model, run, {
      participant,
      direction: "in",
      currency: "USD",
      amount,
      id: `deposit${participant}`,
    });
  }
  return { model, run };
}

function balancesOf(accounts: readonly (AccountBalances | ModelAccount)[]) {
  return accounts.map((a) => ({
    id: a.id,
    account: `${a.participantId} ${a.kind} ${a.currency}`,
    debitsPosted: a.debitsPosted,
    creditsPosted: a.creditsPosted,
    debitsPending: a.debitsPending,
    creditsPending: a.creditsPending,
  }));
}

async function compareState(model: Model, run: RunContext, when: string): Promise<void> {
  const owners = new Set([...run.participantIds, "operator"]);
  const stored = (await run.hub.ledgerStore.readAllAccounts()).filter((a) =>
    owners.has(a.participantId),
  );
  expect(balancesOf(stored), `balances ${when}`).toEqual(balancesOf(model.ledger.accounts()));
  const open = (await run.hub.ledgerStore.readOpenPendingIds())
    .filter((id) => id.startsWith(`${run.prefix}.`))
    .sort();
  expect(open, `open pendings ${when}`).toEqual(model.ledger.openPendingIds());
}

async function finishRun(model: Model, run: RunContext): Promise<void> {
  await compareState(model, run, "after the commands");
  // Let every reservation of the run lapse, long timeouts included, and expire them.
  model.ledger.now = Date.now() + pendingTimeoutMsMax + 1;
  vi.setSystemTime(model.ledger.now);
  const released = await answered(run.hub.expiry.sweep(), "final sweep");
  expect(released, "final sweep").toBe(model.ledger.sweep());
  await compareState(model, run, "after the final sweep");
  const report = await verifyLedger(run.hub.ledgerStore);
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
}

function bigintJson(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? `${value}n` : value;
}

describeEachBackend("ledger against the reference model", (backend) => {
  let test: TestHub | undefined;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-01-01T00:00:00Z"));
    test = await openTestHub(backend);
  });

  afterAll(async () => {
    await test?.dispose();
    vi.useRealTimers();
  });

  it("answers every command and ends with the balances the model predicts", async () => {
    const opened = test?.hub as Hub;
    await fc.assert(
      fc.asyncProperty(
        setupArb,
        fc.commands([commandArb], { maxCommands, size: "max" }),
        async (setup, commands) => {
          const { model, run } = await startRun(opened, setup);
          await fc.asyncModelRun(() => ({ model, real: run }), commands);
          await finishRun(model, run);
        },
      ),
      { numRuns },
    );
  }, 600_000);
});

/**
 * Regression: a lone surrogate was stored as U+FFFD by both drivers while the batch hash was
 * computed over the string as given, so the exact retry was answered
 * `exists_with_different_fields` and verifyLedger reported a broken hash chain on an untampered
 * ledger. References no database stores faithfully are now refused up front, alone: the other
 * callers that share the batch are unaffected.
 */
describeEachBackend("ledger references", (backend) => {
  let test: TestHub | undefined;
  let hub: Hub | undefined;
  let request: (id: string, reference: string) => TransferRequest;

  beforeAll(async () => {
    test = await openTestHub(backend);
    const opened = test.hub;
    hub = opened;
    for (const id of ["pa", "pb"]) {
      const currencies = [{ currency: "USD", netDebitCap: 500n }];
      expect(
        (await opened.participants.register({ id, name: id, kind: "bank", currencies }, testActor))
          .ok,
      ).toBe(true);
    }
    const position = async (id: string) =>
      (await opened.participantStore.findAccount(id, "USD", "position"))?.id as number;
    const debitAccountId = await position("pa");
    const creditAccountId = await position("pb");
    request = (id, reference) => ({
      kind: "posted",
      id,
      debitAccountId,
      creditAccountId,
      amount: 1n,
      currency: "USD",
      reference,
    });
  });

  afterAll(async () => {
    await test?.dispose();
  });

  const refused: [string, string][] = [
    ["a lone high surrogate", "half a pair \ud800"],
    ["a lone low surrogate", "\udc00 half a pair"],
    ["a NUL character", "a\u0000b"],
    ["a control character", "bell\u0007"],
    ["129 characters", "r".repeat(129)],
  ];

  for (const [what, reference] of refused) {
    it(`refuses a reference with ${what} as reference_invalid, alone in its batch`, async () => {
      const opened = hub as Hub;
      const id = `refused-${refused.findIndex(([name]) => name === what)}`;
      const before = await opened.ledgerStore.readAllAccounts();
      const [neighbour, suspect] = await Promise.all([
        opened.ledger.submit([request(`${id}-neighbour`, "fine")]),
        opened.ledger.submit([request(id, reference)]),
      ]);
      expect(suspect).toEqual(["reference_invalid"]);
      expect(neighbour).toEqual(["ok"]);
      // Refused, not stored: a retry is refused the same way, never answered `exists`.
      expect(await opened.ledger.submit([request(id, reference)])).toEqual(["reference_invalid"]);
      expect(await opened.ledgerStore.findTransfer(id)).toBeUndefined();
      const after = await opened.ledgerStore.readAllAccounts();
      const moved = (account: AccountBalances) =>
        account.debitsPosted - (before.find((a) => a.id === account.id)?.debitsPosted ?? 0n);
      expect(after.map(moved).reduce((total, value) => total + value, 0n)).toBe(1n);
      const report = await verifyLedger(opened.ledgerStore);
      expect(report.problems).toEqual([]);
    });
  }

  it("stores a reference with astral characters faithfully: the retry is `exists`", async () => {
    const opened = hub as Hub;
    const reference = `paid \u{1F600}${"\u{1F4B6}".repeat(60)}`;
    expect(reference.length).toBe(127);
    expect(await opened.ledger.submit([request("astral", reference)])).toEqual(["ok"]);
    expect(await opened.ledger.submit([request("astral", reference)])).toEqual(["exists"]);
    expect((await opened.ledgerStore.findTransfer("astral"))?.reference).toBe(reference);
    const report = await verifyLedger(opened.ledgerStore);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
