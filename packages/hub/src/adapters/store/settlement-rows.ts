import type { Selectable } from "kysely";
import type { LegRecord } from "../../app/ports/settlement-leg-store.ts";
import type { NetPosition } from "../../domain/settlement/net-position.ts";
import type { SettlementWindow, WindowState } from "../../domain/settlement/settlement-window.ts";
import type {
  SettlementLegsTable,
  SettlementPositionsTable,
  SettlementWindowsTable,
} from "./settlement-tables.ts";

const nullableNumber = (value: bigint | null): number | null =>
  value === null ? null : Number(value);

export function windowFromRow(row: Selectable<SettlementWindowsTable>): SettlementWindow {
  return {
    id: row.id,
    currency: row.currency,
    number: Number(row.number),
    state: row.state as WindowState,
    startSeq: Number(row.start_seq),
    endSeq: nullableNumber(row.end_seq),
    openedAt: Number(row.opened_at),
    closedAt: nullableNumber(row.closed_at),
    closedBy: row.closed_by,
    settledAt: nullableNumber(row.settled_at),
    abortedAt: nullableNumber(row.aborted_at),
    carriedInto: row.carried_into,
  };
}

export function windowToRow(window: SettlementWindow): Selectable<SettlementWindowsTable> {
  const big = (value: number | null) => (value === null ? null : BigInt(value));
  return {
    id: window.id,
    currency: window.currency,
    number: BigInt(window.number),
    state: window.state,
    start_seq: BigInt(window.startSeq),
    end_seq: big(window.endSeq),
    opened_at: BigInt(window.openedAt),
    closed_at: big(window.closedAt),
    closed_by: window.closedBy,
    settled_at: big(window.settledAt),
    aborted_at: big(window.abortedAt),
    carried_into: window.carriedInto,
  };
}

export function positionFromRow(row: Selectable<SettlementPositionsTable>): NetPosition {
  return {
    accountId: Number(row.account_id),
    participantId: row.participant_id,
    grossSent: BigInt(row.gross_sent),
    grossReceived: BigInt(row.gross_received),
    net: BigInt(row.net),
  };
}

export function positionToRow(
  windowId: string,
  position: NetPosition,
): Selectable<SettlementPositionsTable> {
  return {
    window_id: windowId,
    account_id: position.accountId,
    participant_id: position.participantId,
    gross_sent: position.grossSent,
    gross_received: position.grossReceived,
    net: position.net,
  };
}

export function legFromRow(row: Selectable<SettlementLegsTable>): LegRecord {
  return {
    windowId: row.window_id,
    accountId: Number(row.account_id),
    participantId: row.participant_id,
    currency: row.currency,
    amount: BigInt(row.amount),
    transferId: row.transfer_id,
    state: row.state as LegRecord["state"],
    source: row.source,
    claim: row.claim,
  };
}
