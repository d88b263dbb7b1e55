/**
 * The TypeScript client of a clearhub's participant API, and the verifier of its webhooks.
 */
export * from "./api-types.ts";
export {
  type AgreementResult,
  type BankOperationResult,
  type BillPaymentResult,
  type BillSubscriptionResult,
  type CallOptions,
  ClearhubClient,
  type ClearhubClientOptions,
  type TransferResult,
  type WebhookEndpointResult,
} from "./clearhub-client.ts";
export type { components, paths, webhooks } from "./generated/openapi-types.ts";
export { ClearhubNetworkError } from "./network-error.ts";
export type { PrivateKeyInput } from "./private-key.ts";
export {
  type AnsweredProblemCode,
  ClearhubProblemError,
  type ProblemDetailError,
  unexpectedResponseCode,
} from "./problem-error.ts";
export { type RetryPolicy, retryableStatuses, retryPolicyDefaults } from "./retry-policy.ts";
export type { FetchFunction } from "./signed-transport.ts";
export { type WebhookFailureCode, webhookFailureCodes } from "./webhook-failure-codes.ts";
export {
  type WebhookDelivery,
  type WebhookVerification,
  WebhookVerifier,
  type WebhookVerifierOptions,
} from "./webhook-verifier.ts";
