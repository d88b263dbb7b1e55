/**
 * The wire contracts clearhub publishes for the systems it calls: what goes over HTTP between
 * the hub and a participant's bank, biller or wallet endpoint. The hub's adapters and HTTP layer
 * and the simulators import them from here, so neither side reaches into the other.
 *
 * Each interface has a folder of its own (`bank/`); what every interface shares (ids, amounts,
 * times, the problem schema, the hub keys path, string formats) is at the top.
 */

export * from "./bank/bank-failure-reasons.ts";
export * from "./bank/bank-interface-document.ts";
export * from "./bank/bank-interface-operations.ts";
export * from "./bank/bank-message-fields.ts";
export * from "./bank/bank-notice-messages.ts";
export * from "./bank/bank-refusal-codes.ts";
export * from "./bank/bank-refusal-message.ts";
export * from "./bank/bank-signature-profile.ts";
export * from "./bank/bank-signing-messages.ts";
export * from "./bank/bank-transaction-messages.ts";
export * from "./biller/index.ts";
export * from "./delivery/request-delivery.ts";
export * from "./hub-keys-path.ts";
export * from "./interface-document-parts.ts";
export * from "./literal-union.ts";
export * from "./message-fields.ts";
export * from "./problem-schema.ts";
export * from "./signature-refusal-codes.ts";
export * from "./string-formats.ts";
export * from "./wallet/index.ts";
