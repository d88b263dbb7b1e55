import { randomUUID } from "node:crypto";
import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { AuditDetails } from "../../domain/audit/audit-entry.ts";
import type { TransferResultCode } from "../../domain/ledger/result-code.ts";
import {
  type ConfirmationLine,
  type ConfirmationLineProblem,
  checkConfirmationFile,
} from "../../domain/settlement/confirmation-file.ts";
import { type LiquidityShortfall, liquidityShortfalls } from "../../domain/settlement/liquidity.ts";
import { netPositions } from "../../domain/settlement/net-position.ts";
import {
  type SettlementInstruction,
  settlementInstructions,
} from "../../domain/settlement/settlement-instruction.ts";
import { legAmountOnNetted, settlementLegRequest } from "../../domain/settlement/settlement-leg.ts";
import {
  type SettlementWindow,
  settleableRefusal,
  type WindowRefusal,
} from "../../domain/settlement/settlement-window.ts";
import type { GroupCommit } from "../ledger/group-commit.ts";
import type { AuditLogStore } from "../ports/audit-log-store.ts";
import type { ReserveCapStore } from "../ports/participant-store.ts";
import type { LegRecord } from "../ports/settlement-leg-store.ts";
import type {
  BilateralPosition,
  CloseOutcome,
  CloseTarget,
  SettlementStore,
  WindowFilter,
} from "../ports/settlement-store.ts";
import type { SettlementReport } from "./settlement-report.ts";

/** Which participants a confirmation settles. */
export type ConfirmScope =
  | { readonly kind: "all" }
  /** Everyone whose reserve covers its instruction; the short ones wait. */
  | { readonly kind: "all_covered" }
  | { readonly kind: "participants"; readonly participantIds: readonly string[] };

export type ConfirmOutcome =
  | {
      readonly kind: "confirmed";
      readonly window: SettlementWindow;
      /** Legs this confirmation posted, and those already posted before it (retries). */
      readonly posted: readonly string[];
      readonly alreadyPosted: readonly string[];
      /** Legs the ledger refused (a reserve spent meanwhile): nothing moved for them. */
      readonly refused: readonly { participantId: string; code: TransferResultCode }[];
    }
  | { readonly kind: "refused"; readonly refusal: WindowRefusal }
  | { readonly kind: "participant_not_in_window"; readonly participantIds: readonly string[] }
  | { readonly kind: "liquidity_shortfall"; readonly shortfalls: readonly LiquidityShortfall[] }
  | { readonly kind: "file_mismatch"; readonly problems: readonly ConfirmationLineProblem[] };

/** Legs submitted to the ledger at a time: well under a batch's size. */
const legsPerSubmissionMax = 1000;

/**
 * The settlement cycle: close a window (cost per participant, not per transfer), report its
 * net positions and instructions, confirm (per participant or whole, from the operator or the
 * settlement bank's file) by posting legs through the ledger, or abort into the next round.
 * Every step is idempotent: closing names the window it closes, legs have derived transfer ids
 * the ledger applies once, and the window's row lock orders steps across hub nodes.
 */
export class SettlementService {
  constructor(
    private readonly store: SettlementStore,
    private readonly ledger: Pick<GroupCommit, "submit">,
    private readonly audit: AuditLogStore,
    /** Re-sets the caps that follow a reserve, once legs have moved those reserves. */
    private readonly reserves: Pick<ReserveCapStore, "followReserve">,
    private readonly clock: () => number = Date.now,
    /** Names each confirmation's claim on the legs it instructs. */
    private readonly newClaim: () => string = randomUUID,
  ) {}

  /** The open window of every currency the ledger holds, opening first windows as needed. */
  async openWindows(): Promise<SettlementWindow[]> {
    const now = this.clock();
    const currencies = await this.store.listCurrencies();
    return Promise.all(currencies.map((currency) => this.store.openWindow(currency, now)));
  }

  /**
   * The window by id. A currency's first window is opened when something first asks for
   * windows; asking for it by id counts, so `<currency>-1` is found before any list was read.
   */
  async window(id: string): Promise<SettlementWindow | undefined> {
    const found = await this.store.findWindow(id);
    if (found !== undefined) return found;
    await this.openWindows();
    return this.store.findWindow(id);
  }

  /** Windows newest first, every currency's open window among them. */
  async list(filter: WindowFilter): Promise<SettlementWindow[]> {
    await this.openWindows();
    return this.store.listWindows(filter);
  }

  /** Pairwise net flows of a closed window: reads its transfers, so costs what they number. */
  bilateral(window: SettlementWindow): Promise<BilateralPosition[]> {
    return this.store.readBilateral(window);
  }

  async close(currency: string, target: CloseTarget, actor: AuditActor): Promise<CloseOutcome> {
    const closedBy =
      actor.kind === "system" ? actor.id : `operator:${actor.operator?.id ?? actor.id}`;
    const outcome = await this.store.closeWindow(
      { currency, target, now: this.clock(), closedBy },
      netPositions,
    );
    if (outcome.kind === "closed") {
      await this.record(actor, "settlement_window.close", outcome.window.id, {
        endSeq: outcome.window.endSeq,
        next: outcome.next.id,
        state: outcome.window.state,
      });
    }
    return outcome;
  }

  async report(windowId: string): Promise<SettlementReport | undefined> {
    const window = await this.window(windowId);
    if (window === undefined) return undefined;
    const positions = window.endSeq === null ? [] : await this.store.readPositions(window.id);
    const instructions = settlementInstructions(window.id, window.currency, positions);
    const legs = await this.store.readLegs(window.id);
    const settled = window.state === "settled" || window.state === "aborted";
    return {
      window,
      positions,
      instructions,
      legs,
      shortfalls: settled ? [] : await this.shortfalls(window, unpostedOf(instructions, legs)),
      carried: await this.store.readCarriedWindows(window.id),
    };
  }

  async confirm(windowId: string, scope: ConfirmScope, actor: AuditActor): Promise<ConfirmOutcome> {
    const report = await this.report(windowId);
    if (report === undefined) return { kind: "refused", refusal: "window_not_found" };
    const selected = selectInstructions(report, scope);
    if ("kind" in selected) return selected;
    const pending = unpostedOf(selected, report.legs);
    const shortfalls = await this.shortfalls(report.window, pending);
    const covered =
      scope.kind === "all_covered"
        ? pending.filter((i) => !shortfalls.some((s) => s.accountId === i.accountId))
        : pending;
    // Refused whole when a named payer is short, or when no one short of funds is left to pay.
    if (shortfalls.length > 0 && (scope.kind !== "all_covered" || covered.length === 0)) {
      return { kind: "liquidity_shortfall", shortfalls };
    }
    return this.post(report, covered, selected.length - pending.length, actor, "operator");
  }

  /** Confirms from the settlement bank's file, which must match the window line by line. */
  async confirmFile(
    windowId: string,
    lines: readonly ConfirmationLine[],
    actor: AuditActor,
  ): Promise<ConfirmOutcome> {
    const report = await this.report(windowId);
    if (report === undefined) return { kind: "refused", refusal: "window_not_found" };
    const check = checkConfirmationFile(
      report.window.id,
      report.window.currency,
      lines,
      report.instructions,
    );
    if (!check.ok) return { kind: "file_mismatch", problems: check.problems };
    const ids = new Set(check.participantIds);
    const selected = report.instructions.filter((i) => ids.has(i.participantId));
    const pending = unpostedOf(selected, report.legs);
    // The bank moved this money already: the file is the record that it did, so no reserve
    // check stands in its way; the ledger still refuses a leg its settlement account lacks.
    return this.post(report, pending, selected.length - pending.length, actor, "file");
  }

  async abort(
    windowId: string,
    actor: AuditActor,
  ): Promise<{ window: SettlementWindow; into: SettlementWindow } | WindowRefusal> {
    const outcome = await this.store.abortWindow(windowId, this.clock());
    if (typeof outcome === "string") return outcome;
    await this.record(actor, "settlement_window.abort", windowId, { into: outcome.into.id });
    return outcome;
  }

  private async post(
    report: SettlementReport,
    instructions: readonly SettlementInstruction[],
    alreadyPostedCount: number,
    actor: AuditActor,
    source: "operator" | "file",
  ): Promise<ConfirmOutcome> {
    const { window } = report;
    const refusedNow = settleableRefusal(window);
    if (refusedNow !== null) return { kind: "refused", refusal: refusedNow };
    if (instructions.length === 0 && report.instructions.length > 0) {
      // Nothing left to post: a retry after every leg moved, which only records the outcome.
      const after =
        report.legs.length === 0
          ? window
          : await this.store.recordPostedLegs(
              window.id,
              [],
              report.instructions.length,
              this.clock(),
            );
      return { kind: "confirmed", window: after, posted: [], alreadyPosted: [], refused: [] };
    }
    const accounts = await this.store.readSettlementAccounts(
      window.currency,
      instructions.map((i) => i.accountId),
    );
    const requests = instructions.map((instruction) => {
      const account = accounts.get(instruction.accountId);
      if (account === undefined) {
        throw new Error(
          `${instruction.participantId} holds no ${window.currency} settlement account`,
        );
      }
      return settlementLegRequest(instruction, {
        nettedAccountId: instruction.accountId,
        settlementAccountId: account.settlementAccountId,
      });
    });
    const claim = this.newClaim();
    const legs: LegRecord[] = instructions.map((instruction, index) => ({
      windowId: window.id,
      accountId: instruction.accountId,
      participantId: instruction.participantId,
      currency: window.currency,
      amount: legAmountOnNetted(instruction),
      transferId: requests[index]?.id ?? "",
      state: "instructed",
      source,
      claim,
    }));
    const refusal = await this.store.beginSettlement(window.id, legs);
    if (refusal !== null) return { kind: "refused", refusal };
    const codes: TransferResultCode[] = [];
    for (let from = 0; from < requests.length; from += legsPerSubmissionMax) {
      codes.push(...(await this.ledger.submit(requests.slice(from, from + legsPerSubmissionMax))));
    }
    const postedLegs = legs.filter((_, i) => codes[i] === "ok" || codes[i] === "exists");
    const posted = legs.filter((_, i) => codes[i] === "ok").map((leg) => leg.transferId);
    const existed = legs.filter((_, i) => codes[i] === "exists").map((leg) => leg.transferId);
    const refusedLegs = legs.filter((_, i) => codes[i] !== "ok" && codes[i] !== "exists");
    await this.store.dropRefusedLegs(
      window.id,
      refusedLegs.map((leg) => leg.transferId),
      claim,
    );
    const after = await this.store.recordPostedLegs(
      window.id,
      postedLegs,
      report.instructions.length,
      this.clock(),
    );
    // Replayed legs (`exists`) too: a confirmation stopped before this line is then completed.
    const moved = legs.filter((_, i) => codes[i] === "ok" || codes[i] === "exists");
    for (const participantId of new Set(moved.map((leg) => leg.participantId))) {
      await this.reserves.followReserve(participantId, window.currency);
    }
    const refused = refusedLegs.map((leg) => ({
      participantId: leg.participantId,
      code: codes[legs.indexOf(leg)] as TransferResultCode,
    }));
    await this.record(actor, "settlement_window.confirm", window.id, {
      source,
      posted: posted.length,
      alreadyPosted: existed.length + alreadyPostedCount,
      refused: refused.map((r) => `${r.participantId}:${r.code}`),
      state: after.state,
    });
    return {
      kind: "confirmed",
      window: after,
      posted,
      alreadyPosted: existed,
      refused,
    };
  }

  private async shortfalls(
    window: SettlementWindow,
    instructions: readonly SettlementInstruction[],
  ): Promise<LiquidityShortfall[]> {
    const payers = instructions.filter((i) => i.direction === "pay");
    const accounts = await this.store.readSettlementAccounts(
      window.currency,
      payers.map((i) => i.accountId),
    );
    const reserves = new Map([...accounts].map(([id, account]) => [id, account.available]));
    return liquidityShortfalls(payers, reserves);
  }

  private async record(
    actor: AuditActor,
    action: "settlement_window.close" | "settlement_window.confirm" | "settlement_window.abort",
    windowId: string,
    details: AuditDetails,
  ): Promise<void> {
    await this.audit.append({ at: this.clock(), actor, action, subject: windowId, details });
  }
}

function unpostedOf(
  instructions: readonly SettlementInstruction[],
  legs: readonly LegRecord[],
): SettlementInstruction[] {
  const posted = new Set(legs.filter((leg) => leg.state === "posted").map((leg) => leg.accountId));
  return instructions.filter((instruction) => !posted.has(instruction.accountId));
}

function selectInstructions(
  report: SettlementReport,
  scope: ConfirmScope,
):
  | readonly SettlementInstruction[]
  | (ConfirmOutcome & { readonly kind: "participant_not_in_window" }) {
  if (scope.kind !== "participants") return report.instructions;
  const named = new Set(scope.participantIds);
  const settling = new Set(report.instructions.map((i) => i.participantId));
  const unknown = [...named].filter((id) => !settling.has(id));
  if (unknown.length > 0) return { kind: "participant_not_in_window", participantIds: unknown };
  return report.instructions.filter((i) => named.has(i.participantId));
}
