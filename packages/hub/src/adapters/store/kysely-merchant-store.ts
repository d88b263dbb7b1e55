import type { Kysely, Selectable } from "kysely";
import type { MerchantCursor, MerchantStore } from "../../app/ports/merchant-store.ts";
import type { Merchant, MerchantFields, MerchantStatus } from "../../domain/barcode/merchant.ts";
import type { MerchantsTable } from "./barcode-tables.ts";
import type { ClearhubSchema } from "./schema.ts";

function merchantFromRow(row: Selectable<MerchantsTable>): Merchant {
  return {
    acquirerId: row.acquirer_id,
    merchantId: row.merchant_id,
    name: row.name,
    merchantCategoryCode: row.merchant_category_code,
    city: row.city,
    countryCode: row.country_code,
    status: row.status as MerchantStatus,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function fieldColumns(fields: MerchantFields) {
  return {
    name: fields.name,
    merchant_category_code: fields.merchantCategoryCode,
    city: fields.city,
    country_code: fields.countryCode,
  };
}

/** The merchant directory with plain Kysely: the same statements on both dialects. */
export class KyselyMerchantStore implements MerchantStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async insert(merchant: Merchant): Promise<boolean> {
    const inserted = await this.db
      .insertInto("merchants")
      .values({
        acquirer_id: merchant.acquirerId,
        merchant_id: merchant.merchantId,
        ...fieldColumns(merchant),
        status: merchant.status,
        created_at: BigInt(merchant.createdAt),
        updated_at: BigInt(merchant.updatedAt),
      })
      // A concurrent registration of the same merchant loses quietly and is answered as an update.
      .onConflict((conflict) => conflict.columns(["acquirer_id", "merchant_id"]).doNothing())
      .executeTakeFirst();
    return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async updateFields(
    acquirerId: string,
    merchantId: string,
    fields: MerchantFields,
    updatedAt: number,
  ): Promise<boolean> {
    const updated = await this.db
      .updateTable("merchants")
      .set({ ...fieldColumns(fields), updated_at: BigInt(updatedAt) })
      .where("acquirer_id", "=", acquirerId)
      .where("merchant_id", "=", merchantId)
      .where("status", "=", "active")
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  }

  async close(acquirerId: string, merchantId: string, updatedAt: number): Promise<boolean> {
    const updated = await this.db
      .updateTable("merchants")
      .set({ status: "closed", updated_at: BigInt(updatedAt) })
      .where("acquirer_id", "=", acquirerId)
      .where("merchant_id", "=", merchantId)
      .where("status", "=", "active")
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  }

  async find(acquirerId: string, merchantId: string): Promise<Merchant | undefined> {
    const row = await this.db
      .selectFrom("merchants")
      .selectAll()
      .where("acquirer_id", "=", acquirerId)
      .where("merchant_id", "=", merchantId)
      .executeTakeFirst();
    return row === undefined ? undefined : merchantFromRow(row);
  }

  async list(acquirerId: string, limit: number, after?: MerchantCursor): Promise<Merchant[]> {
    const rows = await this.db
      .selectFrom("merchants")
      .selectAll()
      .where("acquirer_id", "=", acquirerId)
      .$if(after !== undefined, (query) =>
        query.where((eb) => {
          const cursor = after as MerchantCursor;
          const createdAt = BigInt(cursor.createdAt);
          return eb.or([
            eb("created_at", "<", createdAt),
            eb.and([eb("created_at", "=", createdAt), eb("merchant_id", "<", cursor.merchantId)]),
          ]);
        }),
      )
      .orderBy("created_at", "desc")
      .orderBy("merchant_id", "desc")
      .limit(limit)
      .execute();
    return rows.map(merchantFromRow);
  }
}
