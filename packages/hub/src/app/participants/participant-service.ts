import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { AccountKind } from "../../domain/ledger/account.ts";
import { isKnownCurrency } from "../../domain/money/currency.ts";
import {
  checkStatusChange,
  isParticipantIdValid,
  isParticipantNameValid,
  type Participant,
  type ParticipantKind,
  type ParticipantStatus,
} from "../../domain/participant/participant.ts";
import type { AccountBalances } from "../ports/ledger-store.ts";
import type {
  NewAccount,
  ParticipantFilter,
  ParticipantStore,
  ReserveCapStore,
} from "../ports/participant-store.ts";
import { participantAuditRecords, shownAmount } from "./participant-audit.ts";

/** Types and limits of what this use-case answers, for the HTTP layer that shows them. */
export type { AccountBalances } from "../ports/ledger-store.ts";

export type ParticipantErrorCode =
  | "participant_id_invalid"
  | "participant_name_invalid"
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
  | "participant_terminated"
  | "reserve_cap_factor_invalid"
  | "reserve_cap_rule_not_found"
  | "net_debit_cap_follows_reserve";

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

export const operatorParticipantId = "operator";
const participantAccountKinds: readonly AccountKind[] = ["position", "settlement", "fee"];
const participantPageSizeMax = 500;

export function fail<T>(code: ParticipantErrorCode): Outcome<T> {
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

/**
 * Operator use-cases for participants: onboarding, status and caps set by hand (settlement funds
 * and caps that follow them are FundsService's). Each
 * change names the operator who asked for it and is recorded in the audit log.
 */
export class ParticipantService {
  private readonly reconciliationAccounts = new Map<string, AccountBalances>();

  constructor(
    private readonly store: ParticipantStore & ReserveCapStore,
    private readonly clock: () => number = Date.now,
    /** Told after a status change, so signers held in memory are read again at once. */
    private readonly onSignersChanged: () => void = () => {},
  ) {}

  private readonly record = participantAuditRecords(() => this.clock());

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

  async register(input: NewParticipant, actor: AuditActor): Promise<Outcome<Participant>> {
    if (!isParticipantIdValid(input.id)) return fail("participant_id_invalid");
    if (!isParticipantNameValid(input.name)) return fail("participant_name_invalid");
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
    const audit = this.record(actor, "participant.create", id, {
      name,
      kind,
      currencies: input.currencies.map((holding) => ({
        currency: holding.currency,
        netDebitCap: shownAmount(holding.netDebitCap, holding.currency),
      })),
    });
    const created = await this.store.createParticipant(participant, accounts, audit);
    return created ? { ok: true, value: participant } : fail("participant_exists");
  }

  async find(
    id: string,
  ): Promise<Outcome<{ participant: Participant; accounts: AccountBalances[] }>> {
    const participant = await this.store.findParticipant(id);
    if (participant === undefined) return fail("participant_not_found");
    return { ok: true, value: { participant, accounts: await this.store.listAccounts(id) } };
  }

  list(limit: number, afterId?: string, filter: ParticipantFilter = {}): Promise<Participant[]> {
    return this.store.listParticipants(
      Math.min(Math.max(limit, 1), participantPageSizeMax),
      afterId,
      filter,
    );
  }

  /** A page of participants with their accounts, read in two queries. */
  async listWithAccounts(
    limit: number,
    afterId?: string,
    filter: ParticipantFilter = {},
  ): Promise<{ participant: Participant; accounts: AccountBalances[] }[]> {
    const participants = await this.list(limit, afterId, filter);
    const accounts = await this.store.listAccountsOf(participants.map(({ id }) => id));
    return participants.map((participant) => ({
      participant,
      accounts: accounts.filter((account) => account.participantId === participant.id),
    }));
  }

  async changeStatus(
    id: string,
    status: ParticipantStatus,
    actor: AuditActor,
  ): Promise<Outcome<Participant>> {
    const participant = await this.store.findParticipant(id);
    if (participant === undefined) return fail("participant_not_found");
    // The operator owns the reconciliation accounts every deposit and withdrawal uses.
    if (participant.kind === "operator") return fail("operator_status_fixed");
    const check = checkStatusChange(participant.status, status);
    if (check !== "ok") return fail(check);
    // Conditional on the status we checked, so a racing change cannot revive a terminated participant.
    const audit = this.record(actor, "participant.status_change", id, {
      from: participant.status,
      to: status,
    });
    const changed = await this.store.setStatus(id, participant.status, status, audit);
    if (!changed) return fail("status_changed_concurrently");
    this.onSignersChanged();
    return { ok: true, value: { ...participant, status } };
  }

  /** A participant's accounts with their balances; none for an unknown participant. */
  listAccounts(id: string): Promise<AccountBalances[]> {
    return this.store.listAccounts(id);
  }

  async addCurrency(
    id: string,
    holding: CurrencyHolding,
    actor: AuditActor,
  ): Promise<Outcome<AccountBalances[]>> {
    const participant = await this.store.findParticipant(id);
    if (participant === undefined) return fail("participant_not_found");
    if (participant.status === "terminated") return fail("participant_terminated");
    if (!isKnownCurrency(holding.currency)) return fail("currency_unknown");
    if ((await this.store.findAccount(id, holding.currency, "position")) !== undefined) {
      return fail("currency_held");
    }
    await this.ensureOperatorCurrencies([holding.currency]);
    const audit = this.record(actor, "participant.currency_add", id, {
      currency: holding.currency,
      netDebitCap: shownAmount(holding.netDebitCap, holding.currency),
    });
    await this.store.addAccounts(accountsFor(id, holding, participantAccountKinds), audit);
    return { ok: true, value: await this.store.listAccounts(id) };
  }

  /**
   * The cap a new one is compared with, refusing what setting one would refuse: a raise needs a
   * second operator's approval, a cut does not. Null: the position has no cap.
   */
  async netDebitCap(id: string, currency: string): Promise<Outcome<bigint | null>> {
    const participant = await this.store.findParticipant(id);
    if (participant === undefined) return fail("participant_not_found");
    if (participant.status === "terminated") return fail("participant_terminated");
    const position = await this.store.findAccount(id, currency, "position");
    if (position === undefined) return fail("currency_not_held");
    if ((await this.store.findReserveCapRule(id, currency)) !== undefined) {
      return fail("net_debit_cap_follows_reserve");
    }
    return { ok: true, value: position.debitLimit };
  }

  async setNetDebitCap(
    id: string,
    holding: CurrencyHolding,
    actor: AuditActor,
  ): Promise<Outcome<AccountBalances>> {
    const participant = await this.store.findParticipant(id);
    if (participant === undefined) return fail("participant_not_found");
    if (participant.status === "terminated") return fail("participant_terminated");
    const position = await this.store.findAccount(id, holding.currency, "position");
    if (position === undefined) return fail("currency_not_held");
    // The rule would overwrite a cap set by hand at the next movement of funds: say so now.
    if ((await this.store.findReserveCapRule(id, holding.currency)) !== undefined) {
      return fail("net_debit_cap_follows_reserve");
    }
    const previous = position.debitLimit;
    const audit = this.record(actor, "participant.net_debit_cap_set", id, {
      currency: holding.currency,
      netDebitCap: shownAmount(holding.netDebitCap, holding.currency),
      previous: previous === null ? null : shownAmount(previous, holding.currency),
    });
    await this.store.setDebitLimit(position.id, holding.netDebitCap, audit);
    return { ok: true, value: { ...position, debitLimit: holding.netDebitCap } };
  }

  /**
   * The id of the operator's account of `kind` in the currency (where fees are credited),
   * opening the operator's accounts in the currency first if it holds none yet.
   */
  async operatorAccountId(currency: string, kind: AccountKind): Promise<number> {
    await this.ensureOperatorCurrencies([currency]);
    const account = await this.store.findAccount(operatorParticipantId, currency, kind);
    if (account === undefined) throw new Error(`operator has no ${currency} ${kind} account`);
    return account.id;
  }

  /**
   * The operator's reconciliation account in the currency (the hub's own bank account), opened
   * first if need be. These never change once opened, so each is looked up once per process.
   */
  async reconciliationAccount(currency: string): Promise<AccountBalances> {
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
