/** The wallet interface: what an issuer implements for the hub, and the notice it sends it. */
export {
  type CodePaymentDeclineReason,
  codePaymentDeclineReasonNames,
  codePaymentDeclineReasons,
  type WalletRefundDeclineReason,
  walletRefundDeclineReasonNames,
  walletRefundDeclineReasons,
} from "./code-payment-decline-reason.ts";
export {
  CodePaymentAnswer,
  CodePaymentApproved,
  CodePaymentDeclined,
  CodePaymentInquiryRequest,
  CodePaymentPending,
  CodePaymentRequest,
  CodePaymentReversalRequest,
  CodePaymentReversed,
} from "./code-payment-messages.ts";
export {
  walletInterfaceDocument,
  walletInterfacePath,
  walletInterfaceVersion,
} from "./wallet-interface-document.ts";
export {
  type WalletNoticeOperation,
  type WalletNoticeOperationName,
  type WalletOperation,
  type WalletOperationName,
  walletCommonRefusals,
  walletNoticeOperationNames,
  walletNoticeOperations,
  walletOperationNames,
  walletOperations,
} from "./wallet-interface-operations.ts";
export {
  cardNumberDigitsMax,
  cardNumberDigitsMin,
  PaymentCodeInstrument,
  PaymentInstrument,
  PrepaidCardInstrument,
  paymentCodeDigitsMax,
  paymentCodeDigitsMin,
  type VerificationLevel,
  verificationLevels,
  WalletMerchant,
} from "./wallet-message-fields.ts";
export {
  CodePaymentApprovedNotice,
  CodePaymentDeclinedNotice,
  CodePaymentOutcomeNotice,
} from "./wallet-notice-messages.ts";
export {
  WalletRefundAnswer,
  WalletRefundDeclined,
  WalletRefunded,
  WalletRefundInquiryRequest,
  WalletRefundRequest,
} from "./wallet-refund-messages.ts";
export {
  isWalletRefusalCode,
  type WalletRefusalCode,
  walletRefusalCodeNames,
  walletRefusalCodes,
} from "./wallet-refusal-code.ts";
export { WalletRefusal } from "./wallet-refusal-message.ts";
export {
  hubToWalletSignedComponents,
  walletAnswerSignedComponents,
} from "./wallet-signature-profile.ts";
