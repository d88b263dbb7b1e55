import { camt053StatementWriter } from "../adapters/iso20022/daily-statement-camt053-writer.ts";
import type { Database } from "../adapters/store/database.ts";
import { KyselyReconciliationStore } from "../adapters/store/kysely-reconciliation-store.ts";
import { KyselyStatementStore } from "../adapters/store/kysely-statement-store.ts";
import type { StatusInquiry } from "../app/calls/status-inquiry.ts";
import type { LedgerReader } from "../app/ledger/ledger-reader.ts";
import type { OperatorTransferService } from "../app/ledger/operator-transfer-service.ts";
import type { ParticipantStore } from "../app/ports/participant-store.ts";
import { ReconciliationService } from "../app/reconciliation/reconciliation-service.ts";
import { csvStatementWriter } from "../app/reconciliation/statement-writer.ts";
import {
  type BusinessDayConfig,
  businessDayDefaults,
} from "../domain/reconciliation/business-day.ts";

export interface ReconciliationParts {
  /** Daily statements, the match of participants' records, and breaks' resolution. */
  readonly reconciliation: ReconciliationService;
}

export function composeReconciliation(
  database: Database,
  deps: {
    readonly participantStore: Pick<ParticipantStore, "findParticipant">;
    readonly ledgerReader: Pick<LedgerReader, "findTransfer">;
    readonly operatorTransfers: Pick<OperatorTransferService, "submit">;
    readonly businessDay?: BusinessDayConfig | undefined;
    /** Settles the day's unknown operations before a match; absent, they are only listed. */
    readonly inquiry?: Pick<StatusInquiry, "takeUpEach"> | undefined;
    readonly clock?: (() => number) | undefined;
  },
): ReconciliationParts {
  return {
    reconciliation: new ReconciliationService({
      statements: new KyselyStatementStore(database.kysely),
      store: new KyselyReconciliationStore(database),
      participantExists: async (id) =>
        (await deps.participantStore.findParticipant(id)) !== undefined,
      ledger: deps.ledgerReader,
      operatorTransfers: deps.operatorTransfers,
      businessDay: deps.businessDay ?? businessDayDefaults,
      writers: { csv: csvStatementWriter, camt053: camt053StatementWriter },
      inquiry: deps.inquiry,
      clock: deps.clock,
    }),
  };
}
