import type { TransferResultCode } from "../../domain/ledger/result-code.ts";
import {
  feeTransferId,
  resolutionTransferId,
  type TransferRequest,
} from "../../domain/ledger/transfer.ts";
import type { GroupCommit } from "../ledger/group-commit.ts";

/** Resolutions the ledger may answer that leave it as the outcome wants. */
const settledAlready: Readonly<Record<"commit" | "void", readonly TransferResultCode[]>> = {
  commit: ["ok", "exists", "already_committed"],
  // Never reserved (refused by the ledger, or the node died before reserving), or released.
  void: ["ok", "exists", "already_voided", "pending_not_found", "pending_expired"],
};

/**
 * How a resolution of a reservation ended: as asked (`settled`), or on the other side already:
 * a commit found it voided or expired (`gone`: the money must be posted on its own, late), a void
 * found it committed (`committed`: the money moved and must be cleared back).
 */
export type ReservationResolution = "settled" | "gone" | "committed";

/**
 * The money's side of an operation that reserves before it calls: a bank's debit or credit, a
 * consumer-presented barcode payment. The reservation (and its fee, in the same submission so
 * the same batch) is committed on success and voided on failure, each under an id derived from
 * the reservation's, so doing it again after a crash answers as done.
 */
export async function resolveReservation(
  ledger: GroupCommit,
  kind: "commit" | "void",
  pendingId: string,
  withFee: boolean,
): Promise<ReservationResolution> {
  const resolution = (id: string): TransferRequest => ({
    kind,
    id: resolutionTransferId(kind, id),
    pendingId: id,
  });
  const requests = [resolution(pendingId)];
  if (withFee) requests.push(resolution(feeTransferId(pendingId)));
  const [code = "storage_unavailable"] = await ledger.submit(requests);
  if (settledAlready[kind].includes(code)) return "settled";
  if (kind === "commit" && (code === "pending_expired" || code === "already_voided")) return "gone";
  if (kind === "void" && code === "already_committed") return "committed";
  throw new Error(`${kind} of ${pendingId} answered ${code}; the next inquiry retries`);
}
