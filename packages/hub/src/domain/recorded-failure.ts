/** Why a record (an agreement, a bank operation, a bill payment) failed, as it stores it. */
export interface RecordedFailure {
  readonly failureCode: string | null;
  /** The other side's own words, when it gave any. */
  readonly failureText: string | null;
}

export interface FailureView {
  readonly code: string;
  readonly reason: string;
}

/**
 * The failure as answers and events show it: none while the record has not failed, and an
 * empty reason when the other side gave no words, so that `reason` is always a string.
 */
export function failureOf(record: RecordedFailure): FailureView | null {
  return record.failureCode === null
    ? null
    : { code: record.failureCode, reason: record.failureText ?? "" };
}
