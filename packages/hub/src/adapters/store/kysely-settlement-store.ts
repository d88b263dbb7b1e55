import { type Kysely, sql, type Transaction } from "kysely";
import { operatorParticipantId } from "../../app/participants/participant-service.ts";
import type {
  BilateralPosition,
  CloseOutcome,
  CloseRequest,
  LegRecord,
  SettlementAccountOf,
  SettlementStore,
  WindowFilter,
} from "../../app/ports/settlement-store.ts";
import type { NetPosition, WindowEnds } from "../../domain/settlement/net-position.ts";
import {
  abortableRefusal,
  type SettlementWindow,
  settleableRefusal,
  type WindowRefusal,
} from "../../domain/settlement/settlement-window.ts";
import type { Dialect } from "./dialect.ts";
import type { ClearhubSchema } from "./schema.ts";
import { closeInTransaction, ensureOpenWindow } from "./settlement-close.ts";
import { legFromRow, positionFromRow, windowFromRow } from "./settlement-rows.ts";

type Db = Kysely<ClearhubSchema>;

/** Settlement windows, positions and legs in the hub's database (SQLite or PostgreSQL). */
export class KyselySettlementStore implements SettlementStore {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

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

  async readLegs(windowId: string): Promise<LegRecord[]> {
    const rows = await this.db
      .selectFrom("settlement_legs")
      .selectAll()
      .where("window_id", "=", windowId)
      .orderBy("account_id")
      .execute();
    return rows.map(legFromRow);
  }

  beginSettlement(windowId: string, legs: readonly LegRecord[]): Promise<WindowRefusal | null> {
    return this.db.transaction().execute(async (trx) => {
      const row = await this.lockedWindow(trx, "id", windowId);
      if (row === undefined) return "window_not_found";
      const refusal = settleableRefusal(windowFromRow(row));
      if (refusal !== null) return refusal;
      await trx
        .updateTable("settlement_windows")
        .set({ state: "pending_settlement" })
        .where("id", "=", windowId)
        .execute();
      if (legs.length === 0) return null;
      await insertLegs(trx, legs);
      return null;
    });
  }

  recordPostedLegs(
    windowId: string,
    legs: readonly LegRecord[],
    instructedCount: number,
    now: number,
  ): Promise<SettlementWindow> {
    const transferIds = legs.map((leg) => leg.transferId);
    return this.db.transaction().execute(async (trx) => {
      await this.lockWindow(trx, windowId);
      if (transferIds.length > 0) {
        // The ledger holds these transfers: a leg a concurrent confirmation forgot (the ledger
        // refused it to that one, before this one posted it) must be recorded again, or no
        // close would count it and the window would never settle.
        await insertLegs(trx, legs);
        await trx
          .updateTable("settlement_legs")
          .set({ state: "posted", posted_at: BigInt(now) })
          .where("window_id", "=", windowId)
          .where("transfer_id", "in", [...transferIds])
          .where("state", "=", "instructed")
          .execute();
      }
      const posted = await trx
        .selectFrom("settlement_legs")
        .select((eb) => eb.fn.countAll<number | bigint>().as("n"))
        .where("window_id", "=", windowId)
        .where("state", "=", "posted")
        .executeTakeFirstOrThrow();
      if (Number(posted.n) >= instructedCount) {
        await trx
          .updateTable("settlement_windows")
          .set({ state: "settled", settled_at: BigInt(now) })
          .where("id", "=", windowId)
          .where("state", "in", ["closed", "pending_settlement"])
          .execute();
      } else if (Number(posted.n) > 0) {
        // Money moved for this window: it may no longer be aborted.
        await trx
          .updateTable("settlement_windows")
          .set({ state: "pending_settlement" })
          .where("id", "=", windowId)
          .where("state", "=", "closed")
          .execute();
      }
      const row = await trx
        .selectFrom("settlement_windows")
        .selectAll()
        .where("id", "=", windowId)
        .executeTakeFirstOrThrow();
      return windowFromRow(row);
    });
  }

  dropRefusedLegs(windowId: string, transferIds: readonly string[], claim: string): Promise<void> {
    if (transferIds.length === 0) return Promise.resolve();
    return this.db.transaction().execute(async (trx) => {
      await this.lockWindow(trx, windowId);
      await trx
        .deleteFrom("settlement_legs")
        .where("window_id", "=", windowId)
        .where("transfer_id", "in", [...transferIds])
        .where("state", "=", "instructed")
        // Another confirmation instructing it since may be posting it now: its leg stays.
        .where("claim", "=", claim)
        // A concurrent confirmation may have posted it since: only a leg the ledger lacks goes.
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom("transfers")
                .select("transfers.id")
                .whereRef("transfers.id", "=", "settlement_legs.transfer_id"),
            ),
          ),
        )
        .execute();
      const left = await trx
        .selectFrom("settlement_legs")
        .select("transfer_id")
        .where("window_id", "=", windowId)
        .limit(1)
        .executeTakeFirst();
      if (left === undefined) {
        await trx
          .updateTable("settlement_windows")
          .set({ state: "closed" })
          .where("id", "=", windowId)
          .where("state", "=", "pending_settlement")
          .execute();
      }
    });
  }

  abortWindow(
    windowId: string,
    now: number,
  ): Promise<{ window: SettlementWindow; into: SettlementWindow } | WindowRefusal> {
    return this.db.transaction().execute(async (trx) => {
      const row = await this.lockedWindow(trx, "id", windowId);
      if (row === undefined) return "window_not_found";
      const window = windowFromRow(row);
      const refusal = abortableRefusal(window);
      if (refusal !== null) return refusal;
      // The open window cannot close meanwhile without this row: a close locks the open
      // window's row and reads carried windows after, so it sees this abort or runs before it.
      await ensureOpenWindow(trx, window.currency, now);
      const open = await this.lockedWindow(trx, "open_in", window.currency);
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

  /**
   * Every step that writes a window's legs takes the window's row first, as beginning
   * settlement does: two confirmations locking legs and window in opposite orders would
   * deadlock on PostgreSQL.
   */
  private async lockWindow(trx: Transaction<ClearhubSchema>, windowId: string): Promise<void> {
    if (this.dialect !== "postgres") return;
    await trx
      .selectFrom("settlement_windows")
      .select("id")
      .where("id", "=", windowId)
      .forUpdate()
      .execute();
  }

  /** The window and every window aborted into it, or into those, and so on. */
  private async withCarried(window: SettlementWindow): Promise<SettlementWindow[]> {
    const all = [window];
    for (let index = 0; index < all.length; index++) {
      all.push(...(await this.readCarriedWindows((all[index] as SettlementWindow).id)));
    }
    return all;
  }

  /** A window's row, locked for the transaction (SQLite's one connection runs one at a time). */
  private lockedWindow(trx: Transaction<ClearhubSchema>, by: "id" | "open_in", key: string) {
    return trx
      .selectFrom("settlement_windows")
      .selectAll()
      .$if(by === "id", (q) => q.where("id", "=", key))
      .$if(by === "open_in", (q) => q.where("currency", "=", key).where("state", "=", "open"))
      .$if(this.dialect === "postgres", (q) => q.forUpdate())
      .executeTakeFirst();
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

/** Records legs not recorded yet; a leg already recorded keeps its row. */
async function insertLegs(
  trx: Transaction<ClearhubSchema>,
  legs: readonly LegRecord[],
): Promise<void> {
  if (legs.length === 0) return;
  await trx
    .insertInto("settlement_legs")
    .values(
      legs.map((leg) => ({
        window_id: leg.windowId,
        account_id: leg.accountId,
        participant_id: leg.participantId,
        currency: leg.currency,
        amount: leg.amount,
        transfer_id: leg.transferId,
        state: "instructed",
        source: leg.source,
        claim: leg.claim,
        counted_seq: null,
        created_at: BigInt(Date.now()),
        posted_at: null,
      })),
    )
    // A leg still only instructed passes to the confirmation instructing it now, so a
    // confirmation that saw it refused cannot forget it while this one is posting it.
    .onConflict((conflict) =>
      conflict
        .columns(["window_id", "account_id"])
        .doUpdateSet((eb) => ({ claim: eb.ref("excluded.claim") }))
        .where("settlement_legs.state", "=", "instructed"),
    )
    .execute();
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
