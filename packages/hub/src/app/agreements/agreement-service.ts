import { randomUUID } from "node:crypto";
import type {
  Agreement,
  AgreementCustomer,
  RiskInputs,
  UnsignedBy,
} from "../../domain/agreements/agreement.ts";
import { boundAccountNumber, maskCustomer } from "../../domain/agreements/agreement-customer.ts";
import { agreementUnsignedEvent } from "../../domain/agreements/agreement-event.ts";
import {
  type AgreementChange,
  applyAgreementChange,
} from "../../domain/agreements/agreement-transition.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import type { BankEndpointRouter } from "../banks/bank-endpoint-router.ts";
import {
  type BankCall,
  type BankCallVerdict,
  guardedBankCall,
} from "../banks/guarded-bank-call.ts";
import type { AgreementCursor, AgreementStore } from "../ports/agreement-store.ts";
import { agreementPageSizeMax } from "../ports/agreement-store.ts";
import type { BankConnector } from "../ports/bank-connector.ts";
import type { EndpointGuard } from "../ports/endpoint-guard.ts";
import { type FieldSealer, sealedFieldContext } from "../ports/field-sealer.ts";
import type { NoticeLog } from "../ports/notice-log.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";

/** Types and limits of what this use-case answers, for the HTTP layer that shows them. */
export { agreementPageSizeMax } from "../ports/agreement-store.ts";

/** What a payment institution asks to sign; the customer already normalised. */
export interface NewAgreement {
  readonly id: string;
  readonly bankId: string;
  readonly customer: AgreementCustomer;
  readonly risk: RiskInputs;
  /** SHA-256 of the canonical request without its customer, who is compared sealed-then-opened. */
  readonly requestHash: string;
}

export type AgreementRefusal =
  | "bank_not_found"
  | "bank_unavailable"
  | "bank_outcome_unknown"
  | "agreement_not_found"
  | "agreement_not_awaiting_otp"
  | "agreement_not_active"
  | "otp_invalid"
  | "idempotency_key_reused"
  | "sealed_data_unreadable";

export type AgreementOutcome =
  | { readonly ok: true; readonly agreement: Agreement; readonly created: boolean }
  | { readonly ok: false; readonly code: AgreementRefusal };

/** What the bank's notice of an ended agreement came to; every case is answered 204. */
export type UnsignedNoticeOutcome = "applied" | "repeated" | "agreement_unknown";

export interface BankNoticeOfUnsigning {
  readonly noticeId: string;
  readonly agreementNumber: string;
  readonly paymentInstitutionId: string;
  readonly unsignedAtMs: number;
}

const refused = (code: AgreementRefusal): AgreementOutcome => ({ ok: false, code });
const done = (agreement: Agreement, created = false): AgreementOutcome => ({
  ok: true,
  agreement,
  created,
});

/**
 * Signs, confirms and ends quick-pay agreements with the customer's bank. Every bank call goes
 * through the endpoint guard to the endpoint the router picks: the bank's primary for a new
 * signing, the pinned one (or its migration target) for an existing agreement. An answer the
 * hub could not get never moves an agreement: its state stays, and repeating the request
 * repeats the call under the same ids, which the bank answers the same.
 */
export class AgreementService {
  constructor(
    private readonly participants: ParticipantStore,
    private readonly store: AgreementStore,
    private readonly router: BankEndpointRouter,
    private readonly guard: EndpointGuard,
    private readonly bank: BankConnector,
    private readonly sealer: FieldSealer,
    private readonly notices: NoticeLog,
    private readonly clock: () => number = Date.now,
  ) {}

  async create(institution: Participant, request: NewAgreement): Promise<AgreementOutcome> {
    const existing = await this.store.find(institution.id, request.id);
    if (existing !== undefined) return this.retried(existing, request);
    const bank = await this.participants.findParticipant(request.bankId);
    if (bank?.kind !== "bank" || bank.status !== "active") return refused("bank_not_found");
    const route = await this.router.forNewSigning(request.bankId);
    if (!route.ok) return refused("bank_unavailable");
    const inserted = await this.store.insert(
      this.newAgreement(institution, request, route.endpoint.id),
    );
    if (!inserted.ok) throw new Error(`payment institution ${institution.id} vanished`);
    if (!inserted.created) return this.retried(inserted.agreement, request);
    return this.requestSigning(inserted.agreement, request.customer, true);
  }

  async confirm(institution: Participant, id: string, otp: string): Promise<AgreementOutcome> {
    const agreement = await this.store.find(institution.id, id);
    if (agreement === undefined) return refused("agreement_not_found");
    if (agreement.state === "active") return done(agreement);
    if (agreement.state !== "otp_sent" || agreement.bankSignRequestId === null) {
      return refused("agreement_not_awaiting_otp");
    }
    const signRequestId = agreement.bankSignRequestId;
    const verdict = await this.callPinned(agreement, (endpoint, options) =>
      this.bank.confirmSigning(
        endpoint,
        { signRequestId, paymentInstitutionId: institution.id, otp },
        options,
      ),
    );
    switch (verdict.kind) {
      case "answered":
        return this.change(agreement, {
          kind: "signed",
          agreementNumber: verdict.answer.agreementNumber,
          signedAt: verdict.answer.signedAtMs,
        });
      case "refused":
        if (verdict.code === "otp_invalid") return refused("otp_invalid");
        if (verdict.code === "bank_busy") return refused("bank_unavailable");
        return this.change(agreement, signingFailed(verdict.code, verdict.reason));
      case "not_sent":
        return refused("bank_unavailable");
      case "unknown":
        return refused("bank_outcome_unknown");
    }
  }

  /** Ends an active agreement at the bank, then here; ending an ended one answers it again. */
  async unsign(institution: Participant, id: string): Promise<AgreementOutcome> {
    const agreement = await this.store.find(institution.id, id);
    if (agreement === undefined) return refused("agreement_not_found");
    if (agreement.state === "unsigned") return done(agreement);
    if (agreement.state !== "active" || agreement.agreementNumber === null) {
      return refused("agreement_not_active");
    }
    const agreementNumber = agreement.agreementNumber;
    const verdict = await this.callPinned(agreement, (endpoint, options) =>
      this.bank.unsign(
        endpoint,
        { agreementNumber, paymentInstitutionId: institution.id },
        options,
      ),
    );
    const unsigned = (at: number) => this.end(agreement, "payment_institution", at);
    switch (verdict.kind) {
      case "answered":
        return unsigned(verdict.answer.unsignedAtMs);
      case "refused":
        // The bank holds no such agreement: it ended there already, so it ends here too.
        if (verdict.code === "agreement_unknown") return unsigned(this.clock());
        return refused("bank_unavailable");
      case "not_sent":
        return refused("bank_unavailable");
      case "unknown":
        return refused("bank_outcome_unknown");
    }
  }

  async find(institution: Participant, id: string): Promise<AgreementOutcome> {
    const agreement = await this.store.find(institution.id, id);
    return agreement === undefined ? refused("agreement_not_found") : done(agreement);
  }

  list(institution: Participant, limit: number, after?: AgreementCursor): Promise<Agreement[]> {
    const size = Math.min(Math.max(limit, 1), agreementPageSizeMax);
    return this.store.list(institution.id, size, after);
  }

  /**
   * The bank ended an agreement on its side. Applied once per notice id; a notice for an
   * agreement the hub does not know (another institution's, or none) changes nothing, and is
   * still answered so that the bank stops repeating it.
   */
  async applyUnsignedNotice(
    bankId: string,
    notice: BankNoticeOfUnsigning,
  ): Promise<UnsignedNoticeOutcome> {
    if (await this.notices.seen(bankId, notice.noticeId)) return "repeated";
    const named = await this.store.findByNumber(bankId, notice.agreementNumber);
    const held = named.filter((a) => a.paymentInstitutionId === notice.paymentInstitutionId);
    for (const agreement of held) {
      if (agreement.state === "active") await this.end(agreement, "bank", notice.unsignedAtMs);
    }
    await this.notices.record(bankId, notice.noticeId, "unsigned", this.clock());
    return held.length > 0 ? "applied" : "agreement_unknown";
  }

  /** The customer in clear, for a bank call; never kept or answered so. */
  openCustomer(agreement: Agreement): AgreementCustomer | "unreadable" {
    const opened = this.sealer.open(agreement.sealedCustomer, customerContext(agreement));
    return opened.ok ? (JSON.parse(opened.plaintext) as AgreementCustomer) : "unreadable";
  }

  private newAgreement(institution: Participant, request: NewAgreement, endpointId: string) {
    const now = this.clock();
    const key = { paymentInstitutionId: institution.id, id: request.id };
    const agreement: Agreement = {
      ...key,
      bankId: request.bankId,
      state: "requested",
      pinnedEndpointId: endpointId,
      signRequestId: `sr-${randomUUID()}`,
      bankSignRequestId: null,
      risk: request.risk,
      requestHash: request.requestHash,
      sealedCustomer: this.sealer.seal(JSON.stringify(request.customer), customerContext(key)),
      maskedCustomer: maskCustomer(request.customer),
      agreementNumber: null,
      otpExpiresAt: null,
      failureCode: null,
      failureText: null,
      unsignedBy: null,
      createdAt: now,
      updatedAt: now,
      signedAt: null,
      unsignedAt: null,
    };
    return agreement;
  }

  /** The same id again: the same request answers what it came to (resuming an unanswered one). */
  private async retried(stored: Agreement, request: NewAgreement): Promise<AgreementOutcome> {
    const customer = this.openCustomer(stored);
    if (customer === "unreadable") return refused("sealed_data_unreadable");
    const same =
      stored.requestHash === request.requestHash &&
      JSON.stringify(customer) === JSON.stringify(request.customer);
    if (!same) return refused("idempotency_key_reused");
    if (stored.state !== "requested") return done(stored);
    return this.requestSigning(stored, customer, false);
  }

  private async requestSigning(
    agreement: Agreement,
    customer: AgreementCustomer,
    created: boolean,
  ): Promise<AgreementOutcome> {
    const request = {
      requestId: agreement.signRequestId,
      paymentInstitutionId: agreement.paymentInstitutionId,
      customer: {
        name: customer.holderName,
        accountNumber: boundAccountNumber(customer),
        idNumber: customer.idNumber,
        mobile: customer.mobile,
      },
    };
    const verdict = await this.callPinned(agreement, (endpoint, options) =>
      this.bank.requestSigning(endpoint, request, options),
    );
    const outcome = await this.afterSignRequest(agreement, verdict);
    return outcome.ok ? { ...outcome, created } : outcome;
  }

  private afterSignRequest(
    agreement: Agreement,
    verdict: BankCallVerdict<{ signRequestId: string; otpExpiresAtMs: number }>,
  ): Promise<AgreementOutcome> | AgreementOutcome {
    switch (verdict.kind) {
      case "answered":
        return this.change(agreement, {
          kind: "otp_sent",
          bankSignRequestId: verdict.answer.signRequestId,
          otpExpiresAt: verdict.answer.otpExpiresAtMs,
        });
      case "refused":
        if (verdict.code === "bank_busy") return refused("bank_unavailable");
        return this.change(agreement, signingFailed(verdict.code, verdict.reason));
      case "not_sent":
        return refused("bank_unavailable");
      // The bank may have sent the password: the agreement waits, and a retry asks again.
      case "unknown":
        return done(agreement);
    }
  }

  private async callPinned<Answer>(
    agreement: Agreement,
    call: BankCall<Answer>,
  ): Promise<BankCallVerdict<Answer>> {
    const route = await this.router.forAgreement(agreement.bankId, {
      id: `${agreement.paymentInstitutionId}:${agreement.id}`,
      pinnedEndpointId: agreement.pinnedEndpointId,
    });
    if (!route.ok) return { kind: "not_sent", detail: route.code };
    return guardedBankCall(this.guard, route.endpoint, call);
  }

  private end(agreement: Agreement, by: UnsignedBy, at: number): Promise<AgreementOutcome> {
    return this.change(agreement, { kind: "unsigned", by, unsignedAt: at }, (next) => [
      agreementUnsignedEvent(next),
    ]);
  }

  /**
   * Applies the change if the stored state still allows it. Losing the race to another request
   * is no error: the winner's agreement is answered.
   */
  private async change(
    agreement: Agreement,
    change: AgreementChange,
    events: (next: Agreement) => ReturnType<typeof agreementUnsignedEvent>[] = () => [],
  ): Promise<AgreementOutcome> {
    const next = applyAgreementChange(agreement, change, this.clock());
    if (next.ok) {
      const written = await this.store.update(
        next.agreement,
        agreement.state,
        events(next.agreement),
      );
      if (written.ok) return done(written.agreement);
    }
    const current = await this.store.find(agreement.paymentInstitutionId, agreement.id);
    if (current === undefined) throw new Error(`agreement ${agreement.id} vanished`);
    return done(current);
  }
}

function signingFailed(code: string, reason: string): AgreementChange {
  return { kind: "signing_failed", code, text: reason };
}

function customerContext(key: { paymentInstitutionId: string; id: string }): string {
  return sealedFieldContext("agreements", "customer", `${key.paymentInstitutionId}:${key.id}`);
}
