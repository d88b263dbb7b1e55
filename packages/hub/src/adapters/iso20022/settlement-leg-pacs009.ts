import { isoAmount } from "./iso-amount.ts";
import { financialInstitutionTree, type Iso20022Institution } from "./iso-institution.ts";
import {
  checkIsoTexts,
  isIsoDate,
  isoDateTime,
  isoIdLengthMax,
  isoNameLengthMax,
} from "./iso-text.ts";
import { type IsoWriteResult, refused } from "./iso-write-result.ts";
import { writeIsoDocument } from "./xml-document.ts";

/**
 * One settlement leg as a pacs.009.001.09 FinancialInstitutionCreditTransfer: the participant
 * pays its net debit to the hub, or the hub pays the participant its net credit. The hub is the
 * counterparty of every leg (multilateral netting: nobody settles with anyone else), so the legs
 * of a window sum to zero per currency and each can be confirmed on its own.
 *
 * Settlement method CLRG: the amount is a net position of the hub's clearing system and settles
 * through that system (named in `SttlmInf/ClrSys/Prtry`), not on an account one party holds with
 * the other (INDA/INGA) nor through a cover (COVE).
 */

export interface SettlementLegPacs009Input {
  /** Unique per message, at most 35 characters (e.g. the leg's transfer id). */
  readonly messageId: string;
  /** When the message was created (epoch ms), from the injected clock. */
  readonly createdAt: number;
  /** The hub's clearing system as members know it (`Prtry`), e.g. "CLEARHUB"; at most 35. */
  readonly clearingSystemId: string;
  readonly hub: Iso20022Institution;
  readonly participant: Iso20022Institution;
  readonly windowId: string;
  /** ISO 4217 code; the amount is written with its exponent (JPY 0, EUR 2, BHD 3 decimals). */
  readonly currency: string;
  /** Net = gross received − gross sent, in minor units: negative pays, positive is paid; not 0. */
  readonly netPositionMinor: bigint;
  /** The business day the leg settles on, YYYY-MM-DD in the hub's settlement time zone. */
  readonly settlementDate: string;
}

/**
 * The leg's end-to-end id, which the participant's own records and the camt.053 entry of the
 * settlement quote: window id and participant id, together at most 35 characters.
 */
export function settlementLegEndToEndId(windowId: string, participantId: string): string {
  return `${windowId}/${participantId}`;
}

export function writeSettlementLegPacs009(input: SettlementLegPacs009Input): IsoWriteResult {
  const endToEndId = settlementLegEndToEndId(input.windowId, input.participant.memberId);
  const textRefusal = checkIsoTexts([
    ["messageId", input.messageId, isoIdLengthMax],
    ["clearingSystemId", input.clearingSystemId, isoIdLengthMax],
    ["hub.memberId", input.hub.memberId, isoIdLengthMax],
    ["hub.name", input.hub.name, isoNameLengthMax],
    ["participant.memberId", input.participant.memberId, isoIdLengthMax],
    ["participant.name", input.participant.name, isoNameLengthMax],
    ["windowId", endToEndId, isoIdLengthMax],
  ]);
  if (textRefusal !== undefined) return textRefusal;
  if (!isIsoDate(input.settlementDate)) return refused("date_invalid", "settlementDate");
  if (input.netPositionMinor === 0n) return refused("position_flat", "netPositionMinor");
  const participantPays = input.netPositionMinor < 0n;
  const amount = isoAmount(
    participantPays ? -input.netPositionMinor : input.netPositionMinor,
    input.currency,
    "netPositionMinor",
  );
  if (!amount.ok) return amount;
  const hub = financialInstitutionTree(input.hub, input.clearingSystemId);
  const participant = financialInstitutionTree(input.participant, input.clearingSystemId);
  const xml = writeIsoDocument("pacs.009.001.09", {
    FICdtTrf: {
      GrpHdr: {
        MsgId: input.messageId,
        CreDtTm: isoDateTime(input.createdAt),
        NbOfTxs: "1",
        SttlmInf: { SttlmMtd: "CLRG", ClrSys: { Prtry: input.clearingSystemId } },
      },
      CdtTrfTxInf: {
        PmtId: { EndToEndId: endToEndId },
        IntrBkSttlmAmt: { "@Ccy": input.currency, "#": amount.text },
        IntrBkSttlmDt: input.settlementDate,
        Dbtr: participantPays ? participant : hub,
        Cdtr: participantPays ? hub : participant,
      },
    },
  });
  return { ok: true, xml };
}
