import {
  type InquiredKind,
  OperationInquiry,
  operationInquiryDefaults,
} from "../jobs/operation-inquiry.ts";
import type { HubConfig, OnJobError } from "./hub-config.ts";

/**
 * The one status-inquiry job: it takes up every kind of operation whose outcome the hub does
 * not know yet (bank operations, bill postings), started with the other jobs.
 */
export function composeStatusInquiry(
  config: HubConfig,
  kinds: readonly InquiredKind[],
  onJobError: OnJobError,
): OperationInquiry {
  return new OperationInquiry(kinds, {
    ...operationInquiryDefaults,
    ...config.bankInquiry,
    onError: (error) => onJobError("status inquiry", error),
  });
}
