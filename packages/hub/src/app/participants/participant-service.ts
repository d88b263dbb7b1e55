import type { AccountKind } from "../../domain/ledger/account.ts";
import type { TransferResultCode } from "../../domain/ledger/result-code.ts";
import { isKnownCurrency } from "../../domain/money/currency.ts";
import {
  checkStatusChange,
  isParticipantIdValid,
  type Participant,
  type ParticipantKind,
  type ParticipantStatus,
} from "../../domain/participant/participant.ts";
import type { GroupCommit } from "../ledger/group-commit.ts";
import type { AccountBalances } from "../ports/ledger-store.ts";
import type { NewAccount, ParticipantStore } from "../ports/participant-store.ts";

export type ParticipantErrorCode =
  | "participant_id_invalid"
  | "participant_exists"
  | "participant_not_found"
  | "operator_kind_reserved"
  | "currency_unknown"
  | "currency_not_held"
  | "currency_duplicate"
  | "currency_held"
  | "status_unchanged"
  | "status_changed_concurrently"
  | "operator_status_fixed"
  | "participant_terminated";

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: ParticipantErrorCode };

export interface CurrencyHolding {
  readonly currency: string;
  /** Minor units; zero means the participant can receive but not owe. */
  readonly netDebitCap: bigint;
}

export interface NewParticipant {
  readonly id: string;
  readonly name: string;
  readonly kind: Exclude<ParticipantKind, "operator">;
  readonly currencies: readonly CurrencyHolding[];
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

export const operatorParticipantId = "operator";
const participantAccountKinds: readonly AccountKind[] = ["position", "settlement", "fee"];
const participantPageSizeMax = 500;

function fail<T>(code: ParticipantErrorCode): Outcome<T> {
  return { ok: false, code };
}

function accountsFor(
  participantId: string,
  holding: CurrencyHolding,
  kinds: readonly AccountKind[],
): NewAccount[] {
  return kinds.map((kind) => ({
    participantId,
    kind,
    currency: holding.currency,
    // A position may owe up to its cap; deposited funds cannot be overdrawn; fees are unbounded.
    debitLimit: kind === "position" ? holding.netDebitCap : kind === "settlement" ? 0n : null,
  }));
}

/** Operator use-cases for participants: onboarding, status, caps and settlement funds. */
export class ParticipantService {
  private readonly reconciliationAccounts = new Map<string, AccountBalances>();

  constructor(
    private readonly store: ParticipantStore,
    private readonly ledger: GroupCommit,
    private readonly clock: () => number = Date.now,
    /** Told after a status change, so signers held in memory are read again at once. */
    private readonly onSignersChanged: () => void = () => {},
  ) {}

  /** The operator participant exists from the first start; it owns the reconciliation accounts. */
  async ensureOperator(name = "Hub operator"): Promise<Participant> {
    const existing = await this.store.findOperator();
    if (existing !== undefined) return existing;
    const operator: Participant = {
      id: operatorParticipantId,
      name,
      kind: "operator",
      status: "active",
      createdAt: this.clock(),
    };
    await this.store.createParticipant(operator, []);
    return operator;
  }

  async register(input: NewParticipant): Promise<Outcome<Participant>> {
    if (!isParticipantIdValid(input.id)) return fail("participant_id_invalid");
    if ((input.kind as ParticipantKind) === "operator") return fail("operator_kind_reserved");
    if (!input.currencies.every((holding) => isKnownCurrency(holding.currency))) {
      return fail("currency_unknown");
    }
    if (
      new Set(input.currencies.map((holding) => holding.currency)).size !== input.currencies.length
    ) {
      return fail("currency_duplicate");
    }
    const { id, name, kind } = input;
    const participant: Participant = { id, name, kind, status: "active", createdAt: this.clock() };
    const accounts = input.currencies.flatMap((holding) =>
      accountsFor(input.id, holding, participantAccountKinds),
    );
    await this.ensureOperatorCurrencies(input.currencies.map((holding) => holding.currency));
    const created = await this.store.createParticipant(participant, accounts);
    return created ? { ok: true, value: participant } : fail("participant_exists");
  }

  async find(
    id: string,
  ): Promise<Outcome<{ participant: Participant; accounts: AccountBalances[] }>> {
    const participant = await this.store.findParticipant(id);
    if (participant === undefined) return fail("participant_not_found");
    return { ok: true, value: { participant, accounts: await this.store.listAccounts(id) } };
  }

  list(limit: number, afterId?: string): Promise<Participant[]> {
    return this.store.listParticipants(
      Math.min(Math.max(limit, 1), participantPageSizeMax),
      afterId,
    );
  }

  async changeStatus(id: string, status: ParticipantStatus): Promise<Outcome<Participant>> {
    const participant = await this.store.findParticipant(id);
    if (participant === undefined) return fail("participant_not_found");
    // The operator owns the reconciliation accounts every deposit and withdrawal uses.
    if (participant.kind === "operator") return fail("operator_status_fixed");
    const check = checkStatusChange(participant.status, status);
    if (check !== "ok") return fail(check);
    // Conditional on the status we checked, so a racing change cannot revive a terminated participant.
    const changed = await this.store.setStatus(id, participant.status, status);
    if (!changed) return fail("status_changed_concurrently");
    this.onSignersChanged();
    return { ok: true, value: { ...participant, status } };
  }

  async addCurrency(id: string, holding: CurrencyHolding): Promise<Outcome<AccountBalances[]>> {
    const participant = await this.store.findParticipant(id);
    if (participant === undefined) return fail("participant_not_found");
    if (participant.status === "terminated") return fail("participant_terminated");
    if (!isKnownCurrency(holding.currency)) return fail("currency_unknown");
    if ((await this.store.findAccount(id, holding.currency, "position")) !== undefined) {
      return fail("currency_held");
    }
    await this.ensureOperatorCurrencies([holding.currency]);
    await this.store.addAccounts(accountsFor(id, holding, participantAccountKinds));
    return { ok: true, value: await this.store.listAccounts(id) };
  }

  async setNetDebitCap(id: string, holding: CurrencyHolding): Promise<Outcome<AccountBalances>> {
    const participant = await this.store.findParticipant(id);
    if (participant === undefined) return fail("participant_not_found");
    if (participant.status === "terminated") return fail("participant_terminated");
    const position = await this.store.findAccount(id, holding.currency, "position");
    if (position === undefined) return fail("currency_not_held");
    await this.store.setDebitLimit(position.id, holding.netDebitCap);
    return { ok: true, value: { ...position, debitLimit: holding.netDebitCap } };
  }

  /**
   * Deposits into or withdrawals from a settlement account, booked against the operator's
   * reconciliation account in the same currency (the hub's own bank account).
   */
  async moveFunds(movement: FundsMovement): Promise<Outcome<TransferResultCode>> {
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
    });
    return { ok: true, value: result };
  }

  /** Reconciliation accounts never change once opened, so each is looked up once per process. */
  private async reconciliationAccount(currency: string): Promise<AccountBalances> {
    await this.ensureOperatorCurrencies([currency]);
    const account = this.reconciliationAccounts.get(currency);
    if (account === undefined)
      throw new Error(`operator has no ${currency} reconciliation account`);
    return account;
  }

  /** Opens the operator's accounts in currencies it does not hold yet, and remembers them. */
  private async ensureOperatorCurrencies(currencies: readonly string[]): Promise<void> {
    const unknown = [...new Set(currencies)].filter((c) => !this.reconciliationAccounts.has(c));
    if (unknown.length === 0) return;
    const operator = await this.ensureOperator();
    const find = (currency: string) =>
      this.store.findAccount(operator.id, currency, "reconciliation");
    for (const currency of unknown) {
      let account = await find(currency);
      if (account === undefined) {
        const holding = { currency, netDebitCap: 0n };
        await this.store.addAccounts(
          accountsFor(operator.id, holding, [...participantAccountKinds, "reconciliation"]),
        );
        account = await find(currency);
      }
      if (account !== undefined) this.reconciliationAccounts.set(currency, account);
    }
  }
}
