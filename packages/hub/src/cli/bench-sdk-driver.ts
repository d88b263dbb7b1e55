/**
 * The load driver of the end-to-end benchmarks (`clearhub bench payments`, `clearhub bench
 * bill-payments`), run as a child process: a participant using the SDK, with `concurrency`
 * callers each sending its next request when its last is answered (a closed loop). Every
 * payment has a fresh id and quotes the next agreement, or names the next customer, in turn.
 */
import { randomUUID } from "node:crypto";
import type { ClearhubClient } from "@clearhub/sdk";
import { serveParent } from "./bench-child.ts";
import {
  benchSdkClient,
  type PhaseTime,
  recorderFor,
  runClosedLoopSlice,
  sdkErrorCode,
} from "./bench-driver-kit.ts";
import { count, latencySummary } from "./bench-figures.ts";
import type {
  SdkDriverConfig,
  SdkDriverMessage,
  SdkDriverParentMessage,
  SdkDriverPhase,
  SdkPhaseStats,
} from "./bench-sdk-driver-protocol.ts";
import { round } from "./bench-store.ts";

class PhaseRecorder implements PhaseTime {
  readonly latencies: number[] = [];
  seconds = 0;
  cpuMs = 0;
  answered = 0;
  errors = 0;
  readonly errorsByCode: Record<string, number> = {};
  readonly byState: Record<string, number> = {};

  constructor(readonly phase: SdkDriverPhase) {}

  stats(): SdkPhaseStats {
    return {
      phase: this.phase,
      seconds: round(this.seconds),
      answered: this.answered,
      errors: this.errors,
      errorsByCode: this.errorsByCode,
      byState: this.byState,
      ...latencySummary(this.latencies),
      driverCpuMs: round(this.cpuMs),
    };
  }
}

class SdkDriver {
  private readonly client: ClearhubClient;
  private readonly recorders = new Map<SdkDriverPhase, PhaseRecorder>();
  private sequence = 0;

  constructor(private readonly config: SdkDriverConfig) {
    this.client = benchSdkClient(config.origin, config, 60_000);
  }

  async run(phase: SdkDriverPhase, durationMs: number): Promise<number> {
    if (phase !== "noop" && phase !== this.config.work.kind) {
      throw new Error(`a ${phase} phase in a driver configured for ${this.config.work.kind}`);
    }
    const recorder = recorderFor(this.recorders, phase, (key) => new PhaseRecorder(key));
    await runClosedLoopSlice(recorder, this.config.concurrency, durationMs, (_, deadline) =>
      this.caller(phase, deadline, recorder),
    );
    return recorder.answered;
  }

  report(): SdkPhaseStats[] {
    return [...this.recorders.values()].map((recorder) => recorder.stats());
  }

  private async caller(
    phase: SdkDriverPhase,
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
        count(recorder.errorsByCode, sdkErrorCode(error));
      }
      recorder.latencies.push(performance.now() - sent);
    }
  }

  private async ping(): Promise<undefined> {
    await this.client.ping();
    return undefined;
  }

  /** One payment of the configured work, answering the state the hub answered it in. */
  private async pay(): Promise<string> {
    const { work, amount, currency } = this.config;
    const turn = this.sequence++;
    if (work.kind === "agreement-payments") {
      const agreementId = work.agreementIds[turn % work.agreementIds.length] as string;
      const { operation } = await this.client.createAgreementPayment({
        id: randomUUID(),
        agreementId,
        amount,
        currency,
      });
      return operation.state;
    }
    const customerParameters = work.customers[turn % work.customers.length] ?? {};
    const { payment } = await this.client.payBill({
      id: randomUUID(),
      billerId: work.billerId,
      customerParameters,
      amount,
      currency,
    });
    return payment.state;
  }
}

function send(message: SdkDriverMessage): void {
  process.send?.(message);
}

let driver: SdkDriver | undefined;

async function handle(message: SdkDriverParentMessage): Promise<void> {
  if (message.type === "configure") {
    const { work } = message.config;
    const quoted = work.kind === "agreement-payments" ? work.agreementIds : work.customers;
    if (quoted.length === 0) throw new Error(`${work.kind} need something to pay through`);
    driver = new SdkDriver(message.config);
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

serveParent("the load driver", handle);
