import type {
  SettlementXmlOptions,
  SettlementXmlWriter,
} from "../../app/ports/settlement-xml-writer.ts";
import type { SettlementReport } from "../../app/settlement/settlement-report.ts";
import {
  type SettlementInstruction,
  signedAmount,
} from "../../domain/settlement/settlement-instruction.ts";
import { settlementLegTransferId } from "../../domain/settlement/settlement-leg.ts";
import type { IsoWriteResult } from "./iso-write-result.ts";
import { writeSettlementLegPacs009 } from "./settlement-leg-pacs009.ts";
import { writeWindowStatementCamt053 } from "./window-statement-camt053.ts";

/** The hub's clearing system as its members know it, and the hub's own member id in it. */
export const clearingSystemId = "CLEARHUB";
export const hubMemberId = "clearhub";

export interface XmlFile {
  readonly name: string;
  readonly xml: string;
}

/** The port's implementation: the files as named texts. */
export const iso20022SettlementXml: SettlementXmlWriter = {
  filesOf: (report, options) =>
    settlementReportXml(report, options).map((file) => ({ name: file.name, text: file.xml })),
};

/**
 * A window's ISO 20022 files: a pacs.009 for each instruction (the leg that settles it) and a
 * camt.053 for each netted account that moved in the window. A window's statement opens at zero
 * and closes at what the window still owes after its leg: zero once the window is settled.
 * Throws if a writer refuses (an id too long for ISO 20022's 35 characters): a file the hub
 * cannot write correctly is not written at all.
 */
export function settlementReportXml(
  report: SettlementReport,
  options: SettlementXmlOptions,
): XmlFile[] {
  const { window } = report;
  if (window.closedAt === null) throw new Error(`${window.id} is still open: it has no files`);
  const settlementDate = calendarDate(window.closedAt, options.timeZone);
  const hub = { memberId: hubMemberId, name: "clearhub" };
  const files: XmlFile[] = [];
  const legs = new Map(report.legs.map((leg) => [leg.accountId, leg]));
  const postedAt = (accountId: number) =>
    legs.get(accountId)?.state === "posted" ? (window.settledAt ?? options.createdAt) : undefined;
  for (const instruction of report.instructions) {
    files.push({
      name: fileName(window.id, instruction, "pacs.009"),
      xml: written(
        writeSettlementLegPacs009({
          messageId: settlementLegTransferId(window.id, instruction.accountId),
          createdAt: options.createdAt,
          clearingSystemId,
          hub,
          participant: { memberId: instruction.participantId },
          windowId: window.id,
          currency: window.currency,
          netPositionMinor: signedAmount(instruction),
          settlementDate,
        }),
        instruction.participantId,
      ),
    });
  }
  const instructions = new Map(report.instructions.map((i) => [i.accountId, i]));
  for (const position of report.positions) {
    const instruction = instructions.get(position.accountId);
    const bookedAt = postedAt(position.accountId);
    files.push({
      name: `${window.id}-${position.participantId}-${position.accountId}.camt.053.xml`,
      xml: written(
        writeWindowStatementCamt053({
          clearingSystemId,
          hub,
          participant: { memberId: position.participantId },
          positionAccountId: String(position.accountId),
          currency: window.currency,
          messageId: `${window.id}.${position.accountId}`,
          createdAt: options.createdAt,
          windowId: window.id,
          openedAt: window.openedAt,
          closedAt: window.closedAt,
          settlementDate,
          openingBalanceMinor: 0n,
          received: { sumMinor: position.grossReceived },
          sent: { sumMinor: position.grossSent },
          settlementLeg:
            instruction === undefined || bookedAt === undefined
              ? undefined
              : { positionCreditMinor: -signedAmount(instruction), bookedAt },
        }),
        position.participantId,
      ),
    });
  }
  return files;
}

function fileName(windowId: string, instruction: SettlementInstruction, message: string): string {
  return `${windowId}-${instruction.participantId}-${instruction.accountId}.${message}.xml`;
}

function written(result: IsoWriteResult, participantId: string): string {
  if (result.ok) return result.xml;
  throw new Error(`ISO 20022 file for ${participantId} refused: ${result.code} (${result.field})`);
}

/** YYYY-MM-DD of the instant in the zone. */
function calendarDate(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(at));
}
