import type { AmountExactness } from "../../domain/billers/amount-exactness.ts";
import type {
  BillerCategory,
  BillerProfile,
  BillFetchMode,
} from "../../domain/billers/biller-profile.ts";
import type { CustomerParameterSpec } from "../../domain/billers/customer-parameter.ts";
import type { BillerProfilesTable } from "./biller-tables.ts";

export function billerProfileFromRow(row: BillerProfilesTable): BillerProfile {
  return {
    participantId: row.participant_id,
    category: row.category as BillerCategory,
    parameters: JSON.parse(row.parameters) as CustomerParameterSpec[],
    billFetch: row.bill_fetch as BillFetchMode,
    amountExactness: row.amount_exactness as AmountExactness,
    presentmentCacheTtlSeconds: Number(row.presentment_cache_ttl_seconds),
    capacity: {
      inquiriesPerSecond: Number(row.inquiries_per_second),
      concurrentCallsMax: Number(row.concurrent_calls_max),
      postingsPerSecond: Number(row.postings_per_second),
      postingReserveBasisPoints: Number(row.posting_reserve_basis_points),
    },
    currencies: JSON.parse(row.currencies) as string[],
    version: Number(row.version),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function billerProfileRow(profile: BillerProfile): BillerProfilesTable {
  return {
    participant_id: profile.participantId,
    category: profile.category,
    parameters: JSON.stringify(profile.parameters),
    bill_fetch: profile.billFetch,
    amount_exactness: profile.amountExactness,
    presentment_cache_ttl_seconds: profile.presentmentCacheTtlSeconds,
    inquiries_per_second: profile.capacity.inquiriesPerSecond,
    concurrent_calls_max: profile.capacity.concurrentCallsMax,
    postings_per_second: profile.capacity.postingsPerSecond,
    posting_reserve_basis_points: profile.capacity.postingReserveBasisPoints,
    currencies: JSON.stringify(profile.currencies),
    version: profile.version,
    created_at: BigInt(profile.createdAt),
    updated_at: BigInt(profile.updatedAt),
  };
}
