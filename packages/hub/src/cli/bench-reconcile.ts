/**
 * What the end-to-end benchmarks' reconciliations share: a list of problems that names single
 * discrepancies up to a cap (the counts hold them all), the records' counts by state, and the
 * hub's ledger verified after the run.
 */
import { verifyLedger } from "../app/ledger/verify-ledger.ts";
import type { Hub } from "../hub.ts";

/** At most this many single discrepancies are listed; the counts hold them all. */
const problemsListedMax = 10;

export class ProblemList {
  readonly problems: string[] = [];

  /** A single discrepancy: listed while fewer than the cap are. */
  note(problem: string): void {
    if (this.problems.length < problemsListedMax) this.problems.push(problem);
  }

  /** A summary (a count, a total): always listed. */
  add(problem: string): void {
    this.problems.push(problem);
  }

  /** The counts of payments lost and of `doubledWhat` doubled, where there are any. */
  addCounts(lost: number, doubled: number, doubledWhat: string): void {
    if (lost > 0) this.add(`${lost} payments lost`);
    if (doubled > 0) this.add(`${doubled} ${doubledWhat} doubled`);
  }

  /** Whatever the verification of the hub's ledger finds. */
  async addLedgerProblems(hub: Hub): Promise<void> {
    const ledger = await verifyLedger(hub.ledgerStore);
    this.problems.push(...ledger.problems);
  }
}

/** Rows of `state, count(*)` as counts by state. */
export function countsByState(
  rows: readonly { readonly state: string; readonly n: number | bigint | string }[],
): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
}
