import type { BankOperation } from "../../domain/bank-operations/bank-operation.ts";
import { isSettled } from "../../domain/bank-operations/bank-operation.ts";
import { bankOperationEvent } from "../../domain/bank-operations/bank-operation-event.ts";
import {
  applyOutcome,
  type BankOperationOutcome,
  inquiryDelayMs,
} from "../../domain/bank-operations/bank-operation-outcome.ts";
import type { BankEndpoint } from "../../domain/banks/bank-endpoint.ts";
import { type TransferResultCode, transferResultCodes } from "../../domain/ledger/result-code.ts";
import { resolutionTransferId } from "../../domain/ledger/transfer.ts";
import type { BankEndpointRouter, RouteOutcome } from "../banks/bank-endpoint-router.ts";
import {
  type BankCall,
  type BankCallVerdict,
  guardedBankCall,
} from "../banks/guarded-bank-call.ts";
import type { GroupCommit } from "../ledger/group-commit.ts";
import type { AgreementStore } from "../ports/agreement-store.ts";
import type { BankCallLog, BankCallName } from "../ports/bank-call-log.ts";
import type { BankConnector, TransactionOutcome } from "../ports/bank-connector.ts";
import type { BankOperationStore } from "../ports/bank-operation-store.ts";
import type { EndpointGuard } from "../ports/endpoint-guard.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";

export interface BankOperationTimings {
  /**
   * How long the ledger reservation holds. It must outlast the time to resolve an unknown
   * outcome: a day, against inquiries that back off to `inquiryDelayCapMs`. Should a bank stay
   * silent longer and the reservation expire, a later success is still recorded (see settle).
   */
  readonly reservationTimeoutMs: number;
  /**
   * When an operation still `processing` (its call under way, or its node gone) is first asked
   * about: past the longest endpoint timeout, so an inquiry does not race a live call.
   */
  readonly callGraceMs: number;
  readonly firstInquiryDelayMs: number;
  readonly inquiryDelayCapMs: number;
}

export const bankOperationTimingsDefaults: BankOperationTimings = {
  reservationTimeoutMs: 24 * 60 * 60 * 1000,
  callGraceMs: 130_000,
  firstInquiryDelayMs: 1_000,
  inquiryDelayCapMs: 5 * 60 * 1000,
};

/** The ledger accounts an operation moves between: positions in its currency. */
interface OperationAccounts {
  readonly debitAccountId: number;
  readonly creditAccountId: number;
}

/** Resolutions the ledger may answer that leave it as the outcome wants. */
const settledAlready: Readonly<Record<"commit" | "void", readonly TransferResultCode[]>> = {
  commit: ["ok", "exists", "already_committed"],
  // Never reserved (refused by the ledger, or the node died before reserving), or released.
  void: ["ok", "exists", "already_voided", "pending_not_found", "pending_expired"],
};

/**
 * The one state machine of every debit, credit and refund: reserve in the ledger, call the
 * bank through the guard, then commit on success, void on failure, or leave the outcome
 * `unknown` for an inquiry. The ledger is written before the state, and each ledger step has an
 * id derived from the transaction's, so a crash between the two is repaired by doing both
 * again: the ledger answers `exists`, the state is written once.
 */
export class BankOperationRunner {
  constructor(
    private readonly store: BankOperationStore,
    private readonly agreements: AgreementStore,
    private readonly participants: ParticipantStore,
    private readonly ledger: GroupCommit,
    private readonly router: BankEndpointRouter,
    private readonly guard: EndpointGuard,
    private readonly bank: BankConnector,
    readonly timings: BankOperationTimings,
    private readonly callLog: BankCallLog = { record: async () => undefined },
    private readonly clock: () => number = Date.now,
  ) {}

  /** Runs a freshly recorded operation to the end of its call. */
  async run(operation: BankOperation, call: BankCall<TransactionOutcome>): Promise<BankOperation> {
    const accounts = await this.accountsFor(operation);
    if (accounts === undefined) {
      return this.settle(operation, failed("currency_not_held", "a position is missing"));
    }
    const reserved = await this.ledger.submitOne({
      kind: "pending",
      id: operation.transactionId,
      ...accounts,
      amount: operation.amountMinor,
      currency: operation.currency,
      timeoutMs: this.timings.reservationTimeoutMs,
      reference: `${operation.kind}:${operation.id}`,
      detail: {
        initiatorId: operation.paymentInstitutionId,
        ...this.parties(operation),
        requestHash: operation.requestHash,
        sealedParties: null,
      },
    });
    if (reserved !== "ok" && reserved !== "exists") {
      return this.settle(operation, failed(reserved, transferResultCodes[reserved].meaning));
    }
    const route = await this.endpointFor(operation);
    if (!route.ok) return this.settle(operation, failed("bank_unavailable", route.code));
    const verdict = await this.callBank(operation, route.endpoint, operation.kind, 1, call);
    return this.settle(operation, outcomeOfCall(verdict));
  }

  /** Asks the bank where the operation stands, and applies the answer. */
  async inquire(operation: BankOperation): Promise<BankOperation> {
    const route = await this.endpointFor(operation);
    if (!route.ok) return this.reschedule(operation);
    const { transactionId } = operation;
    // The claim counted this inquiry already; an operator's inquire-now did not.
    const attempt = Math.max(operation.inquiries, 1);
    const verdict = await this.callBank(operation, route.endpoint, "inquiry", attempt, (e, o) =>
      this.bank.inquire(e, { transactionId }, o),
    );
    if (verdict.kind !== "answered") return this.reschedule(operation);
    const outcome = outcomeOfAnswer(verdict.answer);
    if (outcome.kind === "pending" && operation.state === "pending") {
      return this.reschedule(operation);
    }
    return this.settle(operation, outcome);
  }

  /**
   * One call through the endpoint's guard, recorded for the operator's trace: one insert after
   * the answer, off the ledger's path. A failed record loses that row of the trace, never the
   * outcome, which is what the money depends on.
   */
  private async callBank<Answer>(
    operation: BankOperation,
    endpoint: BankEndpoint,
    name: BankCallName,
    attempt: number,
    call: BankCall<Answer>,
  ): Promise<BankCallVerdict<Answer>> {
    const at = this.clock();
    const started = performance.now();
    const verdict = await guardedBankCall(this.guard, endpoint, call);
    const latencyMs = Math.round(performance.now() - started);
    await this.callLog
      .record({
        at,
        bankId: endpoint.bankId,
        endpointId: endpoint.id,
        transactionId: operation.transactionId,
        call: name,
        attempt,
        ...verdictSummary(verdict),
        latencyMs,
      })
      .catch(() => undefined);
    return verdict;
  }

  /**
   * Applies an outcome: the ledger first (commit or void), then the state with its event. A
   * settled operation is answered as it is; a success after the reservation expired is posted
   * as a transfer of its own, because the bank moved the money and the ledger must say so.
   */
  async settle(operation: BankOperation, outcome: BankOperationOutcome): Promise<BankOperation> {
    if (isSettled(operation.state)) return operation;
    if (outcome.kind === "succeeded" || outcome.kind === "failed") {
      await this.resolveReservation(operation, outcome.kind === "succeeded" ? "commit" : "void");
    }
    const now = this.clock();
    const delay = inquiryDelayMs(
      operation.inquiries,
      this.timings.firstInquiryDelayMs,
      this.timings.inquiryDelayCapMs,
    );
    const next = applyOutcome(operation, outcome, now, now + delay);
    if (next.ok) {
      const events = isSettled(next.operation.state) ? [bankOperationEvent(next.operation)] : [];
      const written = await this.store.update(next.operation, operation.state, events);
      if (written.ok) return written.operation;
    }
    return this.current(operation);
  }

  private async resolveReservation(operation: BankOperation, kind: "commit" | "void") {
    const pendingId = operation.transactionId;
    const code = await this.ledger.submitOne({
      kind,
      id: resolutionTransferId(kind, pendingId),
      pendingId,
    });
    if (settledAlready[kind].includes(code)) return;
    if (kind === "commit" && (code === "pending_expired" || code === "already_voided")) {
      return this.postLateSuccess(operation);
    }
    throw new Error(`${kind} of ${pendingId} answered ${code}; the next inquiry retries`);
  }

  private async postLateSuccess(operation: BankOperation): Promise<void> {
    const accounts = await this.accountsFor(operation);
    if (accounts === undefined) throw new Error(`positions of ${operation.id} vanished`);
    const code = await this.ledger.submitOne({
      kind: "posted",
      id: `${operation.transactionId}.late`,
      ...accounts,
      amount: operation.amountMinor,
      currency: operation.currency,
      reference: `${operation.kind}:${operation.id}:late`,
    });
    if (code !== "ok" && code !== "exists") {
      throw new Error(`late posting of ${operation.transactionId} answered ${code}`);
    }
  }

  private async reschedule(operation: BankOperation): Promise<BankOperation> {
    const delay = inquiryDelayMs(
      operation.inquiries,
      this.timings.firstInquiryDelayMs,
      this.timings.inquiryDelayCapMs,
    );
    const next = { ...operation, nextInquiryAt: this.clock() + delay };
    const written = await this.store.update(next, operation.state);
    return written.ok ? written.operation : this.current(operation);
  }

  private async current(operation: BankOperation): Promise<BankOperation> {
    const current = await this.store.find(operation.paymentInstitutionId, operation.id);
    if (current === undefined) throw new Error(`operation ${operation.id} vanished`);
    return current;
  }

  /** Debits run from the bank's position to the institution's; credits and refunds back. */
  private parties(operation: BankOperation): { payerId: string; payeeId: string } {
    return operation.kind === "debit"
      ? { payerId: operation.bankId, payeeId: operation.paymentInstitutionId }
      : { payerId: operation.paymentInstitutionId, payeeId: operation.bankId };
  }

  private async accountsFor(operation: BankOperation): Promise<OperationAccounts | undefined> {
    const { payerId, payeeId } = this.parties(operation);
    const [payer, payee] = await Promise.all([
      this.participants.findAccount(payerId, operation.currency, "position"),
      this.participants.findAccount(payeeId, operation.currency, "position"),
    ]);
    if (payer === undefined || payee === undefined) return undefined;
    return { debitAccountId: payer.id, creditAccountId: payee.id };
  }

  /** An operation quoting an agreement follows it; others go to the bank's primary. */
  private async endpointFor(operation: BankOperation): Promise<RouteOutcome> {
    if (operation.agreementId === null) return this.router.forNewSigning(operation.bankId);
    const agreement = await this.agreements.find(
      operation.paymentInstitutionId,
      operation.agreementId,
    );
    if (agreement === undefined) return { ok: false, code: "bank_endpoint_not_found" };
    return this.router.forAgreement(agreement.bankId, {
      id: `${agreement.paymentInstitutionId}:${agreement.id}`,
      pinnedEndpointId: agreement.pinnedEndpointId,
    });
  }
}

/** How a call ended, in the words of the trace. */
function verdictSummary(verdict: BankCallVerdict<unknown>): {
  outcome: string;
  detail: string | null;
} {
  switch (verdict.kind) {
    case "answered": {
      const status = (verdict.answer as { status?: unknown }).status;
      return {
        outcome: typeof status === "string" ? `answered:${status}` : "answered",
        detail: null,
      };
    }
    case "refused":
      return { outcome: `refused:${verdict.code}`, detail: verdict.reason };
    case "not_sent":
      return { outcome: "not_sent", detail: verdict.detail };
    case "unknown":
      return { outcome: "unknown", detail: verdict.detail };
  }
}

function failed(code: string, text: string): BankOperationOutcome {
  return { kind: "failed", code, text };
}

export function outcomeOfAnswer(answer: TransactionOutcome): BankOperationOutcome {
  switch (answer.status) {
    case "succeeded":
      return {
        kind: "succeeded",
        bankReference: answer.bankReference,
        completedAt: answer.completedAtMs,
      };
    case "failed":
      return failed(answer.reason, answer.reasonText);
    case "pending":
      return { kind: "pending" };
  }
}

/**
 * What a call's verdict says about the money. A refusal and a request never sent moved nothing
 * (the bank recorded nothing), so they fail at once; a refusal of the id as reused says an
 * earlier request under it stands, so only an inquiry can tell.
 */
function outcomeOfCall(verdict: BankCallVerdict<TransactionOutcome>): BankOperationOutcome {
  switch (verdict.kind) {
    case "answered":
      return outcomeOfAnswer(verdict.answer);
    case "refused":
      if (verdict.code === "idempotency_key_reused") return { kind: "unknown" };
      if (verdict.code === "bank_busy") return failed("bank_unavailable", verdict.reason);
      return failed(verdict.code, verdict.reason);
    case "not_sent":
      return failed("bank_unavailable", verdict.detail);
    case "unknown":
      return { kind: "unknown" };
  }
}
