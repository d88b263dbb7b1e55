import { bankProblems } from "./problem-catalogue-banks.ts";
import { barcodeProblems } from "./problem-catalogue-barcode.ts";
import { billProblems } from "./problem-catalogue-bills.ts";
import { edgeProblems } from "./problem-catalogue-edge.ts";
import { feeProblems } from "./problem-catalogue-fees.ts";
import { participantProblems } from "./problem-catalogue-participants.ts";
import { reconciliationProblems } from "./problem-catalogue-reconciliation.ts";
import { settlementProblems } from "./problem-catalogue-settlement.ts";
import type { ProblemCode, ProblemKind } from "./problem-code.ts";

/**
 * RFC 9457 problem details: the ONE place where a coded outcome becomes an HTTP status. Routes
 * never pick a status for an error themselves; they name a code and this catalogue answers,
 * its entries kept area by area in problem-catalogue-*.ts.
 */

const areas = [
  edgeProblems,
  participantProblems,
  bankProblems,
  billProblems,
  settlementProblems,
  reconciliationProblems,
  feeProblems,
  barcodeProblems,
];

/** Typed as a full Record so that a new domain or ledger code cannot ship without a status. */
export const problemCatalogue: Readonly<Record<ProblemCode, ProblemKind>> = {
  ...edgeProblems,
  ...participantProblems,
  ...bankProblems,
  ...billProblems,
  ...settlementProblems,
  ...reconciliationProblems,
  ...feeProblems,
  ...barcodeProblems,
};

// One code in two areas would silently take the later entry: refuse it at load.
const entriesInAreas = areas.reduce((count, area) => count + Object.keys(area).length, 0);
if (Object.keys(problemCatalogue).length !== entriesInAreas) {
  throw new Error("a problem code has entries in two areas of the catalogue");
}
