/**
 * The TypeScript client of a clearhub's participant API, and the verifier of its webhooks.
 */
export * from "./api-types.ts";
export type { AgreementResult, BankOperationResult } from "./bank-calls.ts";
export type { CodePaymentRequest, QrPaymentRequest, QrPaymentResult } from "./barcode-calls.ts";
export {
  type BillPaymentResult,
  type BillSubscriptionResult,
  ClearhubClient,
} from "./clearhub-client.ts";
export type { components, paths, webhooks } from "./generated/openapi-types.ts";
export type { BarcodeRefundResult, MerchantResult } from "./merchant-calls.ts";
export { ClearhubNetworkError } from "./network-error.ts";
export type { TransferResult, WebhookEndpointResult } from "./participant-calls.ts";
export type { PrivateKeyInput } from "./private-key.ts";
export {
  type AnsweredProblemCode,
  ClearhubProblemError,
  type ProblemDetailError,
  unexpectedResponseCode,
} from "./problem-error.ts";
export {
  type RecordRow,
  recordCsv,
  type StatementColumn,
  type StatementRow,
  statementColumns,
} from "./reconciliation-calls.ts";
export { type RetryPolicy, retryableStatuses, retryPolicyDefaults } from "./retry-policy.ts";
export type { CallOptions, ClearhubClientOptions } from "./signed-api-client.ts";
export type { FetchFunction } from "./signed-transport.ts";
export { type WebhookFailureCode, webhookFailureCodes } from "./webhook-failure-codes.ts";
export {
  type WebhookDelivery,
  type WebhookVerification,
  WebhookVerifier,
  type WebhookVerifierOptions,
} from "./webhook-verifier.ts";
