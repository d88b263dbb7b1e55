import { type Kysely, PostgresAdapter, type RawBuilder, sql } from "kysely";
import { accountAmountMax, reserveCapFactorBpsPerUnit } from "../../domain/ledger/reserve-cap.ts";
import type { ClearhubSchema } from "./schema.ts";

/**
 * `reserveCap` (domain/ledger/reserve-cap.ts) in SQL, exact on both dialects: with
 * reserve = q·10000 + r, the cap is q·f + ⌊r·f/10000⌋ (= q·f + t), and it passes the 64-bit
 * maximum M exactly when q > ⌊(M − t)/f⌋. Every intermediate stays within 64 bits, where
 * SQLite would otherwise turn an overflowing product into a lossy float.
 */
function capSql(reserve: RawBuilder<unknown>, factorBps: RawBuilder<unknown>): RawBuilder<bigint> {
  const unit = sql.lit(reserveCapFactorBpsPerUnit);
  const max = sql.raw(accountAmountMax.toString());
  const q = sql`(${reserve} / ${unit})`;
  const t = sql`((${reserve} % ${unit}) * ${factorBps} / ${unit})`;
  return sql<bigint>`case
    when ${reserve} <= 0 then 0
    when ${q} > (${max} - ${t}) / ${factorBps} then ${max}
    else ${q} * ${factorBps} + ${t} end`;
}

/**
 * Re-sets the position's net debit cap from the settlement account's balance, if the
 * participant has a rule in this currency: one statement that reads the balance as it is when
 * the statement runs. On PostgreSQL it first locks the two accounts, in id order as the
 * ledger's batches do (no deadlock with them); a locking read returns the newest committed
 * row, so of two racing re-sets the later one sees every movement committed before it. SQLite
 * runs one writer at a time, and the statement reads the latest commit. The new cap, or
 * undefined when no rule applies.
 */
export async function followReserveSql(
  db: Kysely<ClearhubSchema>,
  participantId: string,
  currency: string,
): Promise<bigint | undefined> {
  // Told by the connection itself, so a store needs no dialect passed to re-set caps.
  const statement =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? postgresFollow(participantId, currency)
      : sqliteFollow(participantId, currency);
  const { rows } = await statement.execute(db);
  const cap = rows[0]?.debit_limit;
  return cap === undefined || cap === null ? undefined : BigInt(cap);
}

function postgresFollow(participantId: string, currency: string) {
  const cap = capSql(sql`s.balance`, sql`r.factor_bps::bigint`);
  return sql<{ debit_limit: bigint | null }>`
    with locked as (
      select id, kind, credits_posted - debits_posted as balance from accounts
      where participant_id = ${participantId} and currency = ${currency}
        and kind in ('position', 'settlement')
      order by id
      for update
    )
    update accounts set debit_limit = ${cap}
    from locked p, locked s, reserve_cap_rules r
    where p.kind = 'position' and s.kind = 'settlement' and accounts.id = p.id
      and r.participant_id = ${participantId} and r.currency = ${currency}
    returning accounts.debit_limit`;
}

function sqliteFollow(participantId: string, currency: string) {
  const cap = capSql(sql`(s.credits_posted - s.debits_posted)`, sql`r.factor_bps`);
  return sql<{ debit_limit: bigint | null }>`
    update accounts set debit_limit = (
      select ${cap} from accounts s, reserve_cap_rules r
      where s.participant_id = accounts.participant_id and s.currency = accounts.currency
        and s.kind = 'settlement'
        and r.participant_id = accounts.participant_id and r.currency = accounts.currency
    )
    where participant_id = ${participantId} and currency = ${currency} and kind = 'position'
      and exists (
        select 1 from reserve_cap_rules r
        where r.participant_id = ${participantId} and r.currency = ${currency}
      )
      and exists (
        select 1 from accounts s
        where s.participant_id = ${participantId} and s.currency = ${currency}
          and s.kind = 'settlement'
      )
    returning debit_limit`;
}
