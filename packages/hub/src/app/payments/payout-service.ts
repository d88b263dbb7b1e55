import { boundAccountNumber } from "../../domain/agreements/agreement-customer.ts";
import type { BankOperation } from "../../domain/bank-operations/bank-operation.ts";
import { findCurrency } from "../../domain/money/currency.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import { maskSensitiveNumber } from "../../domain/sensitive/sensitive-number-mask.ts";
import type { AgreementService } from "../agreements/agreement-service.ts";
import type { AgreementStore } from "../ports/agreement-store.ts";
import type { BankConnector } from "../ports/bank-connector.ts";
import type { BankOperationStore } from "../ports/bank-operation-store.ts";
import { type FieldSealer, sealedFieldContext } from "../ports/field-sealer.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";
import { mayStartPayments, type PaymentOutcome, replay } from "./agreement-payment-service.ts";
import type { BankOperationRunner } from "./bank-operation-runner.ts";
import { newBankOperation } from "./new-bank-operation.ts";

/** A customer's account named by its details: the number already normalised. */
export interface PayoutCreditor {
  readonly bankId: string;
  readonly name: string;
  readonly accountNumber: string;
}

/** What an institution asks to pay out: to an agreement's account, or to account details. */
export interface NewPayout {
  readonly id: string;
  readonly to: { readonly agreementId: string } | { readonly creditor: PayoutCreditor };
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly requestHash: string;
}

export type PayoutRefusal =
  | "participant_inactive"
  | "agreement_not_found"
  | "agreement_not_active"
  | "bank_not_found"
  | "sealed_data_unreadable";

type Creditor = { readonly bankId: string; readonly agreementId: string | null } & Omit<
  PayoutCreditor,
  "bankId"
>;

/**
 * Pays a customer from the institution's position: the reservation debits the institution's
 * position toward the bank's, so the ledger's own limit on the position (its net debit cap,
 * which the operator sets from the reserve funds the institution deposited) bounds what it can
 * pay out; a payout beyond it fails with `exceeds_net_debit_cap` before the bank is called.
 * The same runner as every bank operation: reserve, credit, commit, void or inquire.
 */
export class PayoutService {
  constructor(
    private readonly operations: BankOperationStore,
    private readonly agreements: AgreementStore,
    private readonly agreementService: AgreementService,
    private readonly participants: ParticipantStore,
    private readonly runner: BankOperationRunner,
    private readonly bank: BankConnector,
    private readonly sealer: FieldSealer,
    private readonly clock: () => number = Date.now,
  ) {}

  async pay(
    institution: Participant,
    request: NewPayout,
  ): Promise<PaymentOutcome | { readonly ok: false; readonly code: PayoutRefusal }> {
    const existing = await this.operations.find(institution.id, request.id);
    if (existing !== undefined) return this.retried(existing, request);
    if (!mayStartPayments(institution)) return { ok: false, code: "participant_inactive" };
    const creditor = await this.creditor(institution, request.to);
    if ("code" in creditor) return { ok: false, code: creditor.code };
    const operation = await this.runner.priced(this.newCredit(institution, request, creditor));
    const inserted = await this.operations.insert(operation);
    if (!inserted.ok) throw new Error(`an uncapped payout was refused: ${inserted.code}`);
    if (!inserted.created) return this.retried(inserted.operation, request);
    const currency = findCurrency(operation.currency);
    if (currency === undefined) throw new Error(`currency ${operation.currency} vanished`);
    const settled = await this.runner.run(inserted.operation, (endpoint, options) =>
      this.bank.credit(
        endpoint,
        {
          transactionId: operation.transactionId,
          paymentInstitutionId: institution.id,
          creditor: { accountNumber: creditor.accountNumber, name: creditor.name },
          amountMinor: operation.amountMinor,
          currency,
        },
        options,
      ),
    );
    return { ok: true, operation: settled, created: true };
  }

  /** A retry names the same account: compared opened, never hashed (a hash can be reversed). */
  private retried(stored: BankOperation, request: NewPayout): PaymentOutcome {
    if ("creditor" in request.to) {
      const opened =
        stored.sealedCreditor === null
          ? undefined
          : this.sealer.open(stored.sealedCreditor, creditorContext(stored));
      const account = opened?.ok ? JSON.parse(opened.plaintext).accountNumber : undefined;
      if (account !== request.to.creditor.accountNumber) {
        return { ok: false, code: "idempotency_key_reused" };
      }
    }
    return replay(stored, request);
  }

  private async creditor(
    institution: Participant,
    to: NewPayout["to"],
  ): Promise<Creditor | { readonly code: PayoutRefusal }> {
    if ("creditor" in to) {
      const bank = await this.participants.findParticipant(to.creditor.bankId);
      if (bank?.kind !== "bank" || bank.status !== "active") return { code: "bank_not_found" };
      return { ...to.creditor, agreementId: null };
    }
    const agreement = await this.agreements.find(institution.id, to.agreementId);
    if (agreement === undefined) return { code: "agreement_not_found" };
    if (agreement.state !== "active") return { code: "agreement_not_active" };
    const customer = this.agreementService.openCustomer(agreement);
    if (customer === "unreadable") return { code: "sealed_data_unreadable" };
    return {
      bankId: agreement.bankId,
      agreementId: agreement.id,
      name: customer.holderName,
      accountNumber: boundAccountNumber(customer),
    };
  }

  private newCredit(
    institution: Participant,
    request: NewPayout,
    creditor: Creditor,
  ): BankOperation {
    const context = creditorContext({ paymentInstitutionId: institution.id, id: request.id });
    const named = { name: creditor.name, accountNumber: creditor.accountNumber };
    return newBankOperation(
      {
        paymentInstitutionId: institution.id,
        id: request.id,
        kind: "credit",
        bankId: creditor.bankId,
        agreementId: creditor.agreementId,
        originalId: null,
        amountMinor: request.amountMinor,
        currency: request.currency,
        requestHash: request.requestHash,
        sealedCreditor: this.sealer.seal(JSON.stringify(named), context),
        maskedCreditor: {
          name: creditor.name,
          accountNumber: maskSensitiveNumber("bank_account_number", creditor.accountNumber),
        },
      },
      this.clock(),
      this.runner.timings.callGraceMs,
    );
  }
}

function creditorContext(key: { paymentInstitutionId: string; id: string }): string {
  return sealedFieldContext("bank_operations", "creditor", `${key.paymentInstitutionId}:${key.id}`);
}
