import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  balanceTree,
  checkStatementAccount,
  type EntryTotals,
  hubTransactionCodeTree,
  type StatementAccountInput,
  statementAccountTree,
  transactionsSummaryTree,
} from "./camt053-statement-parts.ts";
import { isoAmount } from "./iso-amount.ts";
import { financialInstitutionTree, type Iso20022Institution } from "./iso-institution.ts";
import {
  checkIsoTexts,
  fitsIsoText,
  isIsoDate,
  isoDateTime,
  isoIdLengthMax,
  isoInfoLengthMax,
  isoNameLengthMax,
} from "./iso-text.ts";
import { type IsoWriteRefusal, type IsoWriteRefused, refused } from "./iso-write-result.ts";
import { documentTree, writeCompactXml, xmlDeclaration } from "./xml-document.ts";
import type { XmlTree } from "./xml-tree.ts";

/**
 * A participant's daily camt.053.001.08 statement of one position account (one currency),
 * streamed: entries come from an AsyncIterable (a cursor over a million rows) and leave as
 * chunks of text, so memory holds one chunk, never the document.
 *
 * camt.053 puts the balances (`Bal`) and the summary (`TxsSummry`) before the entries (`Ntry`),
 * but a stream knows its totals only at the end. So the caller supplies them first, from a cheap
 * aggregate query over the same rows (count and sum per direction, balances at the day's two
 * cut-offs), and the writer counts the entries as they pass: if the totals differ at the end (the
 * rows changed between the two queries: read both in one repeatable-read transaction) the stream
 * fails with `totals_mismatch` instead of ending a document that contradicts itself.
 */

export interface DailyStatementCamt053Input extends StatementAccountInput {
  /** Unique per message, at most 35 characters; also the statement's id. */
  readonly messageId: string;
  /** When the message was created (epoch ms), from the injected clock. */
  readonly createdAt: number;
  /** The business day, YYYY-MM-DD in the hub's reconciliation time zone. */
  readonly businessDate: string;
  /** The day's cut-offs (epoch ms): the statement covers [from, to). */
  readonly from: number;
  readonly to: number;
  /** The position account's booked balance at `from` and at `to` (credits − debits). */
  readonly openingBalanceMinor: bigint;
  readonly closingBalanceMinor: bigint;
  /** Count and sum of the credit and the debit entries the iterable will yield. */
  readonly credits: EntryTotals;
  readonly debits: EntryTotals;
}

/** How the hub's record of the transaction stands, as camt.053 entry status BOOK, PDNG or INFO. */
export type DailyStatementEntryStatus = "booked" | "pending" | "information";

export interface DailyStatementEntry {
  /** The hub's transaction id: `Refs/AcctSvcrRef` when at most 35 characters. */
  readonly hubTransactionId: string;
  /** The participant's own reference: `Refs/AcctOwnrTxId` when at most 35 characters. */
  readonly participantReference?: string | undefined;
  /** The hub's transaction type (transfer, bill_payment, …): `BkTxCd/Prtry/Cd`, at most 35. */
  readonly type: string;
  /** The other participant: the debtor of a credit, the creditor of a debit. */
  readonly counterparty?: Iso20022Institution | undefined;
  readonly direction: "credit" | "debit";
  /** The size of the movement in minor units of the statement's currency; not negative. */
  readonly amountMinor: bigint;
  /** The hub's fee on the transaction, charged to the participant: `Chrgs/Rcrd`. */
  readonly feeMinor?: bigint | undefined;
  readonly status: DailyStatementEntryStatus;
  /** The settlement window the transaction cleared in: `Refs/Prtry` of type WINDOW. */
  readonly windowId?: string | undefined;
  /** When the hub accepted the transaction (epoch ms): `RltdDts/AccptncDtTm`. */
  readonly acceptedAt: number;
  /** When the hub booked it (epoch ms): `BookgDt/DtTm`. */
  readonly bookedAt: number;
}

export type DailyStatementRefusal = IsoWriteRefusal | "totals_mismatch";

/** Why the stream stopped; `entryIndex` counts from 0, absent for the header. */
export class DailyStatementRefusedError extends Error {
  constructor(
    readonly code: DailyStatementRefusal,
    readonly field: string,
    readonly entryIndex?: number,
  ) {
    super(
      `daily statement refused: ${code} (${field}${entryIndex === undefined ? "" : ` of entry ${entryIndex}`})`,
    );
  }
}

export type DailyStatementWriteResult =
  | { readonly ok: true; readonly entryCount: number }
  | {
      readonly ok: false;
      readonly code: DailyStatementRefusal;
      readonly field: string;
      readonly entryIndex?: number | undefined;
    };

/** Text is handed on once this many characters are buffered: few, large writes. */
const chunkLengthMin = 64 * 1024;

const entryStatusCodes: Record<DailyStatementEntryStatus, string> = {
  booked: "BOOK",
  pending: "PDNG",
  information: "INFO",
};

/**
 * Writes the statement to `out` and ends it, honouring backpressure. A refusal destroys `out`
 * (a half-written statement must not pass for a whole one) and is returned as a result; errors
 * of `out` itself or of the entries' source are thrown.
 */
export async function writeDailyStatementCamt053(
  input: DailyStatementCamt053Input,
  entries: AsyncIterable<DailyStatementEntry>,
  out: Writable,
): Promise<DailyStatementWriteResult> {
  try {
    await pipeline(Readable.from(dailyStatementCamt053Chunks(input, entries)), out);
    // The stream ends only when the entries matched the declared totals.
    return { ok: true, entryCount: input.credits.count + input.debits.count };
  } catch (error) {
    if (!(error instanceof DailyStatementRefusedError)) throw error;
    return { ok: false, code: error.code, field: error.field, entryIndex: error.entryIndex };
  }
}

/**
 * The statement as chunks of text, for callers that stream elsewhere (an HTTP reply). Throws
 * DailyStatementRefusedError at the first input it cannot write, so the consumer's stream fails.
 */
export async function* dailyStatementCamt053Chunks(
  input: DailyStatementCamt053Input,
  entries: AsyncIterable<DailyStatementEntry>,
): AsyncGenerator<string> {
  const header = statementHeader(input);
  if (!header.ok) throw new DailyStatementRefusedError(header.code, header.field);
  const buffered: string[] = [openingText(input, header.tree)];
  let bufferedLength = buffered[0]?.length ?? 0;
  const take = () => {
    const chunk = buffered.join("");
    buffered.length = 0;
    bufferedLength = 0;
    return chunk;
  };
  const seen = { credits: { count: 0, sumMinor: 0n }, debits: { count: 0, sumMinor: 0n } };
  let entryIndex = 0;
  for await (const entry of entries) {
    const tree = entryTree(entry, input);
    if (!tree.ok) throw new DailyStatementRefusedError(tree.code, tree.field, entryIndex);
    const text = writeCompactXml({ Ntry: tree.tree });
    buffered.push(text);
    bufferedLength += text.length;
    const totals = entry.direction === "credit" ? seen.credits : seen.debits;
    totals.count += 1;
    totals.sumMinor += entry.amountMinor;
    entryIndex += 1;
    if (bufferedLength >= chunkLengthMin) yield take();
  }
  const mismatch = totalsMismatch(input, seen);
  if (mismatch !== undefined) throw new DailyStatementRefusedError("totals_mismatch", mismatch);
  buffered.push(`${statementClosing}\n`);
  yield take();
}

/** The document's closing tags, cut off the header and written after the last entry. */
const statementClosing = "</Stmt></BkToCstmrStmt></Document>";

/** The document up to the first entry: declaration, group header and the statement's header. */
function openingText(input: DailyStatementCamt053Input, statementHeaderTree: XmlTree): string {
  const whole = writeCompactXml(
    documentTree("camt.053.001.08", {
      BkToCstmrStmt: {
        GrpHdr: { MsgId: input.messageId, CreDtTm: isoDateTime(input.createdAt) },
        Stmt: statementHeaderTree,
      },
    }),
  );
  if (!whole.endsWith(statementClosing)) throw new Error("camt.053 header does not end its Stmt");
  return `${xmlDeclaration}\n${whole.slice(0, -statementClosing.length)}`;
}

function totalsMismatch(
  input: DailyStatementCamt053Input,
  seen: { readonly credits: EntryTotals; readonly debits: EntryTotals },
): string | undefined {
  const differs = (declared: EntryTotals, counted: EntryTotals) =>
    declared.count !== counted.count || declared.sumMinor !== counted.sumMinor;
  if (differs(input.credits, seen.credits)) return "credits";
  if (differs(input.debits, seen.debits)) return "debits";
  return undefined;
}

type HeaderResult = { readonly ok: true; readonly tree: XmlTree } | IsoWriteRefused;

/** Everything of `Stmt` before the entries. */
function statementHeader(input: DailyStatementCamt053Input): HeaderResult {
  const textRefusal =
    checkStatementAccount(input) ?? checkIsoTexts([["messageId", input.messageId, isoIdLengthMax]]);
  if (textRefusal !== undefined) return textRefusal;
  if (!isIsoDate(input.businessDate)) return refused("date_invalid", "businessDate");
  const day = { Dt: input.businessDate };
  const opening = balanceTree(
    "OPBD",
    input.openingBalanceMinor,
    input.currency,
    day,
    "openingBalanceMinor",
  );
  if (!opening.ok) return opening;
  const closing = balanceTree(
    "CLBD",
    input.closingBalanceMinor,
    input.currency,
    day,
    "closingBalanceMinor",
  );
  if (!closing.ok) return closing;
  const summary = transactionsSummaryTree(input.credits, input.debits, input.currency);
  if (!summary.ok) return summary;
  return {
    ok: true,
    tree: {
      Id: input.messageId,
      CreDtTm: isoDateTime(input.createdAt),
      FrToDt: { FrDtTm: isoDateTime(input.from), ToDtTm: isoDateTime(input.to) },
      Acct: statementAccountTree(input),
      Bal: [opening.tree, closing.tree],
      TxsSummry: summary.tree,
    },
  };
}

type EntryResult = { readonly ok: true; readonly tree: XmlTree } | IsoWriteRefused;

function entryTree(entry: DailyStatementEntry, input: DailyStatementCamt053Input): EntryResult {
  const textRefusal = checkIsoTexts([
    ["type", entry.type, isoIdLengthMax],
    ["counterparty.name", entry.counterparty?.name, isoNameLengthMax],
  ]);
  if (textRefusal !== undefined) return textRefusal;
  const amount = isoAmount(entry.amountMinor, input.currency, "amountMinor");
  if (!amount.ok) return amount;
  const fee =
    entry.feeMinor === undefined
      ? undefined
      : isoAmount(entry.feeMinor, input.currency, "feeMinor");
  if (fee !== undefined && !fee.ok) return fee;
  const notes = overflowNotes(entry);
  if (notes !== undefined && !fitsIsoText(notes, isoInfoLengthMax))
    return refused("text_invalid", "hubTransactionId");
  const indicator = entry.direction === "credit" ? "CRDT" : "DBIT";
  const money = { "@Ccy": input.currency, "#": amount.text };
  return {
    ok: true,
    tree: {
      Amt: money,
      CdtDbtInd: indicator,
      Sts: { Cd: entryStatusCodes[entry.status] },
      BookgDt: { DtTm: isoDateTime(entry.bookedAt) },
      BkTxCd: hubTransactionCodeTree(entry.type, input.clearingSystemId),
      NtryDtls: {
        TxDtls: {
          Refs: references(entry),
          Amt: money,
          CdtDbtInd: indicator,
          ...(fee === undefined
            ? {}
            : {
                Chrgs: {
                  Rcrd: { Amt: { "@Ccy": input.currency, "#": fee.text }, CdtDbtInd: "DBIT" },
                },
              }),
          ...counterpartyTree(entry, input.clearingSystemId),
          RltdDts: { AccptncDtTm: isoDateTime(entry.acceptedAt) },
          ...(notes === undefined ? {} : { AddtlTxInf: notes }),
        },
      },
    },
  };
}

function fits(value: string | undefined): value is string {
  return value !== undefined && fitsIsoText(value, isoIdLengthMax);
}

/** The ids that fit their ISO 20022 slots; the others travel whole in `AddtlTxInf`. */
function references(entry: DailyStatementEntry): XmlTree {
  return {
    ...(fits(entry.hubTransactionId) ? { AcctSvcrRef: entry.hubTransactionId } : {}),
    ...(fits(entry.participantReference) ? { AcctOwnrTxId: entry.participantReference } : {}),
    ...(fits(entry.windowId) ? { Prtry: { Tp: "WINDOW", Ref: entry.windowId } } : {}),
  };
}

/**
 * Hub ids may be longer than ISO's 35 characters (transfer ids 64, references 128): rather than
 * cut them, which would break matching, they go whole into `AddtlTxInf` as `name=value` lines.
 */
function overflowNotes(entry: DailyStatementEntry): string | undefined {
  const long = [
    ["hubTransactionId", entry.hubTransactionId],
    ["participantReference", entry.participantReference],
    ["windowId", entry.windowId],
    ["counterparty", entry.counterparty?.memberId],
  ].filter(([, value]) => value !== undefined && !fits(value));
  return long.length === 0 ? undefined : long.map(([name, value]) => `${name}=${value}`).join("\n");
}

function counterpartyTree(entry: DailyStatementEntry, clearingSystemId: string): XmlTree {
  const counterparty = entry.counterparty;
  if (counterparty === undefined || !fits(counterparty.memberId)) return {};
  const agent = { Agt: financialInstitutionTree(counterparty, clearingSystemId) };
  return { RltdPties: entry.direction === "credit" ? { Dbtr: agent } : { Cdtr: agent } };
}
