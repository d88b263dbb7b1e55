import type { Merchant, MerchantCursor, MerchantFields } from "../../domain/barcode/merchant.ts";

export type { MerchantCursor };

/** The merchant directory, keyed by acquirer and the acquirer's merchant id. */
export interface MerchantStore {
  /** Inserts the merchant unless its key is taken; whether it was inserted. */
  insert(merchant: Merchant): Promise<boolean>;
  /** Sets an active merchant's fields; false when it is missing or closed (nothing written). */
  updateFields(
    acquirerId: string,
    merchantId: string,
    fields: MerchantFields,
    updatedAt: number,
  ): Promise<boolean>;
  /** Closes an active merchant; false when it is missing or already closed. */
  close(acquirerId: string, merchantId: string, updatedAt: number): Promise<boolean>;
  find(acquirerId: string, merchantId: string): Promise<Merchant | undefined>;
  /** The acquirer's merchants, newest first (then by merchant id, descending). */
  list(acquirerId: string, limit: number, after?: MerchantCursor): Promise<Merchant[]>;
}
