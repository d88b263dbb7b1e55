import type { NamedFile, SettlementXmlWriter } from "../ports/settlement-xml-writer.ts";
import { bilateralCsv, instructionsCsv, positionsCsv } from "./settlement-csv.ts";
import type { SettlementReport } from "./settlement-report.ts";
import type { SettlementService } from "./settlement-service.ts";

export const settlementCsvFileNames = [
  "positions.csv",
  "instructions.csv",
  "bilateral.csv",
] as const;
type CsvFileName = (typeof settlementCsvFileNames)[number];

export type SettlementFile = NamedFile & { readonly contentType: "text/csv" | "application/xml" };

export type FileLookup =
  | { readonly kind: "found"; readonly file: SettlementFile }
  | { readonly kind: "window_not_found" | "window_not_closed" | "file_not_found" };

/**
 * A closed window's files: CSV (positions, instructions, bilateral flows) and ISO 20022 XML
 * (a pacs.009 per instruction, a camt.053 per participant that moved), dated in the schedule's
 * time zone. The API serves them one by one; the CLI and the benchmark write them all.
 */
export class SettlementFiles {
  constructor(
    private readonly settlement: Pick<SettlementService, "report" | "bilateral">,
    private readonly xml: SettlementXmlWriter,
    private readonly timeZone: string,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Every file of the report, CSV first. */
  async all(report: SettlementReport): Promise<SettlementFile[]> {
    const csv: SettlementFile[] = [];
    for (const name of settlementCsvFileNames) csv.push(await this.csv(report, name));
    return [...csv, ...this.xmlFiles(report)];
  }

  async names(
    windowId: string,
  ): Promise<string[] | { readonly kind: "window_not_found" | "window_not_closed" }> {
    const report = await this.closedReport(windowId);
    if ("kind" in report) return report;
    return [...settlementCsvFileNames, ...this.xmlFiles(report).map((file) => file.name)];
  }

  async file(windowId: string, name: string): Promise<FileLookup> {
    const report = await this.closedReport(windowId);
    if ("kind" in report) return report;
    if ((settlementCsvFileNames as readonly string[]).includes(name)) {
      return { kind: "found", file: await this.csv(report, name as CsvFileName) };
    }
    const file = this.xmlFiles(report).find((candidate) => candidate.name === name);
    return file === undefined ? { kind: "file_not_found" } : { kind: "found", file };
  }

  private async closedReport(
    windowId: string,
  ): Promise<SettlementReport | { kind: "window_not_found" | "window_not_closed" }> {
    const report = await this.settlement.report(windowId);
    if (report === undefined) return { kind: "window_not_found" };
    return report.window.closedAt === null ? { kind: "window_not_closed" } : report;
  }

  private async csv(report: SettlementReport, name: CsvFileName): Promise<SettlementFile> {
    const text =
      name === "positions.csv"
        ? positionsCsv(report)
        : name === "instructions.csv"
          ? instructionsCsv(report)
          : bilateralCsv(report, await this.settlement.bilateral(report.window));
    return { name, text, contentType: "text/csv" };
  }

  private xmlFiles(report: SettlementReport): SettlementFile[] {
    return this.xml
      .filesOf(report, { createdAt: this.clock(), timeZone: this.timeZone })
      .map((file) => ({ ...file, contentType: "application/xml" }));
  }
}
