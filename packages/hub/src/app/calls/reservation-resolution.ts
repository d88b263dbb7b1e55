import type { TransferResultCode } from "../../domain/ledger/result-code.ts";
import { resolutionTransferId, type TransferRequest } from "../../domain/ledger/transfer.ts";
import type { GroupCommit } from "../ledger/group-commit.ts";

/** Resolutions the ledger may answer that leave it as the outcome wants. */
const settledAlready: Readonly<Record<"commit" | "void", readonly TransferResultCode[]>> = {
  commit: ["ok", "exists", "already_committed"],
  // Never reserved (refused by the ledger, or the node died before reserving), or released.
  void: ["ok", "exists", "already_voided", "pending_not_found", "pending_expired"],
};

/**
 * The money's side of a final outcome of an operation whose money was reserved before its call
 * (bank operations, consumer-presented barcode refunds): commit the reservations on success,
 * void them on failure, under ids derived from the reservations' so a repeat answers `exists`.
 * The reservations are resolved in one submission, so in one batch. A success after the first
 * reservation expired (or was voided) calls `postLateSuccess`: the callee moved the money and
 * the ledger must say so. Anything else throws, and the next take-up tries again.
 */
export async function resolveReservations(
  ledger: GroupCommit,
  outcome: "succeeded" | "failed",
  pendingIds: readonly [string, ...string[]],
  postLateSuccess: () => Promise<void>,
): Promise<void> {
  const kind = outcome === "succeeded" ? "commit" : "void";
  const requests: TransferRequest[] = pendingIds.map((pendingId) => ({
    kind,
    id: resolutionTransferId(kind, pendingId),
    pendingId,
  }));
  const [code = "storage_unavailable"] = await ledger.submit(requests);
  if (settledAlready[kind].includes(code)) return;
  if (kind === "commit" && (code === "pending_expired" || code === "already_voided")) {
    return postLateSuccess();
  }
  throw new Error(`${kind} of ${pendingIds[0]} answered ${code}; the next inquiry retries`);
}
