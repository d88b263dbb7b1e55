import {
  checkMerchantFields,
  isAcquirerKind,
  isMerchantId,
  type Merchant,
  type MerchantFields,
  type MerchantIssue,
  sameMerchantFields,
} from "../../domain/barcode/merchant.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import type { MerchantCursor, MerchantStore } from "../ports/merchant-store.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";

export type MerchantRefusal =
  | "merchant_invalid"
  | "merchant_not_found"
  | "merchant_closed"
  | "participant_not_acquirer"
  | "participant_not_found"
  | "participant_inactive";

export type MerchantOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly code: MerchantRefusal;
      /** For `merchant_invalid`: each refused field. */
      readonly issues?: readonly MerchantIssue[];
    };

export interface MerchantRegistration {
  readonly merchant: Merchant;
  /** False when the merchant was there already (changed or not). */
  readonly created: boolean;
}

export const merchantPageSizeMax = 500;

const refused = <T>(code: MerchantRefusal): MerchantOutcome<T> => ({ ok: false, code });

/**
 * The merchant directory: acquirers register and close their own merchants, and any payer's
 * institution looks one up before paying. An acquirer sees and changes only its own merchants;
 * a merchant is named by its acquirer and the acquirer's own id, so two acquirers never clash.
 */
export class MerchantDirectory {
  constructor(
    private readonly store: MerchantStore,
    private readonly participants: Pick<ParticipantStore, "findParticipant">,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Registers the acquirer's merchant, or sets its fields. Idempotent: the same fields again
   * change nothing (not even `updatedAt`). A closed merchant stays closed and is not changed.
   * Refused whole, writing nothing, when any field is invalid.
   */
  async register(
    acquirer: Participant,
    merchantId: string,
    input: MerchantFields,
  ): Promise<MerchantOutcome<MerchantRegistration>> {
    if (!isAcquirerKind(acquirer.kind)) return refused("participant_not_acquirer");
    const checked = checkMerchantFields(merchantId, input);
    if (!checked.ok) return { ok: false, code: "merchant_invalid", issues: checked.issues };
    const at = this.clock();
    const merchant: Merchant = {
      acquirerId: acquirer.id,
      merchantId,
      ...checked.fields,
      status: "active",
      createdAt: at,
      updatedAt: at,
    };
    if (await this.store.insert(merchant)) return { ok: true, value: { merchant, created: true } };
    return this.update(acquirer.id, merchantId, checked.fields, at);
  }

  private async update(
    acquirerId: string,
    merchantId: string,
    fields: MerchantFields,
    at: number,
  ): Promise<MerchantOutcome<MerchantRegistration>> {
    const existing = await this.store.find(acquirerId, merchantId);
    if (existing === undefined) return refused("merchant_not_found");
    if (existing.status === "closed") return refused("merchant_closed");
    if (sameMerchantFields(existing, fields)) {
      return { ok: true, value: { merchant: existing, created: false } };
    }
    // Closed between the read and the write: the close wins, as it would a moment later.
    if (!(await this.store.updateFields(acquirerId, merchantId, fields, at))) {
      return refused("merchant_closed");
    }
    return {
      ok: true,
      value: { merchant: { ...existing, ...fields, updatedAt: at }, created: false },
    };
  }

  /** One of the acquirer's own merchants, closed ones included. */
  async find(acquirer: Participant, merchantId: string): Promise<MerchantOutcome<Merchant>> {
    if (!isMerchantId(merchantId)) return refused("merchant_not_found");
    const merchant = await this.store.find(acquirer.id, merchantId);
    return merchant === undefined ? refused("merchant_not_found") : { ok: true, value: merchant };
  }

  /** The acquirer's merchants, newest first. */
  list(acquirerId: string, limit: number, after?: MerchantCursor): Promise<Merchant[]> {
    return this.store.list(acquirerId, Math.min(limit, merchantPageSizeMax), after);
  }

  /** Closes the merchant for good. Closing a closed merchant answers it as it is. */
  async close(acquirer: Participant, merchantId: string): Promise<MerchantOutcome<Merchant>> {
    const found = await this.find(acquirer, merchantId);
    if (!found.ok || found.value.status === "closed") return found;
    const at = this.clock();
    await this.store.close(acquirer.id, merchantId, at);
    const closed = await this.store.find(acquirer.id, merchantId);
    return closed === undefined ? refused("merchant_not_found") : { ok: true, value: closed };
  }

  /** Any payer's lookup: the merchant, closed or not, under any acquirer. */
  async lookup(acquirerId: string, merchantId: string): Promise<MerchantOutcome<Merchant>> {
    if (!isMerchantId(merchantId)) return refused("merchant_not_found");
    const merchant = await this.store.find(acquirerId, merchantId);
    return merchant === undefined ? refused("merchant_not_found") : { ok: true, value: merchant };
  }

  /**
   * The merchant a payment is for, only if it can be paid now: it exists, is active, and its
   * acquirer is an active participant that may acquire. For the payment flows.
   */
  async payable(acquirerId: string, merchantId: string): Promise<MerchantOutcome<Merchant>> {
    const found = await this.lookup(acquirerId, merchantId);
    if (!found.ok) return found;
    if (found.value.status === "closed") return refused("merchant_closed");
    const acquirer = await this.participants.findParticipant(acquirerId);
    if (acquirer === undefined) return refused("merchant_not_found");
    if (!isAcquirerKind(acquirer.kind)) return refused("participant_not_acquirer");
    return acquirer.status === "active" ? found : refused("participant_inactive");
  }

  /** For the operator: the acquirer must be a participant that may acquire. */
  async listForOperator(
    acquirerId: string,
    limit: number,
    after?: MerchantCursor,
  ): Promise<MerchantOutcome<Merchant[]>> {
    const acquirer = await this.participants.findParticipant(acquirerId);
    if (acquirer === undefined) return refused("participant_not_found");
    if (!isAcquirerKind(acquirer.kind)) return refused("participant_not_acquirer");
    return { ok: true, value: await this.list(acquirerId, limit, after) };
  }
}
