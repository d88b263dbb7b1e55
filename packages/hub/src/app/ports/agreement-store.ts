import type { Agreement } from "../../domain/agreements/agreement.ts";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";
import type { AgreementPinning } from "./agreement-pinning.ts";
import type { AgreementPlacement } from "./agreement-placement.ts";

export type AgreementInsert =
  | { readonly ok: true; readonly agreement: Agreement; readonly created: boolean }
  | { readonly ok: false; readonly code: "participant_not_found" };

export type AgreementWrite =
  | { readonly ok: true; readonly agreement: Agreement }
  /** The stored state is no longer the one the change started from: read it again. */
  | { readonly ok: false; readonly code: "agreement_state_conflict" };

/** Where the previous page ended: newest first, by creation time then id. */
export interface AgreementCursor {
  readonly createdAt: number;
  readonly id: string;
}

export const agreementPageSizeMax = 500;

/**
 * The payment institutions' agreements, keyed by the institution and its own id. Every change
 * is a compare-and-set on the state, so concurrent requests and hub nodes never both apply one.
 */
export interface AgreementStore extends AgreementPinning, AgreementPlacement {
  /** Inserts the agreement, or answers the one stored under its key (`created: false`). */
  insert(agreement: Agreement): Promise<AgreementInsert>;
  find(paymentInstitutionId: string, id: string): Promise<Agreement | undefined>;
  /**
   * The agreements the bank's number names: one, or several when the same account was signed
   * again (the bank answers the agreement it already holds).
   */
  findByNumber(bankId: string, agreementNumber: string): Promise<Agreement[]>;
  /** Newest first, at most `limit`. */
  list(
    paymentInstitutionId: string,
    limit: number,
    after?: AgreementCursor | undefined,
  ): Promise<Agreement[]>;
  /**
   * Writes `next` if the stored agreement is still in `fromState`, with `events` into the
   * outbox in the same transaction.
   */
  update(
    next: Agreement,
    fromState: Agreement["state"],
    events?: readonly PreparedEvent[] | undefined,
  ): Promise<AgreementWrite>;
  /** Whether a bank's notice with this id was recorded: a repeat is answered, not applied. */
  noticeSeen(bankId: string, noticeId: string): Promise<boolean>;
  /**
   * Records a bank's notice once its effect is written. Every effect of a notice is idempotent
   * on its own, so a crash between the two only means a repeat applies it again, harmlessly.
   */
  /** `transactionId`: the transaction a result notice concerns, so a trace finds it. */
  recordNotice(
    bankId: string,
    noticeId: string,
    kind: string,
    at: number,
    transactionId?: string,
  ): Promise<void>;
}
