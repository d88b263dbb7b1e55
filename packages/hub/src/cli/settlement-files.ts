import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { BilateralPosition } from "../app/ports/settlement-store.ts";
import { bilateralCsv, instructionsCsv, positionsCsv } from "../app/settlement/settlement-csv.ts";
import type { SettlementReport } from "../app/settlement/settlement-report.ts";
import type { Progress } from "./progress-bar.ts";

/** A file written, by name within the directory, with its size. */
export interface WrittenFile {
  readonly name: string;
  readonly bytes: number;
}

/**
 * Writes a window's files into `dir` (created if missing): its positions, instructions and
 * bilateral flows as CSV. Returns what it wrote, in order.
 */
export async function writeSettlementFiles(
  dir: string,
  report: SettlementReport,
  bilateral: readonly BilateralPosition[],
  progress: Progress,
): Promise<WrittenFile[]> {
  await mkdir(dir, { recursive: true });
  const prefix = report.window.id;
  const files: [string, string][] = [
    [`${prefix}-positions.csv`, positionsCsv(report)],
    [`${prefix}-instructions.csv`, instructionsCsv(report)],
    [`${prefix}-bilateral.csv`, bilateralCsv(report, bilateral)],
  ];
  const written: WrittenFile[] = [];
  for (const [name, text] of files) {
    await writeFile(join(dir, name), text);
    written.push({ name, bytes: Buffer.byteLength(text) });
    progress.advance();
  }
  return written;
}

/** How many files `writeSettlementFiles` writes for the report, for a progress bar's total. */
export function settlementFileCount(_report: SettlementReport): number {
  return 3;
}
