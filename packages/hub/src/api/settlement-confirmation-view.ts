import { type Static, Type } from "@sinclair/typebox";
import type { ConfirmOutcome } from "../app/settlement/settlement-service.ts";
import type { ProblemError, ProblemExtras } from "./problem.ts";
import type { ProblemCode } from "./problem-code.ts";
import { SettlementWindowViewSchema, settlementWindowView } from "./settlement-window-view.ts";

export const ConfirmationViewSchema = Type.Object(
  {
    window: SettlementWindowViewSchema,
    posted: Type.Array(Type.String(), {
      description: "Ledger transfer ids of the legs this confirmation posted",
    }),
    alreadyPosted: Type.Array(Type.String(), {
      description: "Legs posted before (a retry, or another node's confirmation): not moved again",
    }),
    refused: Type.Array(Type.Object({ participantId: Type.String(), code: Type.String() }), {
      description: "Legs the ledger refused (a reserve spent meanwhile): nothing moved for them",
    }),
  },
  { title: "SettlementConfirmation" },
);

export type ConfirmationView = Static<typeof ConfirmationViewSchema>;

/** A confirmation's answer, or the problem (with its extras) that refuses it. */
export function confirmationAnswer(
  outcome: ConfirmOutcome,
): { ok: true; body: ConfirmationView } | { ok: false; code: ProblemCode; extras: ProblemExtras } {
  switch (outcome.kind) {
    case "confirmed":
      return {
        ok: true,
        body: {
          window: settlementWindowView(outcome.window),
          posted: [...outcome.posted],
          alreadyPosted: [...outcome.alreadyPosted],
          refused: outcome.refused.map((r) => ({ participantId: r.participantId, code: r.code })),
        },
      };
    case "refused":
      return { ok: false, code: outcome.refusal, extras: {} };
    case "participant_not_in_window":
      return {
        ok: false,
        code: "participant_not_in_window",
        extras: {
          errors: outcome.participantIds.map((id) => ({
            code: "participant_not_in_window",
            detail: id,
          })) as ProblemError[],
        },
      };
    case "liquidity_shortfall":
      return {
        ok: false,
        code: "liquidity_shortfall",
        extras: {
          errors: outcome.shortfalls.map((s) => ({
            code: "liquidity_shortfall",
            detail: `${s.participantId} owes ${s.owes} and holds ${s.reserve} (minor units): short by ${s.shortBy}`,
          })) as ProblemError[],
        },
      };
    case "file_mismatch":
      return {
        ok: false,
        code: "confirmation_file_mismatch",
        extras: {
          errors: outcome.problems.map((p) => ({
            code: p.code,
            pointer: `/lines/${p.line}`,
            detail: p.detail,
          })) as ProblemError[],
        },
      };
  }
}
