import { timingSafeEqual } from "node:crypto";
import type {
  SignConfirmation,
  SignConfirmationAnswer,
  SignRequest,
  SignRequestAnswer,
  UnsignAnswer,
  UnsignedNotice,
  UnsignRequest,
} from "@clearhub/wire";
import { type RandomSource, randomDigits } from "../shared/random-source.ts";
import { type Account, maskAccountNumber, maskMobile, sameHolderName } from "./bank-account.ts";
import { type DeskResult, refusal } from "./desk-result.ts";
import type { OtpInbox } from "./otp-inbox.ts";

export interface SigningRules {
  readonly otpTtlMs: number;
  readonly otpDigits: number;
  /** Wrong passwords a sign request takes before it is void. */
  readonly otpAttemptsMax: number;
}

export const signingRulesDefaults: SigningRules = {
  otpTtlMs: 5 * 60 * 1000,
  otpDigits: 6,
  otpAttemptsMax: 3,
};

interface PendingSignature {
  readonly signRequestId: string;
  readonly requestId: string;
  /** The request's content, to tell a retry from another request under the same id. */
  readonly fingerprint: string;
  readonly paymentInstitutionId: string;
  readonly accountNumber: string;
  readonly otp: string;
  readonly otpExpiresAtMs: number;
  readonly endpointPath: string;
  wrongAttempts: number;
  agreementNumber: string | undefined;
}

export type AgreementStatus = "signed" | "unsigned";

export interface Agreement {
  readonly agreementNumber: string;
  readonly paymentInstitutionId: string;
  readonly accountNumber: string;
  /** The endpoint it was signed through. */
  readonly endpointPath: string;
  readonly signedAtMs: number;
  status: AgreementStatus;
  unsignedAtMs: number | undefined;
  unsignedBy: "hub" | "bank" | undefined;
}

export interface SigningDeskContext {
  readonly accounts: ReadonlyMap<string, Account>;
  readonly inbox: OtpInbox;
  readonly random: RandomSource;
  readonly clock: () => number;
  readonly rules: SigningRules;
  /** A new id, unique within this simulator, with the given prefix. */
  readonly newId: (prefix: string) => string;
}

function equalSecrets(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function holding(of: { accountNumber: string; paymentInstitutionId: string }): string {
  return `${of.accountNumber} ${of.paymentInstitutionId}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Signing and unsigning quick-pay agreements, as a bank does it: the customer's four details
 * must match the account, the password goes to the mobile number on record, a few wrong
 * passwords void the request, and an account holds one agreement per payment institution.
 */
export class SigningDesk {
  private readonly byRequestId = new Map<string, PendingSignature>();
  private readonly bySignRequestId = new Map<string, PendingSignature>();
  private readonly agreementsByNumber = new Map<string, Agreement>();
  /** The signed agreement of each account and payment institution: there is at most one. */
  private readonly activeByHolding = new Map<string, Agreement>();

  constructor(private readonly context: SigningDeskContext) {}

  agreement(agreementNumber: string): Agreement | undefined {
    return this.agreementsByNumber.get(agreementNumber);
  }

  agreements(): readonly Agreement[] {
    return [...this.agreementsByNumber.values()];
  }

  requestSigning(request: SignRequest, endpointPath: string): DeskResult<SignRequestAnswer> {
    const fingerprint = JSON.stringify([request.paymentInstitutionId, request.customer]);
    const earlier = this.byRequestId.get(request.requestId);
    if (earlier !== undefined) {
      if (earlier.fingerprint !== fingerprint) {
        return refusal("idempotency_key_reused", "another sign request used this requestId");
      }
      return { ok: true, answer: this.signRequestAnswer(earlier) };
    }
    const account = this.context.accounts.get(request.customer.accountNumber);
    if (account === undefined || !this.matches(account, request.customer)) {
      return refusal("account_details_mismatch", "the details do not match an account");
    }
    if (account.status !== "open") {
      return refusal("account_not_eligible", `the account is ${account.status}`);
    }
    const pending = this.issue(request, fingerprint, account, endpointPath);
    return { ok: true, answer: this.signRequestAnswer(pending) };
  }

  confirmSigning(request: SignConfirmation): DeskResult<SignConfirmationAnswer> {
    const pending = this.bySignRequestId.get(request.signRequestId);
    if (pending === undefined || pending.paymentInstitutionId !== request.paymentInstitutionId) {
      return refusal("sign_request_unknown", "no such sign request for this payment institution");
    }
    if (pending.agreementNumber !== undefined) {
      // Confirmed already: the same password confirms again, so a retry is harmless.
      return equalSecrets(pending.otp, request.otp)
        ? { ok: true, answer: this.confirmationAnswer(pending, pending.agreementNumber) }
        : refusal("otp_invalid", "the password is wrong");
    }
    if (pending.wrongAttempts >= this.context.rules.otpAttemptsMax) {
      return refusal("otp_attempts_exceeded", "too many wrong passwords: ask again");
    }
    if (this.context.clock() > pending.otpExpiresAtMs) {
      return refusal("otp_expired", "the password expired: ask again");
    }
    if (!equalSecrets(pending.otp, request.otp)) {
      pending.wrongAttempts += 1;
      return pending.wrongAttempts >= this.context.rules.otpAttemptsMax
        ? refusal("otp_attempts_exceeded", "too many wrong passwords: ask again")
        : refusal("otp_invalid", "the password is wrong");
    }
    const agreement = this.activeAgreement(pending) ?? this.sign(pending);
    pending.agreementNumber = agreement.agreementNumber;
    return { ok: true, answer: this.confirmationAnswer(pending, agreement.agreementNumber) };
  }

  unsign(request: UnsignRequest): DeskResult<UnsignAnswer> {
    const agreement = this.agreementsByNumber.get(request.agreementNumber);
    if (
      agreement === undefined ||
      agreement.paymentInstitutionId !== request.paymentInstitutionId
    ) {
      return refusal("agreement_unknown", "no such agreement for this payment institution");
    }
    this.end(agreement, "hub");
    return {
      ok: true,
      answer: {
        agreementNumber: agreement.agreementNumber,
        unsignedAt: iso(agreement.unsignedAtMs ?? 0),
      },
    };
  }

  /**
   * The bank ends an agreement itself; the notice for the hub, or undefined when there is no
   * such agreement or it had ended already.
   */
  unsignByBank(
    agreementNumber: string,
    reason: UnsignedNotice["reason"],
  ): Omit<UnsignedNotice, "noticeId"> | undefined {
    const agreement = this.agreementsByNumber.get(agreementNumber);
    if (agreement === undefined || agreement.status === "unsigned") return undefined;
    this.end(agreement, "bank");
    return {
      agreementNumber,
      paymentInstitutionId: agreement.paymentInstitutionId,
      unsignedAt: iso(agreement.unsignedAtMs ?? 0),
      reason,
    };
  }

  private matches(account: Account, customer: SignRequest["customer"]): boolean {
    return (
      sameHolderName(account.holderName, customer.name) &&
      account.idNumber === customer.idNumber &&
      account.mobile === customer.mobile
    );
  }

  private issue(
    request: SignRequest,
    fingerprint: string,
    account: Account,
    endpointPath: string,
  ): PendingSignature {
    const { rules, random, clock, newId, inbox } = this.context;
    const pending: PendingSignature = {
      signRequestId: newId("SR"),
      requestId: request.requestId,
      fingerprint,
      paymentInstitutionId: request.paymentInstitutionId,
      accountNumber: account.accountNumber,
      otp: randomDigits(random, rules.otpDigits),
      otpExpiresAtMs: clock() + rules.otpTtlMs,
      endpointPath,
      wrongAttempts: 0,
      agreementNumber: undefined,
    };
    this.byRequestId.set(pending.requestId, pending);
    this.bySignRequestId.set(pending.signRequestId, pending);
    inbox.deliver({
      mobile: account.mobile,
      otp: pending.otp,
      signRequestId: pending.signRequestId,
      paymentInstitutionId: pending.paymentInstitutionId,
      text: `${pending.otp} is your code to let ${pending.paymentInstitutionId} debit account ${maskAccountNumber(account.accountNumber)}. It expires in ${Math.round(rules.otpTtlMs / 60_000)} minutes.`,
      sentAt: iso(clock()),
    });
    return pending;
  }

  private activeAgreement(pending: PendingSignature): Agreement | undefined {
    return this.activeByHolding.get(holding(pending));
  }

  private sign(pending: PendingSignature): Agreement {
    const agreement: Agreement = {
      agreementNumber: this.context.newId("AG"),
      paymentInstitutionId: pending.paymentInstitutionId,
      accountNumber: pending.accountNumber,
      endpointPath: pending.endpointPath,
      signedAtMs: this.context.clock(),
      status: "signed",
      unsignedAtMs: undefined,
      unsignedBy: undefined,
    };
    this.agreementsByNumber.set(agreement.agreementNumber, agreement);
    this.activeByHolding.set(holding(agreement), agreement);
    return agreement;
  }

  private end(agreement: Agreement, by: "hub" | "bank"): void {
    if (agreement.status === "unsigned") return;
    agreement.status = "unsigned";
    agreement.unsignedAtMs = this.context.clock();
    agreement.unsignedBy = by;
    this.activeByHolding.delete(holding(agreement));
  }

  private signRequestAnswer(pending: PendingSignature): SignRequestAnswer {
    const account = this.context.accounts.get(pending.accountNumber);
    return {
      requestId: pending.requestId,
      signRequestId: pending.signRequestId,
      mobileMasked: maskMobile(account?.mobile ?? ""),
      otpExpiresAt: iso(pending.otpExpiresAtMs),
    };
  }

  private confirmationAnswer(
    pending: PendingSignature,
    agreementNumber: string,
  ): SignConfirmationAnswer {
    const agreement = this.agreementsByNumber.get(agreementNumber);
    return {
      signRequestId: pending.signRequestId,
      agreementNumber,
      accountNumberMasked: maskAccountNumber(pending.accountNumber),
      signedAt: iso(agreement?.signedAtMs ?? 0),
    };
  }
}
