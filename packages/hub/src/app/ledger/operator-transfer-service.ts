import { createHash } from "node:crypto";
import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { TransferResultCode } from "../../domain/ledger/result-code.ts";
import {
  isResolution,
  type PostingRequest,
  type TransferRequest,
} from "../../domain/ledger/transfer.ts";
import type { AuditLogStore } from "../ports/audit-log-store.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";
import type { GroupCommit } from "./group-commit.ts";

/** Transfers the operator posts directly to the ledger (corrections, settlement bookings). */
export class OperatorTransferService {
  constructor(
    private readonly ledger: GroupCommit,
    private readonly audit: AuditLogStore,
    private readonly participants: Pick<ParticipantStore, "findAccountOwners">,
    private readonly operatorId: string,
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
    const codes = await this.ledger.submit(await this.withParties(requests));
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

  /**
   * The operator names accounts; the parties behind them are kept beside each posting, as for
   * participants' own transfers, so that searches by participant find these too. One read for
   * the whole request; an unknown account gets no parties (the ledger refuses it anyway).
   */
  private async withParties(requests: readonly TransferRequest[]): Promise<TransferRequest[]> {
    const postings = requests.filter(
      (request): request is PostingRequest => !isResolution(request),
    );
    const owners = await this.participants.findAccountOwners(
      postings.flatMap((posting) => [posting.debitAccountId, posting.creditAccountId]),
    );
    return requests.map((request) => {
      if (isResolution(request) || request.detail !== undefined) return request;
      const payerId = owners.get(request.debitAccountId);
      const payeeId = owners.get(request.creditAccountId);
      if (payerId === undefined || payeeId === undefined) return request;
      const hashed = JSON.stringify([
        request.kind,
        request.debitAccountId,
        request.creditAccountId,
        request.amount.toString(),
        request.currency,
        request.reference ?? null,
      ]);
      return {
        ...request,
        detail: {
          initiatorId: this.operatorId,
          payerId,
          payeeId,
          requestHash: createHash("sha256").update(hashed, "utf8").digest("base64url"),
          sealedParties: null,
        },
      };
    });
  }
}
