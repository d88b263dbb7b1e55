import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { TransferResultCode } from "../../domain/ledger/result-code.ts";
import type { TransferRequest } from "../../domain/ledger/transfer.ts";
import type { AuditLogStore } from "../ports/audit-log-store.ts";
import type { GroupCommit } from "./group-commit.ts";

/** Transfers the operator posts directly to the ledger (corrections, settlement bookings). */
export class OperatorTransferService {
  constructor(
    private readonly ledger: GroupCommit,
    private readonly audit: AuditLogStore,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Submits the transfers, then records the ones applied. The ledger's batches are shared by
   * many callers, so the record cannot join their transaction: a crash in between leaves the
   * transfers in the ledger's own hash-chained journal without an audit entry. A request that
   * applied nothing changed nothing and is not recorded.
   */
  async submit(
    requests: readonly TransferRequest[],
    actor: AuditActor,
  ): Promise<TransferResultCode[]> {
    const codes = await this.ledger.submit(requests);
    const applied = requests.filter((_, index) => codes[index] === "ok").map(({ id }) => id);
    if (applied.length > 0) {
      await this.audit.append({
        at: this.clock(),
        actor,
        action: "transfers.submit",
        subject: "ledger",
        details: { submitted: requests.length, applied },
      });
    }
    return codes;
  }
}
