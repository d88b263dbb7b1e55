import type { Kysely } from "kysely";
import type {
  BarcodePaymentCursor,
  BarcodePaymentFilter,
  BarcodePaymentReadStore,
} from "../../app/ports/barcode-payment-read-store.ts";
import type { BarcodePayment } from "../../domain/barcode/barcode-payment.ts";
import { barcodePaymentFromRow } from "./barcode-payment-rows.ts";
import type { ClearhubSchema } from "./schema.ts";

/** The operator's reads of the `barcode_payments` table, newest first with a keyset cursor. */
export class KyselyBarcodePaymentReadStore implements BarcodePaymentReadStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async list(
    filter: BarcodePaymentFilter,
    limit: number,
    after?: BarcodePaymentCursor,
  ): Promise<BarcodePayment[]> {
    let query = this.db.selectFrom("barcode_payments").selectAll();
    if (filter.issuerId !== undefined) query = query.where("issuer_id", "=", filter.issuerId);
    if (filter.acquirerId !== undefined) {
      query = query.where("acquirer_id", "=", filter.acquirerId);
    }
    if (filter.merchantId !== undefined) {
      query = query.where("merchant_id", "=", filter.merchantId);
    }
    if (filter.state !== undefined) query = query.where("state", "=", filter.state);
    if (filter.instrument !== undefined) {
      query = query.where("instrument", "=", filter.instrument);
    }
    if (after !== undefined) {
      const at = BigInt(after.createdAt);
      query = query.where((eb) =>
        eb.or([
          eb("created_at", "<", at),
          eb.and([eb("created_at", "=", at), eb("payment_id", "<", after.paymentId)]),
        ]),
      );
    }
    const rows = await query
      .orderBy("created_at", "desc")
      .orderBy("payment_id", "desc")
      .limit(limit)
      .execute();
    return rows.map(barcodePaymentFromRow);
  }

  async findByPaymentId(paymentId: string): Promise<BarcodePayment | undefined> {
    const row = await this.db
      .selectFrom("barcode_payments")
      .selectAll()
      .where("payment_id", "=", paymentId)
      .executeTakeFirst();
    return row === undefined ? undefined : barcodePaymentFromRow(row);
  }
}
