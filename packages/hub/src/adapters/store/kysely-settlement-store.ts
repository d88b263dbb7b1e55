import { type Kysely, sql } from "kysely";
import { operatorParticipantId } from "../../app/participants/participant-service.ts";
import type { LegRecord } from "../../app/ports/settlement-leg-store.ts";
import type {
  BilateralPosition,
  CloseOutcome,
  CloseRequest,
  SettlementAccountOf,
  SettlementStore,
  WindowFilter,
} from "../../app/ports/settlement-store.ts";
import type { NetPosition, WindowEnds } from "../../domain/settlement/net-position.ts";
import {
  abortableRefusal,
  type SettlementWindow,
  type WindowRefusal,
} from "../../domain/settlement/settlement-window.ts";
import type { Dialect } from "./dialect.ts";
import { KyselySettlementLegStore } from "./kysely-settlement-leg-store.ts";
import type { ClearhubSchema } from "./schema.ts";
import { closeInTransaction, ensureOpenWindow } from "./settlement-close.ts";
import { positionFromRow, windowFromRow } from "./settlement-rows.ts";
import { lockedWindow } from "./settlement-window-lock.ts";

type Db = Kysely<ClearhubSchema>;

/**
 * Settlement windows and positions in the hub's database (SQLite or PostgreSQL); their legs are
 * kept by KyselySettlementLegStore.
 */
export class KyselySettlementStore implements SettlementStore {
  private readonly legs: KyselySettlementLegStore;

  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {
    this.legs = new KyselySettlementLegStore(db, dialect);
  }

  readLegs(windowId: string): Promise<LegRecord[]> {
    return this.legs.readLegs(windowId);
  }

  beginSettlement(windowId: string, legs: readonly LegRecord[]): Promise<WindowRefusal | null> {
    return this.legs.beginSettlement(windowId, legs);
  }

  recordPostedLegs(
    windowId: string,
    legs: readonly LegRecord[],
    instructedCount: number,
    now: number,
  ): Promise<SettlementWindow> {
    return this.legs.recordPostedLegs(windowId, legs, instructedCount, now);
  }

  dropRefusedLegs(windowId: string, transferIds: readonly string[], claim: string): Promise<void> {
    return this.legs.dropRefusedLegs(windowId, transferIds, claim);
  }

  closeWindow(
    request: CloseRequest,
    net: (ends: WindowEnds) => NetPosition[],
  ): Promise<CloseOutcome> {
    return this.db
      .transaction()
      .execute((trx) => closeInTransaction(trx, this.dialect, request, net));
  }

  async openWindow(currency: string, now: number): Promise<SettlementWindow> {
    const find = () =>
      this.db
        .selectFrom("settlement_windows")
        .selectAll()
        .where("currency", "=", currency)
        .where("state", "=", "open")
        .executeTakeFirst();
    let row = await find();
    if (row === undefined) {
      await ensureOpenWindow(this.db, currency, now);
      row = await find();
    }
    if (row === undefined) throw new Error(`no open settlement window for ${currency}`);
    return windowFromRow(row);
  }

  async findWindow(id: string): Promise<SettlementWindow | undefined> {
    const row = await this.db
      .selectFrom("settlement_windows")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row === undefined ? undefined : windowFromRow(row);
  }

  async listWindows(filter: WindowFilter): Promise<SettlementWindow[]> {
    const rows = await this.db
      .selectFrom("settlement_windows")
      .selectAll()
      .$if(filter.currency !== undefined, (q) => q.where("currency", "=", filter.currency ?? ""))
      .$if(filter.state !== undefined, (q) => q.where("state", "=", filter.state ?? ""))
      .$if(filter.beforeOpenedAt !== undefined, (q) =>
        q.where("opened_at", "<", BigInt(filter.beforeOpenedAt ?? 0)),
      )
      .orderBy("opened_at", "desc")
      .orderBy("id", "desc")
      .limit(filter.limit)
      .execute();
    return rows.map(windowFromRow);
  }

  async readWindowsAfter(
    currency: string,
    afterNumber: number,
    limit: number,
  ): Promise<SettlementWindow[]> {
    const rows = await this.db
      .selectFrom("settlement_windows")
      .selectAll()
      .where("currency", "=", currency)
      .where("number", ">", BigInt(afterNumber))
      .orderBy("number")
      .limit(limit)
      .execute();
    return rows.map(windowFromRow);
  }

  async listCurrencies(): Promise<string[]> {
    const rows = await this.db
      .selectFrom("accounts")
      .select("currency")
      .distinct()
      .orderBy("currency")
      .execute();
    return rows.map((row) => row.currency);
  }

  async readPositions(windowId: string): Promise<NetPosition[]> {
    const rows = await this.db
      .selectFrom("settlement_positions")
      .selectAll()
      .where("window_id", "=", windowId)
      .orderBy("account_id")
      .execute();
    return rows.map(positionFromRow);
  }

  /**
   * Sums the window's posted and committed transfers between position accounts per ordered
   * pair, then nets each pair. Settlement legs move money within one participant, so the
   * pair condition leaves them out. Aborted windows carried into this one are included.
   */
  async readBilateral(window: SettlementWindow): Promise<BilateralPosition[]> {
    const ranges = (await this.withCarried(window)).filter((w) => w.endSeq !== null);
    const flows = new Map<string, bigint>();
    for (const range of ranges) {
      const { rows } = await sql<{ payer: string; payee: string; amount: bigint | string }>`
        select d.participant_id as payer, c.participant_id as payee, sum(t.amount) as amount
        from transfers t
        join accounts d on d.id = t.debit_account_id
        join accounts c on c.id = t.credit_account_id
        where t.batch_seq > ${BigInt(range.startSeq)} and t.batch_seq <= ${BigInt(range.endSeq ?? 0)}
          and t.currency = ${window.currency} and t.kind in ('posted', 'commit')
          and d.participant_id <> c.participant_id
          and (d.kind = 'position' or (d.kind = 'fee' and d.participant_id = ${operatorParticipantId}))
          and (c.kind = 'position' or (c.kind = 'fee' and c.participant_id = ${operatorParticipantId}))
        group by d.participant_id, c.participant_id`.execute(this.db);
      for (const row of rows) {
        const key = `${row.payer}\u0000${row.payee}`;
        flows.set(key, (flows.get(key) ?? 0n) + BigInt(row.amount));
      }
    }
    return netPairs(flows);
  }

  async readSettlementAccounts(
    currency: string,
    nettedAccountIds: readonly number[],
  ): Promise<Map<number, SettlementAccountOf>> {
    const found = new Map<number, SettlementAccountOf>();
    if (nettedAccountIds.length === 0) return found;
    const rows = await this.db
      .selectFrom("accounts as n")
      .innerJoin("accounts as s", (join) =>
        join
          .onRef("s.participant_id", "=", "n.participant_id")
          .onRef("s.currency", "=", "n.currency")
          .on("s.kind", "=", "settlement"),
      )
      .select([
        "n.id as netted_id",
        "s.id as settlement_id",
        "s.credits_posted",
        "s.debits_posted",
        "s.debits_pending",
      ])
      .where("n.currency", "=", currency)
      .where("n.id", "in", [...nettedAccountIds])
      .execute();
    for (const row of rows) {
      found.set(Number(row.netted_id), {
        nettedAccountId: Number(row.netted_id),
        settlementAccountId: Number(row.settlement_id),
        available:
          BigInt(row.credits_posted) - BigInt(row.debits_posted) - BigInt(row.debits_pending),
      });
    }
    return found;
  }

  abortWindow(
    windowId: string,
    now: number,
  ): Promise<{ window: SettlementWindow; into: SettlementWindow } | WindowRefusal> {
    return this.db.transaction().execute(async (trx) => {
      const row = await lockedWindow(trx, this.dialect, "id", windowId);
      if (row === undefined) return "window_not_found";
      const window = windowFromRow(row);
      const refusal = abortableRefusal(window);
      if (refusal !== null) return refusal;
      // The open window cannot close meanwhile without this row: a close locks the open
      // window's row and reads carried windows after, so it sees this abort or runs before it.
      await ensureOpenWindow(trx, window.currency, now);
      const open = await lockedWindow(trx, this.dialect, "open_in", window.currency);
      if (open === undefined) throw new Error(`no open settlement window for ${window.currency}`);
      await trx
        .updateTable("settlement_windows")
        .set({ state: "aborted", aborted_at: BigInt(now), carried_into: open.id })
        .where("id", "=", windowId)
        .execute();
      return {
        window: { ...window, state: "aborted", abortedAt: now, carriedInto: open.id },
        into: windowFromRow(open),
      };
    });
  }

  /** The window and every window aborted into it, or into those, and so on. */
  private async withCarried(window: SettlementWindow): Promise<SettlementWindow[]> {
    const all = [window];
    for (let index = 0; index < all.length; index++) {
      all.push(...(await this.readCarriedWindows((all[index] as SettlementWindow).id)));
    }
    return all;
  }

  async readCarriedWindows(windowId: string): Promise<SettlementWindow[]> {
    const rows = await this.db
      .selectFrom("settlement_windows")
      .selectAll()
      .where("carried_into", "=", windowId)
      .orderBy("number")
      .execute();
    return rows.map(windowFromRow);
  }
}

/** Nets each unordered pair's two directions into one positive flow. */
function netPairs(flows: ReadonlyMap<string, bigint>): BilateralPosition[] {
  const netted: BilateralPosition[] = [];
  for (const [key, amount] of flows) {
    const [payer = "", payee = ""] = key.split("\u0000");
    const back = flows.get(`${payee}\u0000${payer}`) ?? 0n;
    if (amount > back) netted.push({ payerId: payer, payeeId: payee, amount: amount - back });
  }
  return netted.sort(
    (a, b) => a.payerId.localeCompare(b.payerId) || a.payeeId.localeCompare(b.payeeId),
  );
}
