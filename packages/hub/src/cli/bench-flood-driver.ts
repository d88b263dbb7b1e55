/**
 * A load driver of `clearhub bench flood`, run as a child process: one channel using the SDK,
 * its streams open loop (see `FloodStream`). No retries: a refusal is counted as it happened,
 * never hidden behind a second attempt.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { ClearhubClient } from "@clearhub/sdk";
import { serveParent } from "./bench-child.ts";
import { benchSdkClient, recorderFor, sdkErrorCode } from "./bench-driver-kit.ts";
import { count, latencySummary } from "./bench-figures.ts";
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
    return {
      kind: this.kind,
      sent: this.sent,
      succeeded: this.succeeded,
      fromCache: this.fromCache,
      failedByCode: this.failedByCode,
      ...latencySummary(this.latencies),
    };
  }
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
    this.client = benchSdkClient(config.origin, config, attemptTimeoutMs);
  }

  async run(label: string, durationMs: number): Promise<FloodKindStats[]> {
    const recorders = new Map<FloodStreamKind, KindRecorder>();
    const recorderOf = (kind: FloodStreamKind) =>
      recorderFor(recorders, kind, (key) => new KindRecorder(key));
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
      // With what caused a missing answer: under a flood, which socket error it was matters.
      count(recorder.failedByCode, sdkErrorCode(error, true));
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

serveParent("bench-flood-driver", handle);
