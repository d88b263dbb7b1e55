/**
 * A load driver of `clearhub bench flood`, run as a child process: one channel using the SDK,
 * its streams open loop (see `FloodStream`). No retries: a refusal is counted as it happened,
 * never hidden behind a second attempt.
 */
import { createPrivateKey } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { ClearhubClient, ClearhubProblemError } from "@clearhub/sdk";
import {
  benchCustomerNumber,
  benchCustomerParameter,
  type FloodDriverConfig,
  type FloodDriverMessage,
  type FloodKindStats,
  type FloodParentMessage,
  type FloodStream,
  type FloodStreamKind,
} from "./bench-flood-protocol.ts";
import { percentile, round } from "./bench-store.ts";

/** Longer than any answer the hub may take (its queue waits one second at most). */
const attemptTimeoutMs = 30_000;

class KindRecorder {
  readonly latencies: number[] = [];
  sent = 0;
  succeeded = 0;
  fromCache = 0;
  readonly failedByCode: Record<string, number> = {};

  constructor(readonly kind: FloodStreamKind) {}

  stats(): FloodKindStats {
    const sorted = Float64Array.from(this.latencies).sort();
    return {
      kind: this.kind,
      sent: this.sent,
      succeeded: this.succeeded,
      fromCache: this.fromCache,
      failedByCode: this.failedByCode,
      p50Ms: round(percentile(sorted, 0.5)),
      p99Ms: round(percentile(sorted, 0.99)),
      maxMs: round(sorted[sorted.length - 1] ?? 0),
    };
  }
}

/** A refusal by its status and code; no answer by the error's name and what caused it. */
function errorCode(error: unknown): string {
  if (error instanceof ClearhubProblemError) return `${error.status} ${error.code}`;
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; name?: unknown } | undefined;
  const why = cause?.code ?? cause?.name;
  return typeof why === "string" ? `${error.name} (${why})` : error.name;
}

/** The k-th customer a stream names: in turn for people, half hot and half spread for machines. */
function customerOf(stream: FloodStream, k: number): string {
  if (stream.kind !== "scheduled_inquiry") return benchCustomerNumber(k % stream.customers);
  const index =
    k % 2 === 0
      ? (k / 2) % stream.hotCustomers
      : // A multiplier prime to any customer count below it visits them all before repeating.
        (((k - 1) / 2) * 7_919) % stream.customers;
  return benchCustomerNumber(index);
}

class FloodDriver {
  private readonly client: ClearhubClient;

  constructor(private readonly config: FloodDriverConfig) {
    const privateKey = createPrivateKey({
      key: Buffer.from(config.privateKeyPkcs8, "base64"),
      format: "der",
      type: "pkcs8",
    });
    this.client = new ClearhubClient({
      baseUrl: config.origin,
      keyId: config.keyId,
      privateKey,
      retry: { attemptsMax: 1 },
      attemptTimeoutMs,
    });
  }

  async run(label: string, durationMs: number): Promise<FloodKindStats[]> {
    const recorders = new Map<FloodStreamKind, KindRecorder>();
    const recorderOf = (kind: FloodStreamKind) => {
      let recorder = recorders.get(kind);
      if (recorder === undefined) {
        recorder = new KindRecorder(kind);
        recorders.set(kind, recorder);
      }
      return recorder;
    };
    const startMs = performance.now();
    await Promise.all(
      this.config.streams.map((stream) =>
        this.stream(stream, label, startMs, startMs + durationMs, recorderOf(stream.kind)),
      ),
    );
    return [...recorders.values()].map((recorder) => recorder.stats());
  }

  /** Sends each request when due, never waiting for an answer first, then awaits them all. */
  private async stream(
    stream: FloodStream,
    label: string,
    startMs: number,
    endMs: number,
    recorder: KindRecorder,
  ): Promise<void> {
    const intervalMs = 1_000 / stream.perSecond;
    const answers: Promise<void>[] = [];
    for (let k = 0; ; k++) {
      const dueMs = startMs + k * intervalMs;
      if (dueMs >= endMs) break;
      const waitMs = dueMs - performance.now();
      if (waitMs > 0) await sleep(waitMs);
      answers.push(this.send(stream, `${label}-${stream.billerId}-${k}`, k, dueMs, recorder));
    }
    await Promise.all(answers);
  }

  private async send(
    stream: FloodStream,
    id: string,
    k: number,
    dueMs: number,
    recorder: KindRecorder,
  ): Promise<void> {
    recorder.sent++;
    const customerParameters = { [benchCustomerParameter]: customerOf(stream, k) };
    try {
      if (stream.kind === "payment") {
        await this.client.payBill({
          id,
          billerId: stream.billerId,
          customerParameters,
          amount: this.config.amount,
          currency: "CNY",
        });
      } else {
        const answer = await this.client.inquireBills({
          billerId: stream.billerId,
          customerParameters,
          initiation: stream.kind === "user_inquiry" ? "user" : "scheduled",
        });
        if (answer.source === "cache") recorder.fromCache++;
      }
      recorder.succeeded++;
    } catch (error) {
      const code = errorCode(error);
      recorder.failedByCode[code] = (recorder.failedByCode[code] ?? 0) + 1;
    }
    recorder.latencies.push(performance.now() - dueMs);
  }
}

function send(message: FloodDriverMessage): void {
  process.send?.(message);
}

let driver: FloodDriver | undefined;

async function handle(message: FloodParentMessage): Promise<void> {
  if (message.type === "configure") {
    driver = new FloodDriver(message.config);
    send({ type: "ready" });
  } else if (message.type === "run") {
    if (driver === undefined) throw new Error("run before configure");
    send({ type: "ran", stats: await driver.run(message.label, message.durationMs) });
  } else {
    process.disconnect();
  }
}

if (process.send === undefined) {
  process.stderr.write("bench-flood-driver runs as a child of `clearhub bench flood`\n");
  process.exit(2);
}
process.on("message", (message: FloodParentMessage) => {
  handle(message).catch((error: unknown) => {
    send({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  });
});
