/**
 * Transfers are the only way money moves. Every kind below is an append-only record; a
 * correction is a new transfer, never an edit.
 *
 * - `posted`: moves `amount` at once.
 * - `pending`: reserves `amount` until committed, voided, or expired after `timeoutMs`.
 * - `commit` / `void`: resolves the pending transfer named by `pendingId`.
 * - `expire`: written by the hub when a pending transfer's timeout passes.
 */
export type TransferKind = "posted" | "pending" | "commit" | "void" | "expire";

export const transferIdLengthMax = 64;
export const referenceLengthMax = 128;
/** A reservation may be held for at most a week: longer holds are an operational smell. */
export const pendingTimeoutMsMax = 7 * 24 * 60 * 60 * 1000;

/** Client ids use this alphabet; hub-written ids start with "~" so the two can never collide. */
export const transferIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/**
 * Posted transfers the hub writes for its own flows use the client alphabet under prefixes no
 * participant may take: their ids are derived (a bill payment's clearing from its public id, a
 * settlement leg from its window and account), so a participant who took one first could block
 * the flow it belongs to.
 */
export const hubPostedTransferIdPrefixes = {
  billPayment: "bp.",
  barcodePayment: "bc.",
  barcodeRefund: "br.",
  settlementLeg: "st.",
} as const;

/** Whether the id is in the hub's own namespace of posted transfers. */
export function isHubPostedTransferId(id: string): boolean {
  return Object.values(hubPostedTransferIdPrefixes).some((prefix) => id.startsWith(prefix));
}

export interface PostingRequest {
  readonly kind: "posted" | "pending";
  readonly id: string;
  readonly debitAccountId: number;
  readonly creditAccountId: number;
  readonly amount: bigint;
  readonly currency: string;
  /** Only for `pending`: how long the reservation holds. */
  readonly timeoutMs?: number | undefined;
  readonly reference?: string | undefined;
  /** When true, this transfer and the next in the batch succeed or fail together. */
  readonly linked?: boolean | undefined;
  /** Kept beside the transfer, in the same transaction, when it is accepted; the ledger ignores it. */
  readonly detail?: TransferDetail | undefined;
}

/**
 * What the hub keeps about a transfer a participant asked for, beyond the ledger's fields: who
 * asked, the two parties, the hash of the canonical request (a retry with another body is not
 * a retry) and the customer details, sealed.
 */
export interface TransferDetail {
  readonly initiatorId: string;
  readonly payerId: string;
  readonly payeeId: string;
  readonly requestHash: string;
  readonly sealedParties: string | null;
}

export interface ResolutionRequest {
  readonly kind: "commit" | "void" | "expire";
  readonly id: string;
  readonly pendingId: string;
  readonly reference?: string | undefined;
  readonly linked?: boolean | undefined;
}

export type TransferRequest = PostingRequest | ResolutionRequest;

/** A transfer as the ledger stores it. */
export interface StoredTransfer {
  readonly id: string;
  readonly kind: TransferKind;
  readonly debitAccountId: number;
  readonly creditAccountId: number;
  readonly amount: bigint;
  readonly currency: string;
  readonly pendingId: string | null;
  readonly timeoutMs: number | null;
  /** Epoch milliseconds after which a pending transfer can no longer be committed. */
  readonly expiresAt: number | null;
  readonly reference: string | null;
  readonly linked: boolean;
  readonly batchSeq: number;
  readonly batchIndex: number;
  readonly createdAt: number;
}

export function expiryTransferId(pendingId: string): string {
  return resolutionTransferId("expire", pendingId);
}

/**
 * The hub's id for the one resolution a pending transfer can have. Deriving it from the pending
 * id makes asking twice (a retried commit, two expiry passes) the same transfer, not a conflict.
 */
export function resolutionTransferId(kind: ResolutionRequest["kind"], pendingId: string): string {
  return `~${kind}:${pendingId}`;
}

/**
 * The fee the hub charges on a transfer, posted (or reserved) in the same batch, linked to it.
 * Derived from the transfer's id, so a retried transaction finds its fee (`exists`) instead of
 * charging it twice. Under `~`, like resolutions: no participant can send such an id at all.
 */
export function feeTransferId(transferId: string): string {
  return `${feeTransferIdPrefix}${transferId}`;
}

export const feeTransferIdPrefix = "~fee:";

/** Whether the id is a fee's, derived from a transfer id in the client alphabet. */
export function isFeeTransferId(id: string): boolean {
  return (
    id.startsWith(feeTransferIdPrefix) &&
    transferIdPattern.test(id.slice(feeTransferIdPrefix.length))
  );
}

export function isResolution(request: TransferRequest): request is ResolutionRequest {
  return request.kind === "commit" || request.kind === "void" || request.kind === "expire";
}
