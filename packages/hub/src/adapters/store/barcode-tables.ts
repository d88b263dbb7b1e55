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
