import type { TransferResultCode } from "../../domain/ledger/result-code.ts";
import {
  feeTransferId,
  isHubPostedTransferId,
  type PostingRequest,
  type ResolutionRequest,
  resolutionTransferId,
  transferIdPattern,
} from "../../domain/ledger/transfer.ts";
import { type Participant, participantIdPattern } from "../../domain/participant/participant.ts";
import { maskParties, type TransferParties } from "../../domain/sensitive/customer-party.ts";
import { type FeePostings, transactionCode, withFee } from "../fees/fee-postings.ts";
import type { GroupCommit } from "../ledger/group-commit.ts";
import { operatorParticipantId } from "../participants/participant-service.ts";
import { PositionAccounts } from "../participants/position-accounts.ts";
import { type FieldSealer, sealedFieldContext } from "../ports/field-sealer.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";
import type {
  DetailedTransfer,
  ParticipantTransferStore,
  TransferCursor,
  TransferListFilter,
} from "../ports/participant-transfer-store.ts";
import {
  currentTransfer,
  type ParticipantTransfer,
  transferAsCreated,
} from "./participant-transfer.ts";

/** Types and limits of what this use-case answers, for the HTTP layer that shows them. */
export type { TransferCursor } from "../ports/participant-transfer-store.ts";

/** What a payer asks for; amounts are already minor units, the request already hashed. */
export interface NewTransfer {
  readonly id: string;
  readonly payeeId: string;
  readonly amount: bigint;
  readonly currency: string;
  readonly reference?: string | undefined;
  /** Reserve instead of posting: the payer commits or voids within this many milliseconds. */
  readonly reserveForMs?: number | undefined;
  /**
   * SHA-256 of the request's canonical JSON (RFC 8785) without its parties: tells a retry from
   * a reuse of the id. The parties are left out because a hash of a card number can be reversed
   * by trying every number; they are compared sealed-then-opened instead.
   */
  readonly requestHash: string;
  /** Normalised (see customer-party.ts); sealed before it is stored. */
  readonly parties?: TransferParties | undefined;
}

/** Why a participant's transfer request was refused: the API's own codes and the ledger's. */
export type TransferRefusal =
  | "payee_not_found"
  | "payee_is_payer"
  | "payee_currency_not_held"
  | "currency_not_held"
  | "idempotency_key_reused"
  | "transfer_id_taken"
  | "transfer_id_reserved"
  | "transfer_not_found"
  | "resolution_not_permitted"
  | "sealed_data_unreadable"
  | Exclude<TransferResultCode, "ok" | "exists" | "exists_with_different_fields">;

export type TransferOutcome =
  | { readonly ok: true; readonly transfer: ParticipantTransfer; readonly replayed: boolean }
  | { readonly ok: false; readonly code: TransferRefusal };

export const transferPageSizeMax = 500;

const refused = (code: TransferRefusal): TransferOutcome => ({ ok: false, code });

/**
 * Transfers between participants' positions, as the participant API offers them. The ledger
 * is the source of truth and the guard against doubles: a transfer id is accepted once, and
 * its details (who asked, and the hash of exactly what was asked) are written with it.
 */
export class ParticipantTransferService {
  /** A bulk request's transfers waiting for the same position share the one read. */
  private readonly positions: PositionAccounts;

  constructor(
    private readonly participants: ParticipantStore,
    private readonly transfers: ParticipantTransferStore,
    private readonly ledger: GroupCommit,
    private readonly sealer: FieldSealer,
    private readonly fees: FeePostings,
  ) {
    this.positions = new PositionAccounts(participants);
  }

  /**
   * Submits the transfers, each with its fee (linked after it), in one ledger submission; each
   * answers on its own.
   */
  async create(payer: Participant, requests: readonly NewTransfer[]): Promise<TransferOutcome[]> {
    const prepared = await Promise.all(requests.map((request) => this.prepare(payer, request)));
    const groups = prepared.map((item) => ("kind" in item ? withFee(item.posting, item.fee) : []));
    const { codes, committedAt } = await this.ledger.submitTimed(groups.flat());
    let next = 0;
    return Promise.all(
      prepared.map((item, index) => {
        if (!("kind" in item)) return item;
        const own = codes[next] ?? "storage_unavailable";
        const fee = item.fee === null ? undefined : (codes[next + 1] ?? "storage_unavailable");
        next += (groups[index] as PostingRequest[]).length;
        const code = transactionCode(own, fee);
        return this.answer(payer, requests[index] as NewTransfer, item, code, committedAt);
      }),
    );
  }

  async find(participant: Participant, transferId: string): Promise<TransferOutcome> {
    const found = await this.findByClientId(transferId);
    if (found === undefined || !isParty(participant.id, found.detail)) {
      return refused("transfer_not_found");
    }
    const parties = this.openParties(found);
    if (parties === "unreadable") return refused("sealed_data_unreadable");
    return { ok: true, transfer: currentTransfer(found, maskOrNull(parties)), replayed: false };
  }

  async list(
    filter: TransferListFilter,
    limit: number,
    after?: TransferCursor,
  ): Promise<ParticipantTransfer[]> {
    const size = Math.min(Math.max(limit, 1), transferPageSizeMax);
    const { counterpartyId } = filter;
    // No participant has an id outside the rules: the page is empty without asking the store.
    if (counterpartyId !== undefined && !participantIdPattern.test(counterpartyId)) return [];
    return (await this.transfers.list(filter, size, after)).map((found) => {
      const parties = this.openParties(found);
      if (parties === "unreadable") throw new Error(`parties of ${found.transfer.id} do not open`);
      return currentTransfer(found, maskOrNull(parties));
    });
  }

  /**
   * Commits or voids a reservation the participant made. The resolution's id is derived from
   * the reservation's, so a retried commit is the same ledger transfer and answers the same.
   */
  async resolve(
    payer: Participant,
    transferId: string,
    kind: "commit" | "void",
  ): Promise<TransferOutcome> {
    const found = await this.findByClientId(transferId);
    if (found === undefined || !isParty(payer.id, found.detail)) {
      return refused("transfer_not_found");
    }
    if (found.detail.payerId !== payer.id) return refused("resolution_not_permitted");
    const code = await this.submitResolution(kind, transferId, found.feeMinor !== null);
    if (code !== "ok" && code !== "exists") return refused(asRefusal(code));
    const resolved = await this.transfers.find(transferId);
    if (resolved === undefined) throw new Error(`transfer ${transferId} vanished`);
    const parties = this.openParties(resolved);
    if (parties === "unreadable") return refused("sealed_data_unreadable");
    return {
      ok: true,
      transfer: currentTransfer(resolved, maskOrNull(parties)),
      replayed: code === "exists",
    };
  }

  /**
   * A reservation's fee was reserved with it, so it is committed or voided with it, linked:
   * the payer pays the fee exactly when the payee is paid.
   */
  private async submitResolution(
    kind: "commit" | "void",
    transferId: string,
    withReservedFee: boolean,
  ): Promise<TransferResultCode> {
    const resolution = (pendingId: string, linked: boolean): ResolutionRequest => ({
      kind,
      id: resolutionTransferId(kind, pendingId),
      pendingId,
      linked,
    });
    if (!withReservedFee) return this.ledger.submitOne(resolution(transferId, false));
    const [own, fee] = await this.ledger.submit([
      resolution(transferId, true),
      resolution(feeTransferId(transferId), false),
    ]);
    return transactionCode(own ?? "storage_unavailable", fee);
  }

  private async prepare(
    payer: Participant,
    request: NewTransfer,
  ): Promise<Prepared | TransferOutcome> {
    const posting = await this.posting(payer, request);
    if (!("kind" in posting)) return posting;
    // The payer pays the fee: it is a debit of the payer's position, counted against its cap.
    return { kind: "prepared", posting, fee: await this.fees.feeOf(posting, "transfer", payer.id) };
  }

  private async posting(
    payer: Participant,
    request: NewTransfer,
  ): Promise<PostingRequest | TransferOutcome> {
    if (isHubPostedTransferId(request.id)) return refused("transfer_id_reserved");
    if (request.payeeId === payer.id) return refused("payee_is_payer");
    const debit = await this.position(payer.id, request.currency);
    if (debit === undefined) return refused("currency_not_held");
    const credit = isPossiblePayee(request.payeeId)
      ? await this.position(request.payeeId, request.currency)
      : undefined;
    if (credit === undefined) return refused(await this.missingPayee(request.payeeId));
    const reserve = request.reserveForMs !== undefined;
    return {
      kind: reserve ? "pending" : "posted",
      id: request.id,
      debitAccountId: debit,
      creditAccountId: credit,
      amount: request.amount,
      currency: request.currency,
      timeoutMs: request.reserveForMs,
      reference: request.reference,
      detail: {
        initiatorId: payer.id,
        payerId: payer.id,
        payeeId: request.payeeId,
        requestHash: request.requestHash,
        sealedParties:
          request.parties === undefined
            ? null
            : this.sealer.seal(JSON.stringify(request.parties), partiesContext(request.id)),
      },
    };
  }

  private async answer(
    payer: Participant,
    request: NewTransfer,
    { posting, fee }: Prepared,
    code: TransferResultCode,
    committedAt: number | null,
  ): Promise<TransferOutcome> {
    if (code === "ok" && committedAt !== null) {
      const transfer = createdTransfer(posting, fee, committedAt, request.parties);
      return { ok: true, transfer, replayed: false };
    }
    if (code !== "exists" && code !== "exists_with_different_fields") {
      return refused(asRefusal(code));
    }
    const stored = await this.transfers.find(request.id);
    if (stored === undefined || stored.detail.initiatorId !== payer.id) {
      return refused("transfer_id_taken");
    }
    const parties = this.openParties(stored);
    if (parties === "unreadable") return refused("sealed_data_unreadable");
    const sameParties = JSON.stringify(parties) === JSON.stringify(request.parties ?? null);
    // The same request hash from the same payer is the same payee, amount, currency, reference
    // and reservation, so the ledger's fields can differ only in `linked`: the transfer was
    // first sent with a fee and now without one (or the reverse) because a schedule changed
    // between the two. That is still a retry; the answer shows the fee first charged.
    if (stored.detail.requestHash !== request.requestHash || !sameParties) {
      return refused("idempotency_key_reused");
    }
    return { ok: true, transfer: transferAsCreated(stored, maskOrNull(parties)), replayed: true };
  }

  /**
   * An id outside the rules was never accepted, so it names nothing and the store is not asked:
   * PostgreSQL could not even compare it if it held a NUL, which a path or body can carry.
   */
  private async findByClientId(transferId: string): Promise<DetailedTransfer | undefined> {
    return transferIdPattern.test(transferId) ? this.transfers.find(transferId) : undefined;
  }

  /** The stored parties in clear, for comparison or masking; never leaves the service so. */
  private openParties(found: DetailedTransfer): TransferParties | null | "unreadable" {
    const sealed = found.detail.sealedParties;
    if (sealed === null) return null;
    const opened = this.sealer.open(sealed, partiesContext(found.transfer.id));
    return opened.ok ? (JSON.parse(opened.plaintext) as TransferParties) : "unreadable";
  }

  private position(participantId: string, currency: string): Promise<number | undefined> {
    return this.positions.idOf(participantId, currency);
  }

  private async missingPayee(payeeId: string): Promise<TransferRefusal> {
    if (!isPossiblePayee(payeeId)) return "payee_not_found";
    const payee = await this.participants.findParticipant(payeeId);
    return payee === undefined ? "payee_not_found" : "payee_currency_not_held";
  }
}

/**
 * The operator is paid through the operator API only. An id outside the rules names no one and
 * is not looked up: PostgreSQL cannot even compare text holding a NUL, which a body can carry.
 */
function isPossiblePayee(payeeId: string): boolean {
  return payeeId !== operatorParticipantId && participantIdPattern.test(payeeId);
}

function isParty(participantId: string, detail: { payerId: string; payeeId: string }): boolean {
  return detail.payerId === participantId || detail.payeeId === participantId;
}

function asRefusal(code: TransferResultCode): TransferRefusal {
  if (code === "ok" || code === "exists" || code === "exists_with_different_fields") {
    throw new Error(`${code} is not a refusal`);
  }
  return code;
}

function partiesContext(transferId: string): string {
  return sealedFieldContext("transfer_details", "parties", transferId);
}

function maskOrNull(parties: TransferParties | null): TransferParties | null {
  return parties === null ? null : maskParties(parties);
}

function createdTransfer(
  posting: PostingRequest,
  fee: PostingRequest | null,
  committedAt: number,
  parties: TransferParties | undefined,
): ParticipantTransfer {
  const detail = posting.detail;
  if (detail === undefined) throw new Error("a participant's transfer always carries its detail");
  return {
    id: posting.id,
    payerId: detail.payerId,
    payeeId: detail.payeeId,
    amount: posting.amount,
    currency: posting.currency,
    reference: posting.reference ?? null,
    state: posting.kind === "pending" ? "reserved" : "posted",
    expiresAt: posting.timeoutMs === undefined ? null : committedAt + posting.timeoutMs,
    createdAt: committedAt,
    parties: maskOrNull(parties ?? null),
    feeMinor: fee?.amount ?? null,
  };
}

/** A transfer ready to submit, with its fee if one is due. */
interface Prepared {
  readonly kind: "prepared";
  readonly posting: PostingRequest;
  readonly fee: PostingRequest | null;
}
