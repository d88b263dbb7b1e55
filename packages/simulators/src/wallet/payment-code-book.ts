import { type RandomSource, randomDigits } from "../shared/random-source.ts";

/** A one-time payment code as the issuer's app shows it and its books keep it. */
export interface IssuedCode {
  readonly code: string;
  readonly customerId: string;
  readonly issuedAtMs: number;
  readonly expiresAtMs: number;
  /** The payment that used the code, once one did. */
  usedBy: string | undefined;
}

export type CodeTake =
  | { readonly ok: true; readonly customerId: string }
  | { readonly ok: false; readonly reason: "code_unknown" | "code_used" | "code_expired" };

export const paymentCodeLength = 18;
export const codeLifetimeMsDefault = 60_000;

/**
 * The one-time codes the issuer handed out: numeric, its prefix then random digits, valid for a
 * lifetime on the injected clock and good for one payment. A code is used by the first payment
 * that resolves it, whatever that payment's outcome, as a real wallet refreshes its code after
 * every scan.
 */
export class PaymentCodeBook {
  private readonly codes = new Map<string, IssuedCode>();

  constructor(
    private readonly prefix: string,
    private readonly lifetimeMs: number,
    private readonly random: RandomSource,
  ) {
    if (!/^[0-9]{1,12}$/.test(prefix)) throw new Error("the code prefix is 1 to 12 digits");
  }

  issue(customerId: string, nowMs: number): IssuedCode {
    let code: string;
    do {
      code = this.prefix + randomDigits(this.random, paymentCodeLength - this.prefix.length);
    } while (this.codes.has(code));
    const issued: IssuedCode = {
      code,
      customerId,
      issuedAtMs: nowMs,
      expiresAtMs: nowMs + this.lifetimeMs,
      usedBy: undefined,
    };
    this.codes.set(code, issued);
    return issued;
  }

  /** Resolves a code for a payment and marks it used; why not, when it cannot pay. */
  take(code: string, paymentId: string, nowMs: number): CodeTake {
    const issued = this.codes.get(code);
    if (issued === undefined) return { ok: false, reason: "code_unknown" };
    if (issued.usedBy !== undefined) return { ok: false, reason: "code_used" };
    if (nowMs >= issued.expiresAtMs) return { ok: false, reason: "code_expired" };
    issued.usedBy = paymentId;
    return { ok: true, customerId: issued.customerId };
  }
}
