/**
 * The load driver of `clearhub bench payments`, run as a child process: a payment institution
 * using the SDK, with `concurrency` callers each sending its next request when its last is
 * answered (a closed loop). Every payment has a fresh id and quotes the next agreement in turn.
 */
import { createPrivateKey, randomUUID } from "node:crypto";
import { ClearhubClient, ClearhubProblemError } from "@clearhub/sdk";
import type {
  PaymentsDriverConfig,
  PaymentsDriverMessage,
  PaymentsParentMessage,
  PaymentsPhase,
  PaymentsPhaseStats,
} from "./bench-payments-protocol.ts";
import { percentile, round } from "./bench-store.ts";

class PhaseRecorder {
  readonly latencies: number[] = [];
  seconds = 0;
  cpuMs = 0;
  answered = 0;
  errors = 0;
  readonly errorsByCode: Record<string, number> = {};
  readonly byState: Record<string, number> = {};

  constructor(readonly phase: PaymentsPhase) {}

  stats(): PaymentsPhaseStats {
    const sorted = Float64Array.from(this.latencies).sort();
    return {
      phase: this.phase,
      seconds: round(this.seconds),
      answered: this.answered,
      errors: this.errors,
      errorsByCode: this.errorsByCode,
      byState: this.byState,
      p50Ms: round(percentile(sorted, 0.5)),
      p99Ms: round(percentile(sorted, 0.99)),
      maxMs: round(sorted[sorted.length - 1] ?? 0),
      driverCpuMs: round(this.cpuMs),
    };
  }
}

function count(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function errorCode(error: unknown): string {
  if (error instanceof ClearhubProblemError) return `${error.status} ${error.code}`;
  return error instanceof Error ? error.name : String(error);
}

class PaymentsDriver {
  private readonly client: ClearhubClient;
  private readonly recorders = new Map<PaymentsPhase, PhaseRecorder>();
  private sequence = 0;

  constructor(private readonly config: PaymentsDriverConfig) {
    const privateKey = createPrivateKey({
      key: Buffer.from(config.privateKeyPkcs8, "base64"),
      format: "der",
      type: "pkcs8",
    });
    // No retries: a failure is counted as it happened, not hidden behind a second attempt.
    this.client = new ClearhubClient({
      baseUrl: config.origin,
      keyId: config.keyId,
      privateKey,
      retry: { attemptsMax: 1 },
      attemptTimeoutMs: 60_000,
    });
  }

  async run(phase: PaymentsPhase, durationMs: number): Promise<number> {
    let recorder = this.recorders.get(phase);
    if (recorder === undefined) {
      recorder = new PhaseRecorder(phase);
      this.recorders.set(phase, recorder);
    }
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const deadline = started + durationMs;
    const callers = Array.from({ length: this.config.concurrency }, () =>
      this.caller(phase, deadline, recorder),
    );
    await Promise.all(callers);
    const cpu = process.cpuUsage(cpuBefore);
    recorder.seconds += (performance.now() - started) / 1000;
    recorder.cpuMs += (cpu.user + cpu.system) / 1000;
    return recorder.answered;
  }

  report(): PaymentsPhaseStats[] {
    return [...this.recorders.values()].map((recorder) => recorder.stats());
  }

  private async caller(
    phase: PaymentsPhase,
    deadline: number,
    recorder: PhaseRecorder,
  ): Promise<void> {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        const state = phase === "noop" ? await this.ping() : await this.pay();
        recorder.answered++;
        if (state !== undefined) count(recorder.byState, state);
      } catch (error) {
        recorder.errors++;
        count(recorder.errorsByCode, errorCode(error));
      }
      recorder.latencies.push(performance.now() - sent);
    }
  }

  private async ping(): Promise<undefined> {
    await this.client.ping();
    return undefined;
  }

  private async pay(): Promise<string> {
    const agreements = this.config.agreementIds;
    const agreementId = agreements[this.sequence++ % agreements.length] as string;
    const { operation } = await this.client.createAgreementPayment({
      id: randomUUID(),
      agreementId,
      amount: this.config.amount,
      currency: "CNY",
    });
    return operation.state;
  }
}

function send(message: PaymentsDriverMessage): void {
  process.send?.(message);
}

let driver: PaymentsDriver | undefined;

async function handle(message: PaymentsParentMessage): Promise<void> {
  if (message.type === "configure") {
    driver = new PaymentsDriver(message.config);
    send({ type: "ready" });
  } else if (message.type === "run") {
    if (driver === undefined) throw new Error("run before configure");
    const answered = await driver.run(message.phase, message.durationMs);
    send({ type: "ran", phase: message.phase, answered });
  } else if (message.type === "report") {
    send({ type: "report", stats: driver?.report() ?? [] });
  } else {
    process.disconnect();
  }
}

if (process.send === undefined) {
  process.stderr.write("bench-payments-driver runs as a child of `clearhub bench payments`\n");
  process.exit(2);
}
process.on("message", (message: PaymentsParentMessage) => {
  handle(message).catch((error: unknown) => {
    send({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  });
});
