import type { ProblemEntries } from "./problem-code.ts";

/** Settlement windows: closing, confirming (by the operator or the bank's file) and aborting. */
export const settlementProblems = {
  window_not_found: { status: 404, title: "No settlement window has this id" },
  settlement_file_not_found: {
    status: 404,
    title: "The window has no file of this name: GET .../files lists them",
  },
  window_not_open: {
    status: 409,
    title: "The window is not the open one of its currency: it was closed already",
  },
  window_not_closed: {
    status: 409,
    title: "The window is still open: close it before settling or aborting it",
  },
  window_already_settled: {
    status: 409,
    title: "The window is settled already; nothing was moved again",
  },
  window_aborted: {
    status: 409,
    title: "The window was aborted; its positions settle in the round it was carried into",
  },
  window_settling: {
    status: 409,
    title:
      "Legs of the window were posted already, so it can no longer be aborted: settle the rest",
  },
  participant_not_in_window: {
    status: 422,
    title: "A named participant has nothing to settle in this window; nothing was moved",
  },
  liquidity_shortfall: {
    status: 409,
    title:
      "A payer's reserve cannot cover what it owes; nothing was moved. `errors` names each short participant. Wait for funds, settle the others (all_covered), or abort",
  },
  confirmation_file_mismatch: {
    status: 422,
    title:
      "The confirmation file does not match the window; nothing was moved. `errors` lists each refused line (pointer /lines/<n>) with its code",
  },
  confirmation_file_malformed: {
    status: 422,
    title:
      "The confirmation file is not CSV with the documented columns; nothing was moved. `detail` names the line",
  },
} as const satisfies ProblemEntries;
