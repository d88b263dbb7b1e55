/**
 * The hub an end-to-end benchmark measures: opened on a throwaway store in the bench's own
 * process, listening on a free local port, its status inquiries made quick so a run settles its
 * unknown outcomes in seconds, its ledger's group commits counted as they happen.
 */
import { generateDataKeyEntry } from "../adapters/crypto/data-key-entry.ts";
import { issueOperatorToken } from "../api/operator-auth.ts";
import { type ApiServer, buildServer } from "../api/server.ts";
import { commandLineActor } from "../domain/audit/audit-actor.ts";
import { type Hub, openHub } from "../hub.ts";
import { round } from "./bench-store.ts";

/** The ledger's batches (group commits) so far: how many, their transfers, their commit time. */
export interface BatchCounts {
  readonly batches: number;
  readonly transfers: number;
  readonly commitMs: number;
}

export const noBatches: BatchCounts = { batches: 0, transfers: 0, commitMs: 0 };

/** Counts the hub's group commits, so a phase's share is the difference of two snapshots. */
export class BatchTally {
  private counts = noBatches;

  add(transfers: number, commitMs: number): void {
    this.counts = addBatches(this.counts, { batches: 1, transfers, commitMs });
  }

  snapshot(): BatchCounts {
    return this.counts;
  }
}

export function batchesBetween(before: BatchCounts, after: BatchCounts): BatchCounts {
  return {
    batches: after.batches - before.batches,
    transfers: after.transfers - before.transfers,
    commitMs: after.commitMs - before.commitMs,
  };
}

export function addBatches(a: BatchCounts, b: BatchCounts): BatchCounts {
  return {
    batches: a.batches + b.batches,
    transfers: a.transfers + b.transfers,
    commitMs: a.commitMs + b.commitMs,
  };
}

/** The ledger figures a benchmark reports for the batches of its timed phase. */
export function batchFigures(counts: BatchCounts) {
  return {
    ledgerBatches: counts.batches,
    meanBatchSize: round(counts.transfers / Math.max(counts.batches, 1), 1),
    meanCommitMs: round(counts.commitMs / Math.max(counts.batches, 1)),
  };
}

export interface BenchHub {
  readonly hub: Hub;
  /** Where the hub listens, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  /** An operator token, for onboarding through the operator API as an operator would. */
  readonly operatorToken: string;
  /** A second operator's token, to approve what needs four eyes. */
  readonly approverToken: string;
  readonly batches: BatchTally;
  close(): Promise<void>;
}

/** Redis for the admission state (shared by every node, as in production); memory without. */
export interface BenchAdmissionStore {
  readonly redisUrl?: string | undefined;
  /** Each run its own keys, so no count of an earlier run's is found. */
  readonly redisKeyPrefix?: string | undefined;
}

/**
 * Opens the hub on the store `openBenchStore` gave and starts its API; `purpose` names the token.
 * No request log: it would write to the command's own output.
 */
export async function startBenchHub(
  storeConfig: { readonly dataDir?: string; readonly databaseUrl?: string },
  purpose: string,
  admission: BenchAdmissionStore = {},
): Promise<BenchHub> {
  const batches = new BatchTally();
  const hub = await openHub({
    ...storeConfig,
    ...admission,
    expirePendings: false,
    // No webhook endpoint is registered: there would be nothing to send.
    dispatchWebhooks: false,
    dataKeys: generateDataKeyEntry(new Date()).entry,
    groupCommit: { onBatch: (transfers, commitMs) => batches.add(transfers, commitMs) },
    // Inquiries soon after a lost answer and often, so the run settles in seconds, not minutes:
    // bank operations, bill postings and code payments alike.
    bankInquiry: { intervalMs: 100, batchSizeMax: 500, leaseMs: 10_000 },
    bankOperationTimings: {
      callGraceMs: 10_000,
      firstInquiryDelayMs: 200,
      inquiryDelayCapMs: 1_000,
    },
    billPostingTimings: {
      callGraceMs: 10_000,
      firstInquiryDelayMs: 200,
      inquiryDelayCapMs: 1_000,
    },
    codePaymentTimings: {
      callGraceMs: 10_000,
      firstInquiryDelayMs: 200,
      inquiryDelayCapMs: 1_000,
    },
  });
  let server: ApiServer | undefined;
  try {
    server = await buildServer(hub, { logger: false });
    await server.listen({ host: "127.0.0.1", port: 0 });
    const address = server.server.address();
    if (address === null || typeof address === "string") throw new Error("no TCP address");
    const { token } = await issueOperatorToken(hub, purpose, commandLineActor);
    const approver = await issueOperatorToken(hub, `${purpose} approver`, commandLineActor);
    const listening = server;
    return {
      hub,
      origin: `http://127.0.0.1:${address.port}`,
      operatorToken: token,
      approverToken: approver.token,
      batches,
      close: async () => {
        await listening.close();
        await hub.close();
      },
    };
  } catch (error) {
    await server?.close();
    await hub.close();
    throw error;
  }
}

/** A participant's position account in the currency, as the store holds it: posted totals. */
export async function positionTotals(
  hub: Hub,
  participantId: string,
  currency: string,
): Promise<{ readonly creditsPosted: bigint; readonly debitsPosted: bigint }> {
  const position = await hub.database.kysely
    .selectFrom("accounts")
    .select(["credits_posted", "debits_posted"])
    .where("participant_id", "=", participantId)
    .where("kind", "=", "position")
    .where("currency", "=", currency)
    .executeTakeFirstOrThrow();
  return {
    creditsPosted: BigInt(position.credits_posted),
    debitsPosted: BigInt(position.debits_posted),
  };
}
