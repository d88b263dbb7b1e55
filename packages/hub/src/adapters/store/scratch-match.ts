import type { RawBuilder } from "kysely";
import {
  type MatchRun,
  type MatchSummary,
  type RecordStaging,
  unknownListedMax,
} from "../../app/ports/reconciliation-store.ts";
import type { ParticipantRecordRow } from "../../domain/reconciliation/participant-record-row.ts";
import { type BreakKind, breakKinds } from "../../domain/reconciliation/reconciliation-break.ts";
import {
  countsSql,
  createScratchSql,
  dropScratchSql,
  fillHubSql,
  findBreaksSql,
  keyByReferenceSql,
  keySql,
  recordBreaksSql,
  type ScratchNames,
  scratchNames,
  unkeyedSql,
} from "./reconciliation-match-sql.ts";

/** What a dialect gives the match: one connection, its scratch tables and a transaction. */
export interface ScratchConnection {
  run(query: RawBuilder<unknown>): Promise<void>;
  rows<R>(query: RawBuilder<unknown>): Promise<R[]>;
  /** Appends uploaded rows to the `upload` scratch table, in bulk. */
  load(table: string, rows: readonly ParticipantRecordRow[]): Promise<void>;
  /** Runs the statements in one transaction of the main database. */
  inTransaction(queries: readonly RawBuilder<unknown>[]): Promise<void>;
  release(): Promise<void>;
}

/**
 * The match's steps over a dialect's scratch connection: staged rows go to `upload` as they
 * arrive, keyed by the hub transaction id they give; the match fills `hub` from the statement
 * query, keys the rows that give only a reference, finds the breaks and records them. Scratch
 * tables are dropped whatever happens, so an abandoned upload leaves none.
 */
export class ScratchMatch implements RecordStaging {
  private readonly names: ScratchNames;
  private created = false;
  private ended = false;

  constructor(
    private readonly run: MatchRun,
    private readonly connection: ScratchConnection,
  ) {
    this.names = scratchNames(run.id);
  }

  async add(rows: readonly ParticipantRecordRow[]): Promise<void> {
    if (!this.created) {
      for (const query of createScratchSql(this.names)) await this.connection.run(query);
      this.created = true;
    }
    if (rows.length > 0) await this.connection.load(this.names.upload, rows);
  }

  async match(): Promise<MatchSummary> {
    try {
      await this.add([]);
      for (const query of fillHubSql(this.names, this.run)) await this.connection.run(query);
      if ((await this.count(unkeyedSql(this.names))) > 0) {
        for (const query of keyByReferenceSql(this.names)) await this.connection.run(query);
      }
      for (const query of [...keySql(this.names), ...findBreaksSql(this.names)]) {
        await this.connection.run(query);
      }
      const summary = await this.summary();
      const counts = {
        hubRows: summary.hubRows,
        participantRows: summary.participantRows,
        unknown: summary.unknownAtHub,
        breaks: Object.values(summary.breaks).reduce((sum, n) => sum + n, 0),
      };
      await this.connection.inTransaction(recordBreaksSql(this.names, this.run, counts));
      return summary;
    } finally {
      await this.abandon();
    }
  }

  async abandon(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    try {
      for (const query of dropScratchSql(this.names)) await this.connection.run(query);
    } finally {
      await this.connection.release();
    }
  }

  private async count(query: RawBuilder<unknown>): Promise<number> {
    return Number((await this.connection.rows<{ n: bigint | number }>(query))[0]?.n ?? 0);
  }

  private async summary(): Promise<MatchSummary> {
    const sqls = countsSql(this.names);
    const breaks = Object.fromEntries(breakKinds.map((kind) => [kind, 0])) as Record<
      BreakKind,
      number
    >;
    for (const row of await this.connection.rows<{ kind: BreakKind; n: bigint | number }>(
      sqls.breaksByKind,
    )) {
      breaks[row.kind] = Number(row.n);
    }
    const unknownIds = await this.connection.rows<{ hub_id: string }>(
      sqls.unknownIds(unknownListedMax),
    );
    return {
      runId: this.run.id,
      participantId: this.run.participantId,
      day: this.run.day,
      hubRows: await this.count(sqls.hubRows),
      participantRows: await this.count(sqls.participantRows),
      breaks,
      unknownAtHub: await this.count(sqls.unknown),
      unknownHubTransactionIds: unknownIds.map((row) => row.hub_id),
    };
  }
}
