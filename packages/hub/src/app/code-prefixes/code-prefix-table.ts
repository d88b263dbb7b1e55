import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import {
  type CodeInstrument,
  type CodePrefixEntry,
  isCodePrefix,
  overlappingEntry,
  routeByPrefix,
} from "../../domain/barcode/code-prefix.ts";
import type { CodePrefixStore } from "../ports/code-prefix-store.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";

export type CodePrefixRefusal =
  | "code_prefix_invalid"
  | "code_prefix_overlaps"
  | "code_prefix_not_found"
  | "code_prefix_unknown"
  | "participant_not_found"
  | "participant_not_issuer"
  | "participant_terminated";

export type CodePrefixOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly code: CodePrefixRefusal;
      /** For `code_prefix_overlaps`: the entry in the way. */
      readonly overlaps?: CodePrefixEntry;
    };

export interface CodePrefixAssignment {
  readonly prefix: string;
  readonly issuerId: string;
  readonly instrument: CodeInstrument;
}

/** Where a routed number goes. */
export interface CodeRoute {
  readonly issuerId: string;
  readonly instrument: CodeInstrument;
  readonly prefix: string;
}

/** How long a node routes with the table it read: a change reaches every node within it. */
export const codePrefixesRefreshMsDefault = 1000;

const refused = <T>(code: CodePrefixRefusal): CodePrefixOutcome<T> => ({ ok: false, code });

/**
 * The code-prefix routing table: the operator assigns prefixes to issuers (payment
 * institutions), everyone reads the table, and the payment flows route a presented code or card
 * number with `routeCode`. Routing reads the table from memory, refreshed at most every
 * `refreshMs`, as fee pricing does: a change made on this node applies at once.
 */
export class CodePrefixTable {
  private cached: { readonly entries: CodePrefixEntry[]; readonly readAt: number } | undefined;

  constructor(
    private readonly store: CodePrefixStore,
    private readonly participants: Pick<ParticipantStore, "findParticipant">,
    private readonly clock: () => number = Date.now,
    private readonly refreshMs = codePrefixesRefreshMsDefault,
  ) {}

  /** What `assign` would refuse now, without writing: a proposal is checked with it. */
  async check(assignment: CodePrefixAssignment): Promise<CodePrefixOutcome<undefined>> {
    if (!isCodePrefix(assignment.prefix)) return refused("code_prefix_invalid");
    const issuer = await this.participants.findParticipant(assignment.issuerId);
    if (issuer === undefined) return refused("participant_not_found");
    if (issuer.kind !== "payment_institution") return refused("participant_not_issuer");
    if (issuer.status === "terminated") return refused("participant_terminated");
    const overlaps = overlappingEntry(await this.store.list(), assignment.prefix);
    if (overlaps !== undefined) return { ok: false, code: "code_prefix_overlaps", overlaps };
    return { ok: true, value: undefined };
  }

  /** Assigns the prefix; refused, writing nothing, when it overlaps an entry or names no issuer. */
  async assign(
    assignment: CodePrefixAssignment,
    actor: AuditActor,
  ): Promise<CodePrefixOutcome<CodePrefixEntry>> {
    const checked = await this.check(assignment);
    if (!checked.ok) return checked;
    const entry: CodePrefixEntry = { ...assignment, createdAt: this.clock() };
    const inserted = await this.store.insert(
      entry,
      this.record(actor, "code_prefix.assign", entry),
    );
    this.cached = undefined;
    if (!inserted.ok)
      return { ok: false, code: "code_prefix_overlaps", overlaps: inserted.overlaps };
    return { ok: true, value: entry };
  }

  /** Removes the prefix; answers the entry as it was. */
  async remove(prefix: string, actor: AuditActor): Promise<CodePrefixOutcome<CodePrefixEntry>> {
    const found = await this.find(prefix);
    if (!found.ok) return found;
    const removed = await this.store.remove(
      prefix,
      this.record(actor, "code_prefix.remove", found.value),
    );
    this.cached = undefined;
    return removed ? found : refused("code_prefix_not_found");
  }

  async find(prefix: string): Promise<CodePrefixOutcome<CodePrefixEntry>> {
    const entry = (await this.store.list()).find((candidate) => candidate.prefix === prefix);
    return entry === undefined ? refused("code_prefix_not_found") : { ok: true, value: entry };
  }

  /** The whole table, by prefix. */
  list(): Promise<CodePrefixEntry[]> {
    return this.store.list();
  }

  /**
   * Where a consumer-presented code or a prepaid card number goes: its issuer and instrument,
   * or `code_prefix_unknown` when no entry covers it (or it is not a number).
   */
  async routeCode(number: string): Promise<CodePrefixOutcome<CodeRoute>> {
    const entry = routeByPrefix(await this.entries(), number);
    if (entry === undefined) return refused("code_prefix_unknown");
    return {
      ok: true,
      value: { issuerId: entry.issuerId, instrument: entry.instrument, prefix: entry.prefix },
    };
  }

  private async entries(): Promise<CodePrefixEntry[]> {
    const now = this.clock();
    if (this.cached !== undefined && now - this.cached.readAt < this.refreshMs) {
      return this.cached.entries;
    }
    const entries = await this.store.list();
    this.cached = { entries, readAt: now };
    return entries;
  }

  private record(
    actor: AuditActor,
    action: "code_prefix.assign" | "code_prefix.remove",
    entry: CodePrefixEntry,
  ): AuditRecord {
    return {
      at: this.clock(),
      actor,
      action,
      subject: codePrefixSubject(entry.prefix),
      details: { prefix: entry.prefix, issuerId: entry.issuerId, instrument: entry.instrument },
    };
  }
}

/** How the audit log and proposals name an entry: `code_prefix:6201`. */
export function codePrefixSubject(prefix: string): string {
  return `code_prefix:${prefix}`;
}
