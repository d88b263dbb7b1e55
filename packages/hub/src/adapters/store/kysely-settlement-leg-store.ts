import type { Kysely, Transaction } from "kysely";
import type { LegRecord, SettlementLegStore } from "../../app/ports/settlement-leg-store.ts";
import {
  type SettlementWindow,
  settleableRefusal,
  type WindowRefusal,
} from "../../domain/settlement/settlement-window.ts";
import type { Dialect } from "./dialect.ts";
import type { ClearhubSchema } from "./schema.ts";
import { legFromRow, windowFromRow } from "./settlement-rows.ts";
import { lockedWindow, lockWindow } from "./settlement-window-lock.ts";

/**
 * Settlement legs in the hub's database: the rows recorded beside their ledger transfers, the
 * claim of the confirmation that instructed each last, and the window states their posting
 * moves the window through.
 */
export class KyselySettlementLegStore implements SettlementLegStore {
  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly dialect: Dialect,
  ) {}

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
      const row = await lockedWindow(trx, this.dialect, "id", windowId);
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
      await lockWindow(trx, this.dialect, windowId);
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
      await lockWindow(trx, this.dialect, windowId);
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
