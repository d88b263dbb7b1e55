/**
 * The wire contracts clearhub publishes for the systems it calls: what goes over HTTP between
 * the hub and a participant's bank, biller or wallet endpoint. The hub's adapters and HTTP layer
 * and the simulators import them from here, so neither side reaches into the other.
 */
export * from "./biller/index.ts";
export {
  describeTransportError,
  type NotSentCause,
  notSentCause,
  transportErrorCodes,
} from "./delivery/request-delivery.ts";
export { hubKeysPath } from "./hub-keys-path.ts";
export * from "./interface-document-parts.ts";
export { literalUnion } from "./literal-union.ts";
export { AmountField, amountField, amountPattern, CurrencyField } from "./money-fields.ts";
export { ProblemMessage, problemContentType } from "./problem-message.ts";
export { type SignatureRefusal, signatureRefusalCodes } from "./signature-refusal-codes.ts";
export { registerWireFormats } from "./string-formats.ts";
