import { signRequest } from "@clearhub/http-signatures";
import type { SimulatorSigningKey } from "./answer-signer.ts";

export interface NoticeRetryOptions {
  readonly firstDelayMs: number;
  readonly delayCapMs: number;
  readonly attemptsMax: number;
  readonly requestTimeoutMs: number;
}

export const noticeRetryDefaults: NoticeRetryOptions = {
  firstDelayMs: 250,
  delayCapMs: 30_000,
  attemptsMax: 20,
  requestTimeoutMs: 5_000,
};

export type NoticeStatus = "sending" | "delivered" | "given_up" | "no_hub";

export interface NoticeView {
  readonly noticeId: string;
  readonly path: string;
  readonly body: unknown;
  readonly status: NoticeStatus;
  readonly attempts: number;
  readonly lastError: string | undefined;
}

interface Notice {
  readonly noticeId: string;
  readonly path: string;
  readonly payload: string;
  status: NoticeStatus;
  attempts: number;
  lastError: string | undefined;
}

/**
 * Sends a simulated party's notices (a bank's, a biller's) to the hub, signed with its
 * participant key, and repeats
 * each until the hub answers 2xx, waiting twice as long after each failure. The notice id stays
 * the same on every repetition, so the hub can keep the first and ignore the rest.
 */
export class NoticeSender {
  private readonly sent: Notice[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly hubUrl: string | undefined,
    private readonly key: SimulatorSigningKey,
    private readonly retry: NoticeRetryOptions = noticeRetryDefaults,
  ) {}

  send(path: string, body: { readonly noticeId: string }): void {
    const notice: Notice = {
      noticeId: body.noticeId,
      path,
      payload: JSON.stringify(body),
      status: this.hubUrl === undefined ? "no_hub" : "sending",
      attempts: 0,
      lastError: undefined,
    };
    this.sent.push(notice);
    if (notice.status === "sending") void this.attempt(notice);
  }

  notices(): NoticeView[] {
    return this.sent.map((notice) => ({
      noticeId: notice.noticeId,
      path: notice.path,
      body: JSON.parse(notice.payload),
      status: notice.status,
      attempts: notice.attempts,
      lastError: notice.lastError,
    }));
  }

  /** Stops repeating; notices not yet delivered stay as they are. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async attempt(notice: Notice): Promise<void> {
    if (this.closed) return;
    notice.attempts += 1;
    try {
      const status = await this.post(notice);
      if (status >= 200 && status <= 299) {
        notice.status = "delivered";
        notice.lastError = undefined;
        return;
      }
      notice.lastError = `HTTP ${status}`;
    } catch (error) {
      notice.lastError = error instanceof Error ? error.message : String(error);
    }
    this.scheduleRetry(notice);
  }

  private scheduleRetry(notice: Notice): void {
    if (this.closed) return;
    if (notice.attempts >= this.retry.attemptsMax) {
      notice.status = "given_up";
      return;
    }
    const delayMs = Math.min(
      this.retry.firstDelayMs * 2 ** (notice.attempts - 1),
      this.retry.delayCapMs,
    );
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(notice);
    }, delayMs);
    this.timers.add(timer);
  }

  private async post(notice: Notice): Promise<number> {
    const url = `${(this.hubUrl ?? "").replace(/\/+$/, "")}${notice.path}`;
    const headers = { "content-type": "application/json" };
    const signature = signRequest(
      { method: "POST", url, headers, body: notice.payload },
      { keyId: this.key.keyId, privateKey: this.key.privateKey },
    );
    const response = await fetch(url, {
      method: "POST",
      headers: { ...headers, ...signature },
      body: notice.payload,
      redirect: "manual",
      signal: AbortSignal.timeout(this.retry.requestTimeoutMs),
    });
    await response.arrayBuffer();
    return response.status;
  }
}
