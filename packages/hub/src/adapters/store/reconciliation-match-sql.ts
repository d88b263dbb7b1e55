import { type RawBuilder, sql } from "kysely";
import type { MatchRun } from "../../app/ports/reconciliation-store.ts";
import { statementSideSql } from "./statement-sql.ts";

/**
 * The match, in SQL both dialects run, over scratch tables of the match's own: `hub` (the hub's
 * rows of the day, from the statement query), `upload` (the participant's rows, each with the
 * key it is matched on) and `found` (the breaks). The database joins a million rows on indexes
 * faster, and in less memory, than a map in the hub's heap would.
 */
export interface ScratchNames {
  readonly hub: string;
  readonly upload: string;
  readonly found: string;
}

/** Scratch table names from the run id, so concurrent matches on one connection never meet. */
export function scratchNames(runId: string): ScratchNames {
  const token = runId.replace(/[^A-Za-z0-9]/g, "").slice(-24);
  return {
    hub: `recon_hub_${token}`,
    upload: `recon_upload_${token}`,
    found: `recon_found_${token}`,
  };
}

const t = (name: string) => sql.table(name);

const temporary = sql.raw("temporary");

/**
 * The columns a dialect loads uploaded rows into, in order. `match_key` is loaded as the hub
 * transaction id the row gives; rows giving only a reference are keyed after the hub's rows
 * are in (see keySql).
 */
export const uploadColumns = "line, hub_id, reference, amount, currency, status, match_key";

export function createScratchSql(names: ScratchNames) {
  return [
    sql`create ${temporary} table ${t(names.hub)} (hub_id text not null, reference text not null,
      amount bigint not null, currency text not null, status text not null)`,
    sql`create ${temporary} table ${t(names.upload)} (line bigint not null, hub_id text,
      reference text, amount bigint not null, currency text not null, status text not null,
      match_key text)`,
  ];
}

/** The hub's rows, then their index, built once over the whole table (faster than row by row). */
export function fillHubSql(names: ScratchNames, run: MatchRun) {
  const side = (which: "payer" | "payee") =>
    statementSideSql(which, run.participantId, run.fromMs, run.toMs);
  return [
    sql`insert into ${t(names.hub)} (hub_id, reference, amount, currency, status)
      select hub_id, reference, amount, currency, status from (${side("payer")}) payer_side
      union all
      select hub_id, reference, amount, currency, status from (${side("payee")}) payee_side`,
    sql`create unique index ${sql.id(`${names.hub}_id`)} on ${t(names.hub)} (hub_id)`,
  ];
}

/** Whether any uploaded row gives only a reference, so keying it needs the reference index. */
export function unkeyedSql(names: ScratchNames) {
  return sql`select count(*) as n from ${t(names.upload)} where match_key is null`;
}

/**
 * Keys uploaded rows that give only a reference: the hub row with that reference (the lowest
 * id, should a participant reuse a reference across kinds), else `ref:` and the reference,
 * which no hub row has (a missing one).
 */
export function keyByReferenceSql(names: ScratchNames) {
  return [
    sql`create index ${sql.id(`${names.hub}_reference`)} on ${t(names.hub)} (reference)`,
    sql`update ${t(names.upload)} set match_key = coalesce(
        (select min(h.hub_id) from ${t(names.hub)} h where h.reference = ${t(names.upload)}.reference),
        'ref:' || reference)
      where match_key is null`,
  ];
}

/** Uploaded rows by key, then line: the first of a key is compared, the others are duplicates. */
export function keySql(names: ScratchNames) {
  return [
    sql`create index ${sql.id(`${names.upload}_key`)} on ${t(names.upload)} (match_key, line)`,
  ];
}

/**
 * Every break, one row each, into the `found` scratch table, in two passes: the uploaded rows
 * in key order (ranked by line within a key, so the window needs no sort), each joined with its
 * hub row and tried against the four kinds an uploaded row can show; then the hub's rows no
 * uploaded row keys. A hub row still unknown is never compared.
 */
export function findBreaksSql(names: ScratchNames) {
  const hub = t(names.hub);
  const upload = t(names.upload);
  const kinds = sql`select 'duplicate' as kind, 0 as compared
    union all select 'missing_at_hub', 0
    union all select 'amount_differs', 1
    union all select 'status_differs', 1`;
  const fromHub = (column: string, otherwise: RawBuilder<unknown>) =>
    sql`case when c.compared = 1 then ${sql.ref(`h.${column}`)} else ${otherwise} end`;
  return [
    sql`create ${temporary} table ${t(names.found)} as
      select c.kind, k.match_key, ${fromHub("hub_id", sql.ref("k.hub_id"))} as hub_transaction_id,
        ${fromHub("reference", sql.ref("k.reference"))} as participant_reference,
        ${fromHub("currency", sql.ref("k.currency"))} as currency,
        ${fromHub("amount", sql`cast(null as bigint)`)} as hub_amount,
        k.amount as participant_amount, ${fromHub("status", sql`cast(null as text)`)} as hub_status,
        k.status as participant_status, k.line
      from (select u.*, row_number() over (partition by u.match_key order by u.line) as nth
        from ${upload} u) k
      left join ${hub} h on h.hub_id = k.match_key
      join (${kinds}) c on case c.kind
        when 'duplicate' then k.nth > 1
        when 'missing_at_hub' then k.nth = 1 and h.hub_id is null
        when 'amount_differs' then k.nth = 1 and h.status <> 'unknown'
          and (h.amount <> k.amount or h.currency <> k.currency)
        else k.nth = 1 and h.status <> 'unknown' and h.status <> k.status end
      union all
      select 'missing_at_participant', h.hub_id, h.hub_id, h.reference, h.currency, h.amount,
        null, h.status, null, null
      from ${hub} h where h.status <> 'unknown'
        and not exists (select 1 from ${upload} u where u.match_key = h.hub_id)`,
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
  return [names.found, names.upload, names.hub].map((name) => sql`drop table if exists ${t(name)}`);
}
