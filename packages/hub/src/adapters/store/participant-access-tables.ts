import type { Generated } from "kysely";

/**
 * How participants reach the hub and the hub reaches them: signing keys, the nonces seen, webhook
 * endpoints and deliveries.
 */

export interface ParticipantKeysTable {
  key_id: string;
  participant_id: string;
  algorithm: string;
  public_key: string;
  status: string;
  created_at: bigint;
  revoked_at: bigint | null;
}

export interface SeenNoncesTable {
  key_id: string;
  nonce: string;
  expires_at: bigint;
}

export interface WebhookEndpointsTable {
  participant_id: string;
  id: string;
  url: string;
  event_types: string;
  created_at: bigint;
}

export interface WebhookDeliveriesTable {
  id: Generated<number | bigint>;
  participant_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  payload: string;
  status: string;
  attempts: Generated<number | bigint>;
  next_attempt_at: bigint;
  last_attempt_at: bigint | null;
  last_status_code: number | bigint | null;
  last_error: string | null;
  created_at: bigint;
  delivered_at: bigint | null;
}
