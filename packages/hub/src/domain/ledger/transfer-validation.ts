import { isStorableText } from "../storable-text.ts";
import type { TransferResultCode } from "./result-code.ts";
import {
  isFeeTransferId,
  isResolution,
  type PostingRequest,
  pendingTimeoutMsMax,
  referenceLengthMax,
  resolutionTransferId,
  type StoredTransfer,
  type TransferRequest,
  transferIdPattern,
} from "./transfer.ts";

/**
 * A client's id, or an id the hub derives: a fee's for a posting, the resolution's for a
 * resolution (an expiry only ever the latter).
 */
function isIdValid(request: TransferRequest): boolean {
  if (!isResolution(request)) {
    return transferIdPattern.test(request.id) || isFeeTransferId(request.id);
  }
  if (request.id === resolutionTransferId(request.kind, request.pendingId)) return true;
  return request.kind !== "expire" && transferIdPattern.test(request.id);
}

/** The checks a request passes on its own, before any account or stored transfer is read. */
export function validate(request: TransferRequest): TransferResultCode | null {
  if (!isIdValid(request)) return "id_invalid";
  if (request.kind === "posted" || request.kind === "pending") {
    if (request.amount <= 0n) return "amount_must_be_positive";
    if (request.debitAccountId === request.creditAccountId) return "accounts_must_be_different";
    if (!validTimeout(request)) return "timeout_invalid";
  }
  if (request.reference !== undefined && !validReference(request.reference)) {
    return "reference_invalid";
  }
  return null;
}

/** What the databases store byte for byte, so a retry compares equal and the journal hash holds. */
function validReference(reference: string): boolean {
  return reference.length <= referenceLengthMax && isStorableText(reference);
}

function validTimeout(request: PostingRequest): boolean {
  if (request.kind === "posted") return request.timeoutMs === undefined;
  const timeoutMs = request.timeoutMs;
  return (
    timeoutMs !== undefined &&
    Number.isSafeInteger(timeoutMs) &&
    timeoutMs > 0 &&
    timeoutMs <= pendingTimeoutMsMax
  );
}

/** Idempotency compares the fields the client chose, as TigerBeetle does, not a hash of them. */
export function sameFields(request: TransferRequest, stored: StoredTransfer): boolean {
  if (request.kind !== stored.kind) return false;
  if ((request.reference ?? null) !== stored.reference) return false;
  if ((request.linked === true) !== stored.linked) return false;
  if (isResolution(request)) return request.pendingId === stored.pendingId;
  return (
    request.debitAccountId === stored.debitAccountId &&
    request.creditAccountId === stored.creditAccountId &&
    request.amount === stored.amount &&
    request.currency === stored.currency &&
    (request.timeoutMs ?? null) === stored.timeoutMs
  );
}
