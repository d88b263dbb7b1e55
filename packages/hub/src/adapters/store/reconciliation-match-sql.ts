import { sql } from "kysely";
import type { MatchRun } from "../../app/ports/reconciliation-store.ts";
import { statementSideSql } from "./statement-sql.ts";

/**
 * The match, in SQL both dialects run, over two scratch tables of the match's own: `hub` (the
 * hub's rows of the day, from the statement query) and `upload` (the participant's rows), then
 * `keyed`: each uploaded row with the key it is matched on and its rank among rows of that key.
 * The database joins a million rows on indexes faster, and in less memory, than a map in the
 * hub's heap would.
 */
export interface ScratchNames {
  readonly hub: string;
  readonly upload: string;
  readonly keyed: string;
  readonly found: string;
}

/** Scratch table names from the run id, so concurrent matches on one connection never meet. */
export function scratchNames(runId: string): ScratchNames {
  const token = runId.replace(/[^A-Za-z0-9]/g, "").slice(-24);
  return {
    hub: `recon_hub_${token}`,
    upload: `recon_upload_${token}`,
    keyed: `recon_keyed_${token}`,
    found: `recon_found_${token}`,
  };
}

const t = (name: string) => sql.table(name);

const temporary = sql.raw("temporary");

export function createScratchSql(names: ScratchNames) {
  return [
    sql`create ${temporary} table ${t(names.hub)} (hub_id text primary key, reference text not null,
      amount bigint not null, currency text not null, status text not null)`,
    sql`create ${temporary} table ${t(names.upload)} (line bigint not null, hub_id text,
      reference text, amount bigint not null, currency text not null, status text not null)`,
  ];
}

export function fillHubSql(names: ScratchNames, run: MatchRun) {
  const side = (which: "payer" | "payee") =>
    statementSideSql(which, run.participantId, run.fromMs, run.toMs);
  return [
    sql`insert into ${t(names.hub)} (hub_id, reference, amount, currency, status)
      select hub_id, reference, amount, currency, status from (${side("payer")}) payer_side
      union all
      select hub_id, reference, amount, currency, status from (${side("payee")}) payee_side`,
    sql`create index ${sql.id(`${names.hub}_reference`)} on ${t(names.hub)} (reference)`,
  ];
}

/**
 * Keys uploaded rows: the hub transaction id when given, else the hub row with that reference
 * (the lowest id, should a participant reuse a reference across kinds), else `ref:` and the
 * reference, which no hub row has (a missing one). Ranks rows of a key by line: the first is
 * compared, the others are duplicates.
 */
export function keySql(names: ScratchNames) {
  return [
    sql`create ${temporary} table ${t(names.keyed)} as
      select k.*, row_number() over (partition by k.match_key order by k.line) as nth from (
        select u.line, u.hub_id, u.reference, u.amount, u.currency, u.status,
          coalesce(u.hub_id,
            (select min(h.hub_id) from ${t(names.hub)} h where h.reference = u.reference),
            'ref:' || u.reference) as match_key
        from ${t(names.upload)} u) k`,
    sql`create index ${sql.id(`${names.keyed}_key`)} on ${t(names.keyed)} (match_key, nth)`,
  ];
}

/** Every break, one row each, into the `found` scratch table. */
export function findBreaksSql(names: ScratchNames) {
  const hub = t(names.hub);
  const keyed = t(names.keyed);
  const compared = sql`from ${keyed} k join ${hub} h on h.hub_id = k.match_key
    where k.nth = 1 and h.status <> 'unknown'`;
  return [
    sql`create ${temporary} table ${t(names.found)} as
      select 'duplicate' as kind, k.match_key, k.hub_id as hub_transaction_id,
        k.reference as participant_reference, k.currency, cast(null as bigint) as hub_amount,
        k.amount as participant_amount, cast(null as text) as hub_status,
        k.status as participant_status, k.line
      from ${keyed} k where k.nth > 1
      union all
      select 'missing_at_hub', k.match_key, k.hub_id, k.reference, k.currency, null,
        k.amount, null, k.status, k.line
      from ${keyed} k where k.nth = 1
        and not exists (select 1 from ${hub} h where h.hub_id = k.match_key)
      union all
      select 'missing_at_participant', h.hub_id, h.hub_id, h.reference, h.currency, h.amount,
        null, h.status, null, null
      from ${hub} h where h.status <> 'unknown'
        and not exists (select 1 from ${keyed} k where k.match_key = h.hub_id)
      union all
      select 'amount_differs', h.hub_id, h.hub_id, h.reference, h.currency, h.amount,
        k.amount, h.status, k.status, k.line
      ${compared} and (h.amount <> k.amount or h.currency <> k.currency)
      union all
      select 'status_differs', h.hub_id, h.hub_id, h.reference, h.currency, h.amount,
        k.amount, h.status, k.status, k.line
      ${compared} and h.status <> k.status`,
  ];
}

export function countsSql(names: ScratchNames) {
  return {
    hubRows: sql`select count(*) as n from ${t(names.hub)}`,
    participantRows: sql`select count(*) as n from ${t(names.upload)}`,
    unknown: sql`select count(*) as n from ${t(names.hub)} where status = 'unknown'`,
    unknownIds: (limit: number) =>
      sql`select hub_id from ${t(names.hub)} where status = 'unknown' order by hub_id limit ${limit}`,
    breaksByKind: sql`select kind, count(*) as n from ${t(names.found)} group by kind`,
  };
}

/**
 * Replaces the day's open breaks by the ones found, except differences already resolved in an
 * earlier run (same kind and key): their resolution stands. Then records the run. The caller
 * runs these in one transaction.
 */
export function recordBreaksSql(names: ScratchNames, run: MatchRun, counts: RunCounts) {
  const day = sql`participant_id = ${run.participantId} and day = ${run.day}`;
  return [
    sql`insert into recon_runs (id, participant_id, day, from_ms, to_ms, hub_rows,
        participant_rows, unknown_rows, breaks, uploaded_by, created_at)
      values (${run.id}, ${run.participantId}, ${run.day}, ${BigInt(run.fromMs)}, ${BigInt(run.toMs)},
        ${BigInt(counts.hubRows)}, ${BigInt(counts.participantRows)}, ${BigInt(counts.unknown)},
        ${BigInt(counts.breaks)}, ${run.uploadedBy}, ${BigInt(run.at)})`,
    sql`delete from recon_breaks where ${day} and state = 'open'`,
    sql`insert into recon_breaks (id, run_id, participant_id, day, kind, match_key,
        hub_transaction_id, participant_reference, currency, hub_amount, participant_amount,
        hub_status, participant_status, line, state, created_at)
      select ${run.id} || '-' || cast(row_number() over (order by f.kind, f.match_key, f.line) as text),
        ${run.id}, ${run.participantId}, ${run.day}, f.kind, f.match_key, f.hub_transaction_id,
        f.participant_reference, f.currency, f.hub_amount, f.participant_amount, f.hub_status,
        f.participant_status, f.line, 'open', ${BigInt(run.at)}
      from ${t(names.found)} f
      where not exists (select 1 from recon_breaks b where b.participant_id = ${run.participantId}
        and b.day = ${run.day} and b.state <> 'open' and b.kind = f.kind and b.match_key = f.match_key)`,
  ];
}

export interface RunCounts {
  readonly hubRows: number;
  readonly participantRows: number;
  readonly unknown: number;
  readonly breaks: number;
}

export function dropScratchSql(names: ScratchNames) {
  return [names.found, names.keyed, names.upload, names.hub].map(
    (name) => sql`drop table if exists ${t(name)}`,
  );
}
