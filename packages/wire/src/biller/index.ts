/** The biller interface: what a biller implements for the hub, and the notices it sends it. */
export {
  Bill,
  BillInquiryAnswer,
  BillInquiryRequest,
  BillPeriod,
  billsPerAnswerMax,
} from "./bill-inquiry-messages.ts";
export {
  billerInterfaceDocument,
  billerInterfacePath,
  billerInterfaceVersion,
} from "./biller-interface-document.ts";
export {
  type BillerNoticeOperation,
  type BillerNoticeOperationName,
  type BillerOperation,
  type BillerOperationName,
  billerCommonRefusals,
  billerNoticeOperationNames,
  billerNoticeOperations,
  billerOperationNames,
  billerOperations,
} from "./biller-interface-operations.ts";
export {
  CustomerParameter,
  customerParametersMax,
} from "./biller-message-fields.ts";
export {
  BillNotice,
  billNoticeKinds,
  ReversalNotice,
  reversalReasons,
} from "./biller-notice-messages.ts";
export {
  type BillerRefusalCode,
  billerRefusalCodeNames,
  billerRefusalCodes,
  isBillerRefusalCode,
} from "./biller-refusal-code.ts";
export { BillerRefusal } from "./biller-refusal-message.ts";
export {
  billerAnswerSignedComponents,
  hubToBillerSignedComponents,
} from "./biller-signature-profile.ts";
export {
  PostingAccepted,
  PostingAnswer,
  PostingInquiryRequest,
  PostingPending,
  PostingRejected,
  PostingRequest,
} from "./posting-messages.ts";
export {
  type PostingRejectionReason,
  postingRejectionReasonNames,
  postingRejectionReasons,
} from "./posting-rejection-reason.ts";
