import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { bilateralCsv, instructionsCsv, positionsCsv } from "../app/settlement/settlement-csv.ts";
import type { SettlementReport } from "../app/settlement/settlement-report.ts";
import type { SettlementService } from "../app/settlement/settlement-service.ts";

/**
 * The files a closed window is exported as: its CSV files (positions, instructions, bilateral
 * flows) and its ISO 20022 messages, made in memory and written to a directory when one is
 * given. The bilateral file is the one export that reads the window's transfers (it sums them
 * per pair of participants), so it is timed on its own as well.
 */
export interface SettlementFile {
  readonly name: string;
  readonly text: string;
}

export interface ExportedFiles {
  readonly files: readonly SettlementFile[];
  readonly bilateralPairs: number;
  readonly bilateralSeconds: number;
}

/**
 * The window's ISO 20022 files: a pacs.009 per settlement leg and a camt.053 per participant.
 * Their writers are not in this build yet, so this makes none; the bench reports how many XML
 * files it exported (`xmlFiles`), so a run without them says so. When the writers are here,
 * this is the one place they are called from.
 */
export function isoSettlementFiles(_report: SettlementReport): SettlementFile[] {
  return [];
}

/** Names as the operator API serves them: `<window>-positions.csv` and so on. */
export async function exportWindowFiles(
  settlement: Pick<SettlementService, "bilateral">,
  report: SettlementReport,
): Promise<ExportedFiles> {
  const id = report.window.id;
  const started = performance.now();
  const pairs = await settlement.bilateral(report.window);
  const bilateralSeconds = (performance.now() - started) / 1000;
  const files: SettlementFile[] = [
    { name: `${id}-positions.csv`, text: positionsCsv(report) },
    { name: `${id}-instructions.csv`, text: instructionsCsv(report) },
    { name: `${id}-bilateral.csv`, text: bilateralCsv(report, pairs) },
    ...isoSettlementFiles(report),
  ];
  return { files, bilateralPairs: pairs.length, bilateralSeconds };
}

/** Writes the files into `directory`, made if missing. */
export async function writeWindowFiles(
  directory: string,
  files: readonly SettlementFile[],
): Promise<void> {
  await mkdir(directory, { recursive: true });
  await Promise.all(files.map((file) => writeFile(join(directory, file.name), file.text)));
}
