import type { ScryptParameters } from "../adapters/crypto/scrypt-password-hasher.ts";
import type { DatabaseConfig } from "../adapters/store/database.ts";
import type { ApprovalLimits } from "../app/approvals/approval-service.ts";
import type { CodePaymentTimings } from "../app/barcode/code-payment-kind.ts";
import type { BillPostingTimings } from "../app/bill-payments/bill-posting-kind.ts";
import type { BillInquirySettings } from "../app/billers/bill-inquiry-service.ts";
import type { BillSubscriptionLimits } from "../app/billers/bill-subscription-service.ts";
import type { GateSettings } from "../app/billers/biller-admission-gate.ts";
import type { GroupCommitOptions } from "../app/ledger/group-commit.ts";
import type { SessionLimits } from "../app/operators/operator-session-service.ts";
import type { BankOperationTimings } from "../app/payments/bank-operation-runner.ts";
import type { AgreementPinning } from "../app/ports/agreement-pinning.ts";
import type { SettlementSchedule } from "../app/settlement/settlement-schedule.ts";
import type { AgreementLimits } from "../domain/bank-operations/agreement-limits.ts";
import type { BusinessDayConfig } from "../domain/reconciliation/business-day.ts";
import type { OperationInquiryOptions } from "../jobs/operation-inquiry.ts";
import type { WebhookDispatcherOptions } from "../jobs/webhook-dispatcher.ts";

export interface HubConfig extends DatabaseConfig {
  /**
   * The time operator sessions and approvals are judged by, and biller profiles are stamped
   * with; tests move it instead of sleeping.
   */
  readonly operatorClock?: (() => number) | undefined;
  /** Password hashing cost; OWASP's recommendation unless given (tests pass a cheaper one). */
  readonly passwordHashing?: ScryptParameters | undefined;
  readonly sessionLimits?: Partial<SessionLimits> | undefined;
  readonly approvalLimits?: Partial<ApprovalLimits> | undefined;
  readonly groupCommit?: Partial<GroupCommitOptions> | undefined;
  /** Run the reservation-expiry job in this process (every hub node may). */
  readonly expirePendings?: boolean | undefined;
  /** A redis:// URL keeps the signature nonces in Redis; without one they live in the store. */
  readonly redisUrl?: string | undefined;
  /** Prefix of the hub's Redis keys, so several hubs can share one Redis. */
  readonly redisKeyPrefix?: string | undefined;
  /**
   * Run the jobs deleting expired rows from the store: signature nonces (only when they live
   * there) and presented bills once `billPresentmentRetentionMs` past their expiry.
   */
  readonly purgeExpired?: boolean | undefined;
  /**
   * How long a presented bill is kept after its reference expired, so a late payment quoting it
   * is still told `bill_ref_expired` rather than `bill_ref_not_found`, and one a suspension's honour
   * policy keeps payable (for up to 30 days) is still there; 31 days by default.
   */
  readonly billPresentmentRetentionMs?: number | undefined;
  /** `CLEARHUB_DATA_KEYS`: the key ring sealing card, account and ID numbers; see the README. */
  readonly dataKeys?: string | undefined;
  /**
   * The Ed25519 key webhooks are signed with, as PKCS#8 PEM. Unset, the key is kept in
   * `dataDir` (generated there on the first start), or, without a `dataDir`, made for this
   * process only. Hub nodes sharing a database must all be given the same key here.
   */
  readonly hubSigningKey?: string | undefined;
  /** Run the webhook dispatcher in this process (every hub node may). */
  readonly dispatchWebhooks?: boolean | undefined;
  readonly webhookDispatcher?: Partial<WebhookDispatcherOptions> | undefined;
  /**
   * Networks (CIDR) webhooks may be sent to besides public addresses: loopback, private and
   * link-local ones are refused unless listed here (`CLEARHUB_WEBHOOK_ALLOW_NETWORKS`).
   */
  readonly webhookAllowNetworks?: readonly string[] | undefined;
  /**
   * Where completed endpoint migrations re-pin agreements: the hub's own agreements store
   * unless another is given (tests record the calls this way).
   */
  readonly agreementPinning?: AgreementPinning | undefined;
  /** Agreement payment limits; the defaults are the regulator's tiers (see agreement-limits.ts). */
  readonly agreementLimits?: Partial<AgreementLimits> | undefined;
  readonly bankOperationTimings?: Partial<BankOperationTimings> | undefined;
  /** Run the status-inquiry job in this process (every hub node may). */
  readonly inquireBankOperations?: boolean | undefined;
  readonly bankInquiry?: Partial<Omit<OperationInquiryOptions, "onError">> | undefined;
  /** Told when a background pass fails (the next pass retries); standard error by default. */
  readonly onJobError?: ((job: string, error: unknown) => void) | undefined;
  /** How many bill subscriptions a channel may hold; see bill-subscription-service.ts. */
  readonly billSubscriptions?: Partial<BillSubscriptionLimits> | undefined;
  /**
   * The time biller protection (quotas, presentment cache) and bill presentments are judged by;
   * tests move it instead of sleeping. Capacity windows follow the shared state's own clock.
   */
  readonly billerClock?: (() => number) | undefined;
  /**
   * How long a presented bill's billRef can be paid (30 minutes unless given;
   * `CLEARHUB_BILL_REF_VALIDITY_MINUTES` or `clearhub start --bill-ref-validity-minutes`).
   */
  readonly billInquiry?: Partial<BillInquirySettings> | undefined;
  /** How the admission gate queues and sheds calls to billers; the defaults unless given. */
  readonly billerAdmission?: Partial<GateSettings> | undefined;
  /** Bill postings' backoff, first take-up and deadline (the status-inquiry job runs them too). */
  readonly billPostingTimings?: Partial<BillPostingTimings> | undefined;
  /** The clock bill payments and their postings are judged by (tests move it; deadlines of days). */
  readonly billPaymentClock?: (() => number) | undefined;
  /** Consumer-presented payments' reservation, first take-up and inquiry backoff. */
  readonly codePaymentTimings?: Partial<CodePaymentTimings> | undefined;
  /** The clock barcode payments are judged by: dynamic codes' expiry, the limits' day. */
  readonly barcodeClock?: (() => number) | undefined;
  /** When windows close by themselves; unset, only the operator closes them. */
  readonly settlementSchedule?: SettlementSchedule | undefined;
  /** The clock settlement windows are opened, closed and settled by. */
  readonly settlementClock?: (() => number) | undefined;
  /** The business day statements cover: cut-off and time zone (CLEARHUB_RECON_CUTOFF, _TIME_ZONE). */
  readonly reconciliationDay?: BusinessDayConfig | undefined;
}

/** Told when a background pass fails; the job names itself ("bank inquiry"). */
export type OnJobError = (job: string, error: unknown) => void;

export function reportJobError(job: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`clearhub: ${job} pass failed, retrying next pass: ${message}\n`);
}
