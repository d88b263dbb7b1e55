import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { SettlementFiles } from "../app/settlement/settlement-files.ts";
import type { SettlementReport } from "../app/settlement/settlement-report.ts";
import type { Progress } from "./progress-bar.ts";

/** A file written, by name within the directory, with its size. */
export interface WrittenFile {
  readonly name: string;
  readonly bytes: number;
}

/**
 * Writes every file of a closed window into `dir` (created if missing), the CSV files prefixed
 * with the window's id. Returns what it wrote, in order.
 */
export async function writeSettlementFiles(
  dir: string,
  report: SettlementReport,
  files: SettlementFiles,
  progress: Progress,
): Promise<WrittenFile[]> {
  await mkdir(dir, { recursive: true });
  const written: WrittenFile[] = [];
  for (const file of await files.all(report)) {
    const name = file.contentType === "text/csv" ? `${report.window.id}-${file.name}` : file.name;
    await writeFile(join(dir, name), file.text);
    written.push({ name, bytes: Buffer.byteLength(file.text) });
    progress.advance();
  }
  return written;
}

/** How many files `writeSettlementFiles` writes for the report, for a progress bar's total. */
export function settlementFileCount(report: SettlementReport): number {
  return 3 + report.instructions.length + report.positions.length;
}
