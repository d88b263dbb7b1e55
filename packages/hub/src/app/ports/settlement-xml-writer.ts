import type { SettlementReport } from "../settlement/settlement-report.ts";

export interface SettlementXmlOptions {
  /** When the files are written (epoch ms): their creation time. */
  readonly createdAt: number;
  /** The zone the settlement date is read in: the schedule's, else UTC. */
  readonly timeZone: string;
}

export interface NamedFile {
  readonly name: string;
  readonly text: string;
}

/** Writes a closed window's ISO 20022 files (pacs.009 legs, camt.053 statements). */
export interface SettlementXmlWriter {
  /** Throws if the window is open or a document cannot be written correctly. */
  filesOf(report: SettlementReport, options: SettlementXmlOptions): NamedFile[];
}
