import { isoAmount, isoSignedAmount } from "./iso-amount.ts";
import { financialInstitutionTree, type Iso20022Institution } from "./iso-institution.ts";
import {
  checkIsoTexts,
  isoAccountIdLengthMax,
  isoIdLengthMax,
  isoNameLengthMax,
} from "./iso-text.ts";
import { type IsoWriteRefused, refused } from "./iso-write-result.ts";
import type { XmlTree } from "./xml-tree.ts";

/**
 * The parts every camt.053.001.08 statement of the hub shares: the participant's position
 * account at the hub, its booked balances and the summary of its entries.
 */

/** Whose statement it is and of which account: the same for a window's and a day's statement. */
export interface StatementAccountInput {
  /** The hub's clearing system as members know it (`Prtry`/`Issr`), e.g. "CLEARHUB". */
  readonly clearingSystemId: string;
  /** The account servicer. */
  readonly hub: Iso20022Institution;
  /** The account owner. */
  readonly participant: Iso20022Institution;
  /** The participant's position account at the hub, as the hub numbers it; at most 34. */
  readonly positionAccountId: string;
  readonly currency: string;
}

/** How many entries of one direction, and their sum in minor units. */
export interface EntryTotals {
  readonly count: number;
  readonly sumMinor: bigint;
}

export const noEntries: EntryTotals = { count: 0, sumMinor: 0n };

/** Max15NumericText bounds every count. */
const isoCountMax = 999_999_999_999_999;

export function checkStatementAccount(input: StatementAccountInput): IsoWriteRefused | undefined {
  return checkIsoTexts([
    ["clearingSystemId", input.clearingSystemId, isoIdLengthMax],
    ["hub.memberId", input.hub.memberId, isoIdLengthMax],
    ["hub.name", input.hub.name, isoNameLengthMax],
    ["participant.memberId", input.participant.memberId, isoIdLengthMax],
    ["participant.name", input.participant.name, isoNameLengthMax],
    ["positionAccountId", input.positionAccountId, isoAccountIdLengthMax],
  ]);
}

export function statementAccountTree(input: StatementAccountInput): XmlTree {
  const issuer = input.clearingSystemId;
  const owner = input.participant;
  return {
    Id: { Othr: { Id: input.positionAccountId, Issr: issuer } },
    Ccy: input.currency,
    Ownr: {
      ...(owner.name === undefined ? {} : { Nm: owner.name }),
      Id: { OrgId: { Othr: { Id: owner.memberId, Issr: issuer } } },
    },
    Svcr: financialInstitutionTree(input.hub, issuer),
  };
}

export type TreeResult = { readonly ok: true; readonly tree: XmlTree } | IsoWriteRefused;

/** A booked balance: OPBD (opening) or CLBD (closing), dated by a day or an instant. */
export function balanceTree(
  code: "OPBD" | "CLBD",
  balanceMinor: bigint,
  currency: string,
  at: { readonly Dt: string } | { readonly DtTm: string },
  field: string,
): TreeResult {
  const amount = isoSignedAmount(balanceMinor, currency, field);
  if (!amount.ok) return amount;
  return {
    ok: true,
    tree: {
      Tp: { CdOrPrtry: { Cd: code } },
      Amt: { "@Ccy": currency, "#": amount.text },
      CdtDbtInd: amount.indicator,
      Dt: at,
    },
  };
}

/** A count ISO can write (half its bound, so the count of all entries fits too), with its sum. */
export function checkEntryTotals(totals: EntryTotals, field: string): IsoWriteRefused | undefined {
  const countValid = Number.isSafeInteger(totals.count) && totals.count >= 0;
  if (!countValid || totals.count > isoCountMax / 2) return refused("amount_out_of_range", field);
  if (totals.sumMinor < 0n) return refused("amount_out_of_range", field);
  return totals.count === 0 && totals.sumMinor !== 0n
    ? refused("amount_out_of_range", field)
    : undefined;
}

/** `TxsSummry`: all entries with their net, then credits and debits apart. */
export function transactionsSummaryTree(
  credits: EntryTotals,
  debits: EntryTotals,
  currency: string,
): TreeResult {
  const countRefusal = checkEntryTotals(credits, "credits") ?? checkEntryTotals(debits, "debits");
  if (countRefusal !== undefined) return countRefusal;
  const creditSum = isoAmount(credits.sumMinor, currency, "credits");
  if (!creditSum.ok) return creditSum;
  const debitSum = isoAmount(debits.sumMinor, currency, "debits");
  if (!debitSum.ok) return debitSum;
  const all = isoAmount(credits.sumMinor + debits.sumMinor, currency, "credits");
  if (!all.ok) return all;
  const net = isoSignedAmount(credits.sumMinor - debits.sumMinor, currency, "credits");
  if (!net.ok) return net;
  return {
    ok: true,
    tree: {
      TtlNtries: {
        NbOfNtries: String(credits.count + debits.count),
        Sum: all.text,
        TtlNetNtry: { Amt: net.text, CdtDbtInd: net.indicator },
      },
      TtlCdtNtries: { NbOfNtries: String(credits.count), Sum: creditSum.text },
      TtlDbtNtries: { NbOfNtries: String(debits.count), Sum: debitSum.text },
    },
  };
}

/** The proprietary bank transaction code the hub issues, e.g. WINDOW-RECEIVED or a type. */
export function hubTransactionCodeTree(code: string, clearingSystemId: string): XmlTree {
  return { Prtry: { Cd: code, Issr: clearingSystemId } };
}
