import { createHash } from "node:crypto";
import { type EndpointMigration, isRouting } from "./endpoint-migration.ts";

/** What routing needs to know of an agreement: who it is, and where it was signed. */
export interface PinnedAgreement {
  readonly id: string;
  readonly pinnedEndpointId: string;
}

export const bucketCount = 100;

/**
 * The agreement's bucket, 0..99, from the SHA-256 of its id: the same on every hub node and
 * every day, so an agreement never flaps between endpoints while a weight stays put. (The
 * first 32 bits modulo 100 favour the lowest buckets by under one part in 40 million.)
 */
export function agreementBucket(agreementId: string): number {
  return createHash("sha256").update(agreementId, "utf8").digest().readUInt32BE(0) % bucketCount;
}

/**
 * The endpoint that serves an agreement. Only an active (or completing) migration away from the
 * agreement's pinned endpoint can move it, and only when its bucket is below the migration's weight: a
 * higher weight moves more agreements forward and none back; weight 0 or a rollback leaves
 * every one on its pinned endpoint. Agreements pinned elsewhere are not touched.
 */
export function endpointFor(
  agreement: PinnedAgreement,
  migrations: readonly EndpointMigration[],
): string {
  const moving = migrations.filter(
    (migration) => isRouting(migration) && migration.fromEndpointId === agreement.pinnedEndpointId,
  );
  if (moving.length > 1) {
    throw new Error(`two routing migrations leave endpoint ${agreement.pinnedEndpointId}`);
  }
  const migration = moving[0];
  if (migration === undefined) return agreement.pinnedEndpointId;
  return agreementBucket(agreement.id) < migration.weightPercent
    ? migration.toEndpointId
    : agreement.pinnedEndpointId;
}
