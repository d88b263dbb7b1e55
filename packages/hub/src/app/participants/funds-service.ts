import { createHash } from "node:crypto";
import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import { formatReserveCapFactor, isReserveCapFactorBps } from "../../domain/ledger/reserve-cap.ts";
import type { TransferResultCode } from "../../domain/ledger/result-code.ts";
import type { TransferDetail } from "../../domain/ledger/transfer.ts";
import { isKnownCurrency } from "../../domain/money/currency.ts";
import type { GroupCommit } from "../ledger/group-commit.ts";
import type { AuditLogStore } from "../ports/audit-log-store.ts";
import type { AccountBalances } from "../ports/ledger-store.ts";
import type { ParticipantStore, ReserveCapStore } from "../ports/participant-store.ts";
import { participantAuditRecords, shownAmount } from "./participant-audit.ts";
import { fail, type Outcome, operatorParticipantId } from "./participant-service.ts";

/** A position whose cap follows the reserve, as the rule left it. */
export interface ReserveCapStanding {
  /** Basis points (15000 = 1.5×); null once the rule is cleared. */
  readonly factorBps: number | null;
  readonly netDebitCap: bigint | null;
}

export interface FundsMovement {
  /** The client's id of the movement; it becomes the ledger transfer id, so retries are safe. */
  readonly transferId: string;
  readonly participantId: string;
  readonly direction: "in" | "out";
  readonly currency: string;
  readonly amount: bigint;
  readonly reference?: string | undefined;
}

/**
 * The parties of a funds movement, kept beside it as a participant's own transfers are, so that
 * searches by participant find deposits and withdrawals through the same index. The hash tells
 * a participant reusing the movement's id apart from a true retry, as for its own requests.
 */
function fundsDetail(movement: FundsMovement): TransferDetail {
  const inbound = movement.direction === "in";
  const hashed = JSON.stringify([
    movement.participantId,
    movement.direction,
    movement.currency,
    movement.amount.toString(),
    movement.reference ?? null,
  ]);
  return {
    initiatorId: operatorParticipantId,
    payerId: inbound ? operatorParticipantId : movement.participantId,
    payeeId: inbound ? movement.participantId : operatorParticipantId,
    requestHash: createHash("sha256").update(hashed, "utf8").digest("base64url"),
    sealedParties: null,
  };
}

/**
 * Operator use-cases for participants' settlement funds: deposits and withdrawals, and net debit
 * caps that follow the reserve they leave. Each change names the operator who asked for it and
 * is recorded in the audit log.
 */
export class FundsService {
  constructor(
    private readonly store: ParticipantStore & ReserveCapStore,
    private readonly ledger: GroupCommit,
    private readonly audit: AuditLogStore,
    /** The operator's reconciliation account in a currency, the other side of every movement. */
    private readonly reconciliationAccount: (currency: string) => Promise<AccountBalances>,
    private readonly clock: () => number = Date.now,
  ) {}

  private readonly record = participantAuditRecords(() => this.clock());

  /**
   * Deposits into or withdrawals from a settlement account, booked against the operator's
   * reconciliation account in the same currency (the hub's own bank account).
   */
  async moveFunds(
    movement: FundsMovement,
    actor: AuditActor,
  ): Promise<Outcome<TransferResultCode>> {
    const settlement = await this.store.findAccount(
      movement.participantId,
      movement.currency,
      "settlement",
    );
    if (settlement === undefined) {
      const participant = await this.store.findParticipant(movement.participantId);
      return fail(participant === undefined ? "participant_not_found" : "currency_not_held");
    }
    const reconciliation = await this.reconciliationAccount(movement.currency);
    const inbound = movement.direction === "in";
    const result = await this.ledger.submitOne({
      kind: "posted",
      id: movement.transferId,
      debitAccountId: inbound ? reconciliation.id : settlement.id,
      creditAccountId: inbound ? settlement.id : reconciliation.id,
      amount: movement.amount,
      currency: movement.currency,
      reference: movement.reference,
      detail: fundsDetail(movement),
    });
    // A replay (`exists`) re-sets too: its first attempt may have stopped before doing so.
    const netDebitCap =
      result === "ok" || result === "exists"
        ? await this.store.followReserve(movement.participantId, movement.currency)
        : undefined;
    await this.recordFundsMovement(movement, result, actor, netDebitCap);
    return { ok: true, value: result };
  }

  /**
   * What setting a reserve-following cap would refuse at once, before four eyes are asked for
   * it: the participant, its currency, and the factor's bounds.
   */
  async checkReserveCap(
    id: string,
    currency: string,
    factorBps: number,
  ): Promise<Outcome<ReserveCapStanding>> {
    if (!isReserveCapFactorBps(factorBps)) return fail("reserve_cap_factor_invalid");
    const participant = await this.store.findParticipant(id);
    if (participant === undefined) return fail("participant_not_found");
    if (participant.status === "terminated") return fail("participant_terminated");
    if (!isKnownCurrency(currency)) return fail("currency_unknown");
    const position = await this.store.findAccount(id, currency, "position");
    if (position === undefined) return fail("currency_not_held");
    const rule = await this.store.findReserveCapRule(id, currency);
    return {
      ok: true,
      value: { factorBps: rule?.factorBps ?? null, netDebitCap: position.debitLimit },
    };
  }

  /**
   * Makes the position's net debit cap follow the reserve: cap = ⌊reserve × factor⌋, set now
   * and again each time the settlement account's funds move (deposits, withdrawals, settlement
   * legs). Like a cap raise, it needs four eyes; the API asks for them.
   */
  async setReserveCap(
    id: string,
    currency: string,
    factorBps: number,
    actor: AuditActor,
  ): Promise<Outcome<ReserveCapStanding>> {
    const checked = await this.checkReserveCap(id, currency, factorBps);
    if (!checked.ok) return checked;
    const previous = checked.value;
    const netDebitCap = await this.store.setReserveCapRule(
      { participantId: id, currency, factorBps },
      this.clock(),
      (cap) =>
        this.record(actor, "participant.reserve_cap_set", id, {
          currency,
          factor: formatReserveCapFactor(factorBps),
          previousFactor:
            previous.factorBps === null ? null : formatReserveCapFactor(previous.factorBps),
          netDebitCap: shownAmount(cap, currency),
          previous:
            previous.netDebitCap === null ? null : shownAmount(previous.netDebitCap, currency),
        }),
    );
    return { ok: true, value: { factorBps, netDebitCap } };
  }

  /** Per participant, the factor (basis points) of each currency whose cap follows its reserve. */
  async reserveCaps(ids: readonly string[]): Promise<Map<string, Map<string, number>>> {
    const byParticipant = new Map<string, Map<string, number>>(ids.map((id) => [id, new Map()]));
    for (const rule of await this.store.listReserveCapRules(ids)) {
      byParticipant.get(rule.participantId)?.set(rule.currency, rule.factorBps);
    }
    return byParticipant;
  }

  /** Stops the cap following the reserve; the cap stays where the rule last set it. */
  async clearReserveCap(
    id: string,
    currency: string,
    actor: AuditActor,
  ): Promise<Outcome<ReserveCapStanding>> {
    const participant = await this.store.findParticipant(id);
    if (participant === undefined) return fail("participant_not_found");
    const position = await this.store.findAccount(id, currency, "position");
    if (position === undefined) return fail("currency_not_held");
    const rule = await this.store.findReserveCapRule(id, currency);
    if (rule === undefined) return fail("reserve_cap_rule_not_found");
    const audit = this.record(actor, "participant.reserve_cap_clear", id, {
      currency,
      factor: formatReserveCapFactor(rule.factorBps),
    });
    const cleared = await this.store.clearReserveCapRule(id, currency, audit);
    if (!cleared) return fail("reserve_cap_rule_not_found");
    const after = await this.store.findAccount(id, currency, "position");
    return { ok: true, value: { factorBps: null, netDebitCap: after?.debitLimit ?? null } };
  }

  /**
   * The ledger commits transfers in batches shared by many callers, so the movement cannot be
   * audited in its transaction: it is recorded right after, when it applied (a replay that
   * answers `exists` moved nothing). A crash in between leaves the transfer in the ledger, and
   * in its own hash-chained journal, without an audit entry. The reference is free text and
   * stays out of the log; the transfer id leads to it.
   */
  private async recordFundsMovement(
    movement: FundsMovement,
    result: TransferResultCode,
    actor: AuditActor,
    netDebitCap: bigint | undefined,
  ): Promise<void> {
    if (result !== "ok") return;
    await this.audit.append(
      this.record(actor, "participant.funds_move", movement.participantId, {
        transferId: movement.transferId,
        direction: movement.direction,
        amount: shownAmount(movement.amount, movement.currency),
        currency: movement.currency,
        result,
        // The cap the reserve rule re-set it to, when one applies.
        ...(netDebitCap === undefined
          ? {}
          : { netDebitCap: shownAmount(netDebitCap, movement.currency) }),
      }),
    );
  }
}
