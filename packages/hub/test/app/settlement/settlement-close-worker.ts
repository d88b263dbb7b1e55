/**
 * One posting process of test/app/settlement/settlement-close-multi-process.test.ts. Run as
 * `node --import tsx settlement-close-worker.ts '<CloseWorkerConfig as JSON>'` with an IPC
 * channel. It opens its own hub on the shared PostgreSQL schema, says `ready`, and on `go`
 * posts without pause through its own group commit (posted transfers, and pendings it then
 * commits) between the given position accounts, until told to `stop`. It prints every
 * submission and its result as one JSON line on stdout and exits 0; a failure goes to stderr
 * with exit code 1.
 */
import type { TransferResultCode } from "../../../src/domain/ledger/result-code.ts";
import type { TransferRequest } from "../../../src/domain/ledger/transfer.ts";
import { openHub } from "../../../src/hub.ts";
import { runWorkerProcess, sendToParent } from "../../support/worker-main.ts";

export interface CloseWorkerConfig {
  readonly worker: number;
  readonly databaseUrl: string;
  readonly currency: string;
  readonly positions: readonly number[];
  /** Submissions in flight at once. */
  readonly lanes: number;
}

/** A submission as the parent checks it; amounts as decimal strings. */
export interface CloseWorkerSubmission {
  readonly id: string;
  readonly kind: TransferRequest["kind"];
  readonly debitAccountId: number;
  readonly creditAccountId: number;
  readonly amount: string;
  readonly result: TransferResultCode;
}

export type CloseWorkerMessage = { type: "ready" } | { type: "posting" };
export type CloseParentMessage = { type: "go" } | { type: "stop" };

/** A seeded PRNG (mulberry32): each worker's workload is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const received = new Set<CloseParentMessage["type"]>();
const waiters = new Map<CloseParentMessage["type"], () => void>();
process.on("message", (message: CloseParentMessage) => {
  received.add(message.type);
  waiters.get(message.type)?.();
});

function waitFor(type: CloseParentMessage["type"]): Promise<void> {
  if (received.has(type)) return Promise.resolve();
  return new Promise((resolve) => waiters.set(type, resolve));
}

function send(message: CloseWorkerMessage): void {
  sendToParent(message);
}

async function run(config: CloseWorkerConfig): Promise<CloseWorkerSubmission[]> {
  const hub = await openHub({ databaseUrl: config.databaseUrl, expirePendings: false });
  const submissions: CloseWorkerSubmission[] = [];
  const rand = random(0xc105e + config.worker * 7919);
  const { positions, currency } = config;
  let next = 0;
  const submit = async (
    request: TransferRequest,
    accounts: { debitAccountId: number; creditAccountId: number; amount: bigint },
  ) => {
    const result = await hub.ledger.submitOne(request);
    submissions.push({
      id: request.id,
      kind: request.kind,
      debitAccountId: accounts.debitAccountId,
      creditAccountId: accounts.creditAccountId,
      amount: accounts.amount.toString(),
      result,
    });
    return result;
  };
  const once = async () => {
    const from = Math.floor(rand() * positions.length);
    const to = (from + 1 + Math.floor(rand() * (positions.length - 1))) % positions.length;
    const accounts = {
      debitAccountId: positions[from] as number,
      creditAccountId: positions[to] as number,
      amount: BigInt(1 + Math.floor(rand() * 1_000)),
    };
    const id = `w${config.worker}-${next++}`;
    if (rand() < 0.8) {
      await submit({ kind: "posted", id, currency, ...accounts }, accounts);
      return;
    }
    const held = await submit(
      { kind: "pending", id, currency, timeoutMs: 3_600_000, ...accounts },
      accounts,
    );
    if (held === "ok") await submit({ kind: "commit", id: `${id}-c`, pendingId: id }, accounts);
  };
  try {
    send({ type: "ready" });
    await waitFor("go");
    let posting = false;
    await Promise.all(
      Array.from({ length: config.lanes }, async () => {
        while (!received.has("stop")) {
          await once();
          if (!posting) {
            posting = true;
            send({ type: "posting" });
          }
        }
      }),
    );
    return submissions;
  } finally {
    await hub.close();
  }
}

await runWorkerProcess(run);
