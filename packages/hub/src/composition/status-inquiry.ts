import { type InquiredKind, StatusInquiry } from "../app/calls/status-inquiry.ts";
import { OperationInquiry, operationInquiryDefaults } from "../jobs/operation-inquiry.ts";
import type { HubConfig, OnJobError } from "./hub-config.ts";

export interface StatusInquiryParts {
  /** Asks banks and billers where operations stand: the job's work, and reconciliation's. */
  readonly statusInquiry: StatusInquiry;
  /** The job taking up every due operation; started with the other jobs. */
  readonly bankInquiry: OperationInquiry;
}

/**
 * The one status inquiry over every kind of operation whose outcome the hub does not know yet
 * (bank operations, bill postings), and the periodic job that runs it.
 */
export function composeStatusInquiry(
  config: HubConfig,
  kinds: readonly InquiredKind[],
  onJobError: OnJobError,
): StatusInquiryParts {
  const statusInquiry = new StatusInquiry(kinds, (error) => onJobError("status inquiry", error));
  const bankInquiry = new OperationInquiry(statusInquiry, {
    ...operationInquiryDefaults,
    ...config.bankInquiry,
    onError: (error) => onJobError("status inquiry", error),
  });
  return { statusInquiry, bankInquiry };
}
