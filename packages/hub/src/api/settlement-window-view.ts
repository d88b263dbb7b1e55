import { type Static, Type } from "@sinclair/typebox";
import type { SettlementReport } from "../app/settlement/settlement-report.ts";
import { type SettlementWindow, windowStates } from "../domain/settlement/settlement-window.ts";
import { literalUnion } from "./literal-union.ts";
import { AmountOutput, writeMoney } from "./money-codec.ts";

const Instant = Type.String({ format: "date-time" });
const NullableInstant = Type.Union([Instant, Type.Null()]);

export const SettlementWindowViewSchema = Type.Object(
  {
    id: Type.String({ description: "`<currency>-<number>`" }),
    currency: Type.String(),
    number: Type.Integer({ minimum: 1 }),
    state: literalUnion(windowStates),
    startSeq: Type.Integer({
      minimum: 0,
      description: "The window holds the journal's batches after this one",
    }),
    endSeq: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
      description: "Its last batch; null while open",
    }),
    openedAt: Instant,
    closedAt: NullableInstant,
    closedBy: Type.Union([Type.String(), Type.Null()], {
      description: "`schedule`, `cli`, or `operator:<account id>`",
    }),
    settledAt: NullableInstant,
    abortedAt: NullableInstant,
    carriedInto: Type.Union([Type.String(), Type.Null()], {
      description: "For an aborted window: the window whose round settles its positions",
    }),
  },
  { title: "SettlementWindow" },
);
export type SettlementWindowView = Static<typeof SettlementWindowViewSchema>;

const instant = (at: number | null) => (at === null ? null : new Date(at).toISOString());

export function settlementWindowView(window: SettlementWindow): SettlementWindowView {
  return {
    id: window.id,
    currency: window.currency,
    number: window.number,
    state: window.state,
    startSeq: window.startSeq,
    endSeq: window.endSeq,
    openedAt: new Date(window.openedAt).toISOString(),
    closedAt: instant(window.closedAt),
    closedBy: window.closedBy,
    settledAt: instant(window.settledAt),
    abortedAt: instant(window.abortedAt),
    carriedInto: window.carriedInto,
  };
}

export const SettlementReportViewSchema = Type.Object(
  {
    window: SettlementWindowViewSchema,
    positions: Type.Array(
      Type.Object({
        participantId: Type.String(),
        accountId: Type.Integer(),
        grossSent: AmountOutput,
        grossReceived: AmountOutput,
        net: Type.String({ description: "Received − sent; negative: the participant pays" }),
      }),
    ),
    instructions: Type.Array(
      Type.Object({
        participantId: Type.String(),
        accountId: Type.Integer(),
        direction: literalUnion(["pay", "receive"] as const),
        amount: AmountOutput,
        leg: literalUnion(["none", "instructed", "posted"] as const, {
          description: "The state of the ledger transfer that settles the instruction",
        }),
      }),
    ),
    shortfalls: Type.Array(
      Type.Object({
        participantId: Type.String(),
        owes: AmountOutput,
        reserve: Type.String({ description: "What its settlement account can pay now" }),
        shortBy: AmountOutput,
      }),
      { description: "Payers whose reserve cannot cover their instruction now" },
    ),
    carried: Type.Array(Type.String(), {
      description: "Aborted windows whose positions this window's include",
    }),
  },
  { title: "SettlementReport" },
);
export type SettlementReportView = Static<typeof SettlementReportViewSchema>;

export function settlementReportView(report: SettlementReport): SettlementReportView {
  const currency = report.window.currency;
  const money = (minor: bigint) => writeMoney(minor, currency);
  const legs = new Map(report.legs.map((leg) => [leg.accountId, leg.state]));
  return {
    window: settlementWindowView(report.window),
    positions: report.positions.map((p) => ({
      participantId: p.participantId,
      accountId: p.accountId,
      grossSent: money(p.grossSent),
      grossReceived: money(p.grossReceived),
      net: money(p.net),
    })),
    instructions: report.instructions.map((i) => ({
      participantId: i.participantId,
      accountId: i.accountId,
      direction: i.direction,
      amount: money(i.amount),
      leg: legs.get(i.accountId) ?? "none",
    })),
    shortfalls: report.shortfalls.map((s) => ({
      participantId: s.participantId,
      owes: money(s.owes),
      reserve: money(s.reserve),
      shortBy: money(s.shortBy),
    })),
    carried: report.carried.map((w) => w.id),
  };
}
