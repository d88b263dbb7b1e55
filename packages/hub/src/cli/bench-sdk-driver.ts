/**
 * The load driver of the end-to-end benchmarks (`clearhub bench payments`, `clearhub bench
 * bill-payments`, `clearhub bench qr`), run as a child process: a participant using the SDK,
 * with `concurrency` callers each sending its next request when its last is answered (a closed
 * loop). Every payment has a fresh id and quotes the next agreement, names the next customer,
 * pays a fresh dynamic code or presents the next one-time payment code, in turn.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { ClearhubClient } from "@clearhub/sdk";
import { encodeMerchantPresentedCode } from "../domain/barcode/merchant-presented-encoding.ts";
import { serveParent } from "./bench-child.ts";
import { CodePool } from "./bench-code-pool.ts";
import {
  benchSdkClient,
  type PhaseTime,
  recorderFor,
  runClosedLoopSlice,
  sdkErrorCode,
} from "./bench-driver-kit.ts";
import { count, latencySummary } from "./bench-figures.ts";
import type {
  DriverWork,
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

/** How long a dynamic code the driver prints stays payable: past any slice's last answer. */
const dynamicCodeLifetimeMs = 10 * 60 * 1000;

class SdkDriver {
  private readonly client: ClearhubClient;
  private readonly recorders = new Map<SdkDriverPhase, PhaseRecorder>();
  private readonly codes: CodePool | undefined;
  private sequence = 0;

  constructor(private readonly config: SdkDriverConfig) {
    this.client = benchSdkClient(config.origin, config, 60_000);
    const { work } = config;
    this.codes =
      work.kind === "code-payments" ? new CodePool(work.walletOrigin, work.customerIds) : undefined;
  }

  async run(phase: SdkDriverPhase, durationMs: number): Promise<number> {
    if (phase !== "noop" && phase !== this.config.work.kind) {
      throw new Error(`a ${phase} phase in a driver configured for ${this.config.work.kind}`);
    }
    const recorder = recorderFor(this.recorders, phase, (key) => new PhaseRecorder(key));
    if (phase !== "noop") await this.codes?.ensure(this.codesForSlice(recorder, durationMs));
    await runClosedLoopSlice(recorder, this.config.concurrency, durationMs, (_, deadline) =>
      this.caller(phase, deadline, recorder),
    );
    return recorder.answered;
  }

  /**
   * The codes to hold before a slice: twice what the phase's slices used per second so far, for
   * the slice's length, and never fewer than eight per caller.
   */
  private codesForSlice(recorder: PhaseRecorder, durationMs: number): number {
    // A refused payment used its code too.
    const used = recorder.answered + recorder.errors;
    const perSecond = recorder.seconds === 0 ? 0 : used / recorder.seconds;
    return Math.max(this.config.concurrency * 8, Math.ceil((2 * perSecond * durationMs) / 1000));
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
    if (work.kind === "qr-payments") return this.payQr(work, turn);
    if (work.kind === "code-payments") return this.payCode(work.merchantId);
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

  /** Pays a dynamic code printed for this payment alone, as the merchant's till would show it. */
  private async payQr(
    work: Extract<DriverWork, { kind: "qr-payments" }>,
    turn: number,
  ): Promise<string> {
    const { amount, currency } = this.config;
    const encoded = encodeMerchantPresentedCode({
      ...work.merchant,
      initiation: "dynamic",
      currency,
      amount,
      // 24 characters: within the reference's 25, and unique for every code of the run.
      reference: randomBytes(12).toString("hex"),
      expiresAt: Date.now() + dynamicCodeLifetimeMs,
    });
    if (!encoded.ok) throw new Error(`the bench merchant's code: ${encoded.problem}`);
    const { payment } = await this.client.payQrCode({
      id: randomUUID(),
      payload: encoded.payload,
      payer: {
        customerRef: `bench-payer-${turn % work.customers}`,
        verificationLevel: work.verificationLevel,
      },
    });
    return payment.state;
  }

  /** Presents the next one-time code the wallet issued, as the merchant's scanner read it. */
  private async payCode(merchantId: string): Promise<string> {
    const { amount, currency } = this.config;
    const number = await (this.codes as CodePool).take();
    const { payment } = await this.client.payCode({
      id: randomUUID(),
      instrument: { kind: "payment_code", number },
      amount,
      currency,
      merchantId,
    });
    return payment.state;
  }
}

function send(message: SdkDriverMessage): void {
  process.send?.(message);
}

/** What the payments of the work are spread over: agreements, customers. */
function quotedCount(work: DriverWork): number {
  switch (work.kind) {
    case "agreement-payments":
      return work.agreementIds.length;
    case "bill-payments":
      return work.customers.length;
    case "qr-payments":
      return work.customers;
    case "code-payments":
      return work.customerIds.length;
  }
}

let driver: SdkDriver | undefined;

async function handle(message: SdkDriverParentMessage): Promise<void> {
  if (message.type === "configure") {
    const { work } = message.config;
    if (quotedCount(work) === 0) throw new Error(`${work.kind} need something to pay through`);
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
