/**
 * The load driver of `clearhub bench api`, run as a child process: it keeps `connections`
 * keep-alive connections busy with signed requests, one at a time each (a closed loop), and
 * reports what the hub answered and how long it took. Every request carries a fresh nonce and
 * every transfer a fresh UUID, as a participant's would.
 */
import { type KeyObject, randomUUID } from "node:crypto";
import { signRequest } from "@clearhub/http-signatures";
import { Pool } from "undici";
import type {
  DriverConfig,
  DriverMessage,
  ParentMessage,
  PhaseKind,
  PhaseStats,
} from "./bench-api-protocol.ts";
import { serveParent } from "./bench-child.ts";
import {
  type PhaseTime,
  privateKeyOf,
  recorderFor,
  runClosedLoopSlice,
} from "./bench-driver-kit.ts";
import { count, latencySummary } from "./bench-figures.ts";
import { round } from "./bench-store.ts";

/** Longer than any answer the hub gives: it abandons requests after 30 s itself. */
const requestTimeoutMs = 60_000;

interface Signer {
  readonly id: string;
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

interface Request {
  readonly path: string;
  readonly body: string;
  readonly expectedStatus: number;
  /** The transfers the request asks for: 0 for a ping. */
  readonly transfers: number;
}

class PhaseRecorder implements PhaseTime {
  readonly latencies: number[] = [];
  seconds = 0;
  cpuMs = 0;
  requests = 0;
  errors = 0;
  transfersSent = 0;
  transfersCreated = 0;
  readonly errorsByCode: Record<string, number> = {};
  readonly itemErrorsByCode: Record<string, number> = {};
  readonly createdByPayer: Record<string, number> = {};

  constructor(readonly phase: PhaseKind) {}

  answered(request: Request, payerId: string, status: number, text: string, ms: number): void {
    this.requests++;
    this.latencies.push(ms);
    this.transfersSent += request.transfers;
    if (status !== request.expectedStatus) {
      this.errors++;
      count(this.errorsByCode, `${status} ${problemCode(text)}`);
      return;
    }
    const created = request.transfers === 0 ? 0 : this.createdOf(request, text);
    this.transfersCreated += created;
    this.createdByPayer[payerId] = (this.createdByPayer[payerId] ?? 0) + created;
  }

  failed(request: Request, error: unknown, ms: number): void {
    this.requests++;
    this.errors++;
    this.latencies.push(ms);
    this.transfersSent += request.transfers;
    const code = (error as { code?: unknown }).code;
    count(this.errorsByCode, `network ${typeof code === "string" ? code : String(error)}`);
  }

  stats(): PhaseStats {
    return {
      phase: this.phase,
      seconds: round(this.seconds),
      requests: this.requests,
      errors: this.errors,
      errorsByCode: this.errorsByCode,
      transfersSent: this.transfersSent,
      transfersCreated: this.transfersCreated,
      itemErrorsByCode: this.itemErrorsByCode,
      createdByPayer: this.createdByPayer,
      ...latencySummary(this.latencies),
      driverCpuMs: round(this.cpuMs),
    };
  }

  /** A single transfer's 201 is one; a bulk answer counts its items answered 201. */
  private createdOf(request: Request, text: string): number {
    if (!request.path.endsWith("/bulk")) return 1;
    const { results } = JSON.parse(text) as { results: { status: number; code?: string }[] };
    let created = 0;
    for (const item of results) {
      if (item.status === 201) created++;
      else count(this.itemErrorsByCode, `${item.status} ${item.code ?? "?"}`);
    }
    return created;
  }
}

function problemCode(text: string): string {
  try {
    const code = (JSON.parse(text) as { code?: unknown }).code;
    return typeof code === "string" ? code : "-";
  } catch {
    return "-";
  }
}

class LoadDriver {
  private readonly pool: Pool;
  private readonly signers: Signer[];
  private sequence = 0;

  constructor(private readonly config: DriverConfig) {
    this.pool = new Pool(config.origin, {
      connections: config.connections,
      pipelining: 1,
      headersTimeout: requestTimeoutMs,
      bodyTimeout: requestTimeoutMs,
    });
    this.signers = config.payers.map((payer) => ({
      id: payer.id,
      keyId: payer.keyId,
      privateKey: privateKeyOf(payer.privateKeyPkcs8),
    }));
  }

  private readonly recorders = new Map<PhaseKind, PhaseRecorder>();

  /**
   * Runs `connections` closed-loop callers until `durationMs` has passed and every request
   * they sent is answered; returns how many requests the phase has had so far.
   */
  async run(phase: PhaseKind, durationMs: number): Promise<number> {
    const recorder = recorderFor(this.recorders, phase, (key) => new PhaseRecorder(key));
    await runClosedLoopSlice(recorder, this.config.connections, durationMs, (caller, deadline) =>
      this.caller(caller, phase, deadline, recorder),
    );
    return recorder.requests;
  }

  report(): PhaseStats[] {
    return [...this.recorders.values()].map((recorder) => recorder.stats());
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async caller(
    caller: number,
    phase: PhaseKind,
    deadline: number,
    recorder: PhaseRecorder,
  ): Promise<void> {
    const signer = this.signers[caller % this.signers.length] as Signer;
    for (let turn = 0; performance.now() < deadline; turn++) {
      const noop = phase === "noop" || (phase === "mixed" && turn % 2 === 0);
      const request = this.nextRequest(noop);
      const headers = {
        "content-type": "application/json",
        ...signRequest(
          {
            method: "POST",
            url: `${this.config.origin}${request.path}`,
            headers: {},
            body: request.body,
          },
          { keyId: signer.keyId, privateKey: signer.privateKey },
        ),
      };
      const sent = performance.now();
      try {
        const response = await this.pool.request({
          method: "POST",
          path: request.path,
          headers,
          body: request.body,
        });
        const text = await response.body.text();
        recorder.answered(request, signer.id, response.statusCode, text, performance.now() - sent);
      } catch (error) {
        recorder.failed(request, error, performance.now() - sent);
      }
    }
  }

  /** A transfer request, or a ping carrying the same kind of body. */
  private nextRequest(noop: boolean): Request {
    const { bulk } = this.config;
    const single = bulk === 0;
    const body = single
      ? JSON.stringify(this.transfer())
      : JSON.stringify({ transfers: Array.from({ length: bulk }, () => this.transfer()) });
    if (noop) return { path: "/v1/ping", body, expectedStatus: 204, transfers: 0 };
    return single
      ? { path: "/v1/transfers", body, expectedStatus: 201, transfers: 1 }
      : { path: "/v1/transfers/bulk", body, expectedStatus: 200, transfers: bulk };
  }

  private transfer() {
    const payees = this.config.payeeIds;
    return {
      id: randomUUID(),
      payee: payees[this.sequence++ % payees.length],
      amount: this.config.amount,
      currency: this.config.currency,
    };
  }
}

function send(message: DriverMessage): void {
  process.send?.(message);
}

let driver: LoadDriver | undefined;

async function handle(message: ParentMessage): Promise<void> {
  if (message.type === "configure") {
    driver = new LoadDriver(message.config);
    send({ type: "ready" });
  } else if (message.type === "run") {
    if (driver === undefined) throw new Error("run before configure");
    const requests = await driver.run(message.phase, message.durationMs);
    send({ type: "ran", phase: message.phase, requests });
  } else if (message.type === "report") {
    send({ type: "report", stats: driver?.report() ?? [] });
  } else {
    await driver?.close();
    process.disconnect();
  }
}

serveParent("bench-api-driver", handle);
