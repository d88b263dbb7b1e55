/**
 * The messages between an end-to-end benchmark (`clearhub bench payments`, `clearhub bench
 * bill-payments`, `clearhub bench qr`) and its load driver: a participant using the SDK from a process of its own,
 * so the requests cross a real socket and the driver's signing is not the hub's event loop's.
 */
import type {
  BenchSigningKey,
  ClosedLoopParentMessage,
  ClosedLoopPhaseStats,
} from "./bench-driver-protocol.ts";

/** What the payments of the timed phase are, and what they quote. */
export type DriverWork =
  /** POST /v1/agreement-payments, the active agreements in turn. */
  | { readonly kind: "agreement-payments"; readonly agreementIds: readonly string[] }
  /** POST /v1/bill-payments, direct pay: each names a customer by parameters, in turn. */
  | {
      readonly kind: "bill-payments";
      readonly billerId: string;
      readonly customers: readonly Readonly<Record<string, string>>[];
    }
  /**
   * POST /v1/qr-payments as the payer's institution: each pays a fresh dynamic code of the
   * merchant's (one use, the amount in it), for the next of `customers` payer customers in turn.
   */
  | {
      readonly kind: "qr-payments";
      readonly merchant: BenchMerchantCode;
      readonly customers: number;
      /** The verification level every payer customer is sent with. */
      readonly verificationLevel: "A" | "B" | "C" | "D";
    }
  /**
   * POST /v1/code-payments as the merchant's acquirer: each presents a one-time payment code
   * the wallet simulator issued (taken in batches from its admin routes), for the merchant.
   */
  | {
      readonly kind: "code-payments";
      readonly merchantId: string;
      /** The wallet simulator's admin origin, where batches of codes are issued. */
      readonly walletOrigin: string;
      readonly customerIds: readonly string[];
    };

/** What the merchant's codes say of it, as its acquirer registered it. */
export interface BenchMerchantCode {
  readonly acquirerId: string;
  readonly merchantId: string;
  readonly merchantCategoryCode: string;
  readonly countryCode: string;
  readonly merchantName: string;
  readonly merchantCity: string;
}

/** The participant's key, with what to send and how hard. */
export interface SdkDriverConfig extends BenchSigningKey {
  /** The hub's origin, as the SDK signs for it. */
  readonly origin: string;
  /** Requests in flight at once, each caller sending its next when its last is answered. */
  readonly concurrency: number;
  readonly work: DriverWork;
  /** The amount of every payment, in the API's decimal form. */
  readonly amount: string;
  readonly currency: string;
}

/**
 * `noop` is a signed POST /v1/ping through the same SDK client (the reference); the others are
 * the work's payments, each with a fresh id.
 */
export type SdkDriverPhase = "noop" | DriverWork["kind"];

export type SdkDriverParentMessage = ClosedLoopParentMessage<SdkDriverConfig, SdkDriverPhase>;

export interface SdkPhaseStats extends ClosedLoopPhaseStats<SdkDriverPhase> {
  /** Requests answered with the route's success status. */
  readonly answered: number;
  /** Payments by the state the hub answered them in. */
  readonly byState: Readonly<Record<string, number>>;
}

export type SdkDriverMessage =
  | { readonly type: "ready" }
  /** A slice is over; `answered` counts the phase's answers so far. */
  | { readonly type: "ran"; readonly phase: SdkDriverPhase; readonly answered: number }
  | { readonly type: "report"; readonly stats: readonly SdkPhaseStats[] }
  | { readonly type: "failed"; readonly message: string };
