import type { BankOperation } from "../../domain/bank-operations/bank-operation.ts";
import type { BankOperationStore } from "../ports/bank-operation-store.ts";

/** A payment institution's own bank operations, found by the id it gave them. */
export class BankOperationLookup {
  constructor(private readonly operations: Pick<BankOperationStore, "find">) {}

  /** Undefined for an id the institution never used: another's operation is never shown. */
  find(paymentInstitutionId: string, id: string): Promise<BankOperation | undefined> {
    return this.operations.find(paymentInstitutionId, id);
  }
}
