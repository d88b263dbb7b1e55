import {
  balanceTree,
  checkEntryTotals,
  checkStatementAccount,
  type EntryTotals,
  hubTransactionCodeTree,
  type StatementAccountInput,
  statementAccountTree,
  type TreeResult,
  transactionsSummaryTree,
} from "./camt053-statement-parts.ts";
import { isoAmount } from "./iso-amount.ts";
import { checkIsoTexts, isIsoDate, isoDateTime, isoIdLengthMax } from "./iso-text.ts";
import { type IsoWriteRefused, type IsoWriteResult, refused } from "./iso-write-result.ts";
import { settlementLegEndToEndId } from "./settlement-leg-pacs009.ts";
import { writeIsoDocument } from "./xml-document.ts";
import type { XmlTree } from "./xml-tree.ts";

/**
 * A participant's camt.053.001.08 statement of its position account for one settlement window.
 * A window clears thousands of transfers, so their detail belongs to the daily statement; this
 * one summarises the window in at most three entries:
 *
 * - WINDOW-RECEIVED: one credit batch entry, gross received (`Btch/NbOfTxs` transfers if known);
 * - WINDOW-SENT: one debit batch entry, gross sent (`Btch/NbOfTxs` transfers if known);
 * - SETTLEMENT: the settlement leg, when given, quoting the pacs.009's end-to-end id.
 *
 * A gross flow of zero writes no entry. The closing balance is computed here (opening +
 * received − sent + leg), so the statement always adds up; Stmt/Id is the window and participant,
 * the same text as the leg's end-to-end id.
 */

export interface WindowStatementCamt053Input extends StatementAccountInput {
  /** Unique per message, at most 35 characters. */
  readonly messageId: string;
  /** When the message was created (epoch ms), from the injected clock. */
  readonly createdAt: number;
  readonly windowId: string;
  /** The window's cut-offs (epoch ms): when it opened and when it closed. */
  readonly openedAt: number;
  readonly closedAt: number;
  /** The business day the window settles on (value date of its entries), YYYY-MM-DD. */
  readonly settlementDate: string;
  /** The position account's balance when the window opened (credits − debits, minor units). */
  readonly openingBalanceMinor: bigint;
  /** Gross received: what transfers credited the participant in the window. */
  readonly received: WindowFlow;
  /** Gross sent: what transfers debited the participant in the window. */
  readonly sent: WindowFlow;
  readonly settlementLeg?: SettlementLegEntryInput | undefined;
}

/**
 * One direction of a window's flows. Net positions come from position balances at the window's
 * two ends, which give sums but not counts; a count is written only when the caller has one.
 */
export interface WindowFlow {
  /** Gross sum in minor units, not negative. */
  readonly sumMinor: bigint;
  /** How many transfers make up the sum: `Btch/NbOfTxs`. */
  readonly transferCount?: number | undefined;
}

export interface SettlementLegEntryInput {
  /** Positive when the leg credits the position account (the participant paid in). Not 0. */
  readonly positionCreditMinor: bigint;
  /** When the hub booked the leg (epoch ms). */
  readonly bookedAt: number;
}

/** One statement entry: its amount as a size and whether it credits or debits the account. */
interface WindowEntry {
  readonly code: "WINDOW-RECEIVED" | "WINDOW-SENT" | "SETTLEMENT";
  readonly amountMinor: bigint;
  readonly indicator: "CRDT" | "DBIT";
  readonly bookedAt: number;
  readonly transferCount: number | undefined;
}

export function writeWindowStatementCamt053(input: WindowStatementCamt053Input): IsoWriteResult {
  const statementId = settlementLegEndToEndId(input.windowId, input.participant.memberId);
  const textRefusal =
    checkStatementAccount(input) ??
    checkIsoTexts([
      ["messageId", input.messageId, isoIdLengthMax],
      ["windowId", statementId, isoIdLengthMax],
    ]);
  if (textRefusal !== undefined) return textRefusal;
  if (!isIsoDate(input.settlementDate)) return refused("date_invalid", "settlementDate");
  const totalsRefusal =
    checkWindowFlow(input.received, "received") ?? checkWindowFlow(input.sent, "sent");
  if (totalsRefusal !== undefined) return totalsRefusal;
  if (input.settlementLeg?.positionCreditMinor === 0n) {
    return refused("position_flat", "settlementLeg.positionCreditMinor");
  }
  const entries = windowEntries(input);
  const closingMinor = entries.reduce(
    (balance, entry) =>
      balance + (entry.indicator === "CRDT" ? entry.amountMinor : -entry.amountMinor),
    input.openingBalanceMinor,
  );
  const opening = balanceTree(
    "OPBD",
    input.openingBalanceMinor,
    input.currency,
    { DtTm: isoDateTime(input.openedAt) },
    "openingBalanceMinor",
  );
  if (!opening.ok) return opening;
  const closedAt = input.settlementLeg?.bookedAt ?? input.closedAt;
  const closing = balanceTree(
    "CLBD",
    closingMinor,
    input.currency,
    { DtTm: isoDateTime(closedAt) },
    "openingBalanceMinor",
  );
  if (!closing.ok) return closing;
  const summary = transactionsSummaryTree(
    totalsOf(entries, "CRDT"),
    totalsOf(entries, "DBIT"),
    input.currency,
  );
  if (!summary.ok) return summary;
  const entryTrees: XmlTree[] = [];
  for (const entry of entries) {
    const tree = entryTree(entry, input, statementId);
    if (!tree.ok) return tree;
    entryTrees.push(tree.tree);
  }
  const xml = writeIsoDocument("camt.053.001.08", {
    BkToCstmrStmt: {
      GrpHdr: { MsgId: input.messageId, CreDtTm: isoDateTime(input.createdAt) },
      Stmt: {
        Id: statementId,
        CreDtTm: isoDateTime(input.createdAt),
        FrToDt: { FrDtTm: isoDateTime(input.openedAt), ToDtTm: isoDateTime(input.closedAt) },
        Acct: statementAccountTree(input),
        Bal: [opening.tree, closing.tree],
        TxsSummry: summary.tree,
        ...(entryTrees.length === 0 ? {} : { Ntry: entryTrees }),
      },
    },
  });
  return { ok: true, xml };
}

function checkWindowFlow(flow: WindowFlow, field: string): IsoWriteRefused | undefined {
  if (flow.transferCount === undefined) {
    return flow.sumMinor < 0n ? refused("amount_out_of_range", field) : undefined;
  }
  return checkEntryTotals({ count: flow.transferCount, sumMinor: flow.sumMinor }, field);
}

function windowEntries(input: WindowStatementCamt053Input): WindowEntry[] {
  const entries: WindowEntry[] = [];
  const batch = (
    code: WindowEntry["code"],
    flow: WindowFlow,
    indicator: WindowEntry["indicator"],
  ) => {
    if (flow.sumMinor === 0n) return;
    entries.push({
      code,
      amountMinor: flow.sumMinor,
      indicator,
      bookedAt: input.closedAt,
      transferCount: flow.transferCount,
    });
  };
  batch("WINDOW-RECEIVED", input.received, "CRDT");
  batch("WINDOW-SENT", input.sent, "DBIT");
  const leg = input.settlementLeg;
  if (leg !== undefined) {
    const credit = leg.positionCreditMinor > 0n;
    entries.push({
      code: "SETTLEMENT",
      amountMinor: credit ? leg.positionCreditMinor : -leg.positionCreditMinor,
      indicator: credit ? "CRDT" : "DBIT",
      bookedAt: leg.bookedAt,
      transferCount: 1,
    });
  }
  return entries;
}

function totalsOf(
  entries: readonly WindowEntry[],
  indicator: WindowEntry["indicator"],
): EntryTotals {
  const matching = entries.filter((entry) => entry.indicator === indicator);
  return {
    count: matching.length,
    sumMinor: matching.reduce((sum, entry) => sum + entry.amountMinor, 0n),
  };
}

function entryTree(
  entry: WindowEntry,
  input: WindowStatementCamt053Input,
  legEndToEndId: string,
): TreeResult {
  const field =
    entry.code === "SETTLEMENT"
      ? "settlementLeg.positionCreditMinor"
      : entry.code === "WINDOW-RECEIVED"
        ? "received"
        : "sent";
  const amount = isoAmount(entry.amountMinor, input.currency, field);
  if (!amount.ok) return amount;
  const money = { "@Ccy": input.currency, "#": amount.text };
  const details: XmlTree =
    entry.code === "SETTLEMENT"
      ? { TxDtls: { Refs: { EndToEndId: legEndToEndId }, Amt: money, CdtDbtInd: entry.indicator } }
      : {
          Btch: {
            ...(entry.transferCount === undefined ? {} : { NbOfTxs: String(entry.transferCount) }),
            TtlAmt: money,
            CdtDbtInd: entry.indicator,
          },
        };
  return {
    ok: true,
    tree: {
      NtryRef: input.windowId,
      Amt: money,
      CdtDbtInd: entry.indicator,
      Sts: { Cd: "BOOK" },
      BookgDt: { DtTm: isoDateTime(entry.bookedAt) },
      ValDt: { Dt: input.settlementDate },
      BkTxCd: hubTransactionCodeTree(entry.code, input.clearingSystemId),
      NtryDtls: details,
    },
  };
}
