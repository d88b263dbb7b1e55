/** The `merchants` table (migration 0024). */
export interface MerchantsTable {
  acquirer_id: string;
  merchant_id: string;
  name: string;
  merchant_category_code: string;
  city: string;
  country_code: string;
  status: string;
  created_at: bigint;
  updated_at: bigint;
}

/** The `code_prefixes` table (migration 0024). */
export interface CodePrefixesTable {
  prefix: string;
  issuer_id: string;
  instrument: string;
  created_at: bigint;
}

/** The `barcode_payments` table (migration 0026). */
export interface BarcodePaymentsTable {
  initiator_id: string;
  id: string;
  payment_id: string;
  instrument: string;
  issuer_id: string;
  acquirer_id: string;
  merchant_id: string;
  amount: bigint;
  currency: string;
  order_reference: string | null;
  sealed_number: string | null;
  masked_number: string | null;
  customer_key: string | null;
  verification_level: string | null;
  request_hash: string;
  state: string;
  authorization_code: string | null;
  failure_code: string | null;
  failure_text: string | null;
  refunded: bigint;
  next_inquiry_at: bigint;
  inquiries: number | bigint;
  created_at: bigint;
  updated_at: bigint;
  settled_at: bigint | null;
}

/** The `dynamic_code_claims` table (migration 0026). */
export interface DynamicCodeClaimsTable {
  acquirer_id: string;
  merchant_id: string;
  order_reference: string;
  payment_id: string;
  claimed_at: bigint;
}

/** The `barcode_refunds` table (migration 0027). */
export interface BarcodeRefundsTable {
  acquirer_id: string;
  id: string;
  refund_id: string;
  payment_id: string;
  instrument: string;
  issuer_id: string;
  amount: bigint;
  currency: string;
  reason: string | null;
  state: string;
  failure_code: string | null;
  failure_text: string | null;
  request_hash: string;
  next_inquiry_at: bigint;
  inquiries: number | bigint;
  created_at: bigint;
  updated_at: bigint;
  settled_at: bigint | null;
}
