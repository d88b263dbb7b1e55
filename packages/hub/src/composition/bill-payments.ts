import type { FeePostings } from "../app/fees/fee-postings.ts";
import { PositionAccounts } from "../app/participants/position-accounts.ts";
/**
 * Bill payments, assembled for the composition root: the store on the hub's database, the
 * posting runner (the operation runner with the posting kind) behind the biller admission
 * gate, the channel's use-case and the billers' reversal notices. The posting kind is handed
 * to the hub's one status-inquiry job with the bank operations' kind.
 */

import type { Database } from "../adapters/store/database.ts";
import { KyselyBillPaymentStore } from "../adapters/store/kysely-bill-payment-store.ts";
import { BillPaymentService } from "../app/bill-payments/bill-payment-service.ts";
import {
  type BillPostingTimings,
  billPostingTimingsDefaults,
} from "../app/bill-payments/bill-posting-kind.ts";
import { BillPostingRunner } from "../app/bill-payments/bill-posting-runner.ts";
import { BillReversalNotices } from "../app/bill-payments/bill-reversal-notices.ts";
import { postingAdmission } from "../app/bill-payments/posting-admission.ts";
import type { QuotedBillLookup } from "../app/bill-payments/quoted-bills.ts";
import type { BillerAdmissionGate } from "../app/billers/biller-admission-gate.ts";
import type { BillerRegistry } from "../app/billers/biller-registry.ts";
import type { EndpointChoice } from "../app/calls/operation-runner.ts";
import { type InquiredKind, inquiredKind, onOwnClock } from "../app/calls/status-inquiry.ts";
import type { ChannelPermission } from "../app/channels/channel-suspension-service.ts";
import type { GroupCommit } from "../app/ledger/group-commit.ts";
import type { BillerConnector } from "../app/ports/biller-connector.ts";
import type { EndpointGuard } from "../app/ports/endpoint-guard.ts";
import type { FieldSealer } from "../app/ports/field-sealer.ts";
import type { LedgerStore } from "../app/ports/ledger-store.ts";
import type { NoticeLog } from "../app/ports/notice-log.ts";
import type { ParticipantCallLog } from "../app/ports/participant-call-log.ts";
import type { ParticipantStore } from "../app/ports/participant-store.ts";
import { isBillPaymentSettled } from "../domain/bill-payments/bill-payment.ts";

export interface BillPaymentParts {
  readonly billPostings: BillPostingRunner;
  readonly billPayments: BillPaymentService;
  readonly billReversalNotices: BillReversalNotices;
}

export interface BillPaymentDependencies {
  readonly database: Database;
  readonly participants: ParticipantStore;
  readonly ledger: GroupCommit;
  /** Where a payment's retry finds the money it moved before a crash. */
  readonly transfers: Pick<LedgerStore, "findTransfer">;
  readonly sealer: FieldSealer;
  /** The fee a channel is charged with each payment's clearing. */
  readonly fees: FeePostings;
  readonly billers: BillerRegistry;
  readonly gate: Pick<BillerAdmissionGate<unknown>, "admit">;
  readonly connector: BillerConnector;
  readonly endpointFor: (billerId: string) => Promise<EndpointChoice>;
  readonly quotedBills: (channelId: string, billRef: string) => Promise<QuotedBillLookup>;
  readonly channels: ChannelPermission;
  /** Told of each payment let through a suspension by its honour policy (counted). */
  readonly onHonoured: (channelId: string) => void;
  readonly guard: EndpointGuard;
  readonly callLog: ParticipantCallLog;
  readonly notices: NoticeLog;
  readonly timings?: Partial<BillPostingTimings> | undefined;
  readonly clock?: (() => number) | undefined;
  readonly onJobError: (job: string, error: unknown) => void;
}

export function composeBillPayments(deps: BillPaymentDependencies): {
  parts: BillPaymentParts;
  inquired: InquiredKind;
} {
  const clock = deps.clock ?? Date.now;
  const store = new KyselyBillPaymentStore(deps.database.kysely, deps.database.dialect);
  const postings = new BillPostingRunner(
    {
      store,
      connector: deps.connector,
      endpointFor: deps.endpointFor,
      admit: postingAdmission(deps.gate, deps.billers),
      ledger: deps.ledger,
      participants: deps.participants,
      sealer: deps.sealer,
      timings: { ...billPostingTimingsDefaults, ...deps.timings },
    },
    deps.guard,
    deps.callLog,
    clock,
  );
  const billPayments = new BillPaymentService(
    store,
    deps.billers,
    deps.quotedBills,
    deps.channels,
    new PositionAccounts(deps.participants),
    deps.ledger,
    deps.transfers,
    deps.sealer,
    postings,
    {
      clock,
      onPostingError: (error) => deps.onJobError("bill posting", error),
      onHonoured: (payment) => deps.onHonoured(payment.channelId),
    },
    deps.fees,
  );
  return {
    parts: {
      billPostings: postings,
      billPayments,
      billReversalNotices: new BillReversalNotices(store, postings, deps.notices, clock),
    },
    inquired: onOwnClock(
      inquiredKind("bill_payment", store, postings, (payment) =>
        isBillPaymentSettled(payment.state),
      ),
      clock,
    ),
  };
}
