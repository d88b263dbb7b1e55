import type { Kysely, Selectable } from "kysely";
import type {
  BillPresentment,
  BillPresentmentStore,
} from "../../app/ports/bill-presentment-store.ts";
import { type FieldSealer, sealedFieldContext } from "../../app/ports/field-sealer.ts";
import { findCurrency } from "../../domain/money/currency.ts";
import type { BillPresentmentsTable } from "./biller-tables.ts";
import type { ClearhubSchema } from "./schema.ts";

type Row = Selectable<BillPresentmentsTable>;

function sealContext(billRef: string): string {
  return sealedFieldContext("bill_presentments", "customer_params_sealed", billRef);
}

function optionalBigint(value: bigint | number | null): bigint | undefined {
  return value === null ? undefined : BigInt(value);
}

/**
 * Presented bills in the hub's database. The customer parameters are sealed bound to their row,
 * so a copied database shows no customer numbers and a value moved to another row does not open.
 */
export class KyselyBillPresentmentStore implements BillPresentmentStore {
  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly sealer: FieldSealer,
  ) {}

  async save(presentments: readonly BillPresentment[]): Promise<void> {
    if (presentments.length === 0) return;
    await this.db
      .insertInto("bill_presentments")
      .values(presentments.map((presentment) => this.rowOf(presentment)))
      .execute();
  }

  async find(channelId: string, billRef: string): Promise<BillPresentment | undefined> {
    const row = await this.db
      .selectFrom("bill_presentments")
      .selectAll()
      .where("bill_ref", "=", billRef)
      .where("channel_id", "=", channelId)
      .executeTakeFirst();
    return row === undefined ? undefined : this.presentmentOf(row);
  }

  async purgeExpired(beforeMs: number, limit: number): Promise<number> {
    const expired = this.db
      .selectFrom("bill_presentments")
      .select("bill_ref")
      .where("expires_at", "<", BigInt(beforeMs))
      .orderBy("expires_at")
      .limit(limit);
    const result = await this.db
      .deleteFrom("bill_presentments")
      .where("bill_ref", "in", expired)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private rowOf(presentment: BillPresentment): Row {
    const { bill } = presentment;
    return {
      bill_ref: presentment.billRef,
      channel_id: presentment.channelId,
      biller_id: presentment.billerId,
      customer_params_hash: presentment.customerParamsHash,
      customer_params_sealed: this.sealer.seal(
        JSON.stringify(presentment.customerParameters),
        sealContext(presentment.billRef),
      ),
      customer_name: presentment.customerName ?? null,
      bill_number: bill.billNumber,
      currency: bill.currency.code,
      amount_due: bill.amountDueMinor,
      amount_min: bill.amountMinMinor ?? null,
      amount_max: bill.amountMaxMinor ?? null,
      due_date: bill.dueDate,
      period_from: bill.period?.from ?? null,
      period_to: bill.period?.to ?? null,
      description: bill.description ?? null,
      presented_at: BigInt(presentment.presentedAtMs),
      expires_at: BigInt(presentment.expiresAtMs),
    };
  }

  private presentmentOf(row: Row): BillPresentment {
    const opened = this.sealer.open(row.customer_params_sealed, sealContext(row.bill_ref));
    if (!opened.ok) {
      throw new Error(`bill presentment ${row.bill_ref}: parameters do not open (${opened.code})`);
    }
    const currency = findCurrency(row.currency);
    if (currency === undefined) throw new Error(`bill presentment ${row.bill_ref}: currency`);
    const amountMinMinor = optionalBigint(row.amount_min);
    const amountMaxMinor = optionalBigint(row.amount_max);
    return {
      billRef: row.bill_ref,
      channelId: row.channel_id,
      billerId: row.biller_id,
      customerParameters: JSON.parse(opened.plaintext) as Record<string, string>,
      customerParamsHash: row.customer_params_hash,
      ...(row.customer_name === null ? {} : { customerName: row.customer_name }),
      bill: {
        billNumber: row.bill_number,
        currency,
        amountDueMinor: BigInt(row.amount_due),
        ...(amountMinMinor === undefined ? {} : { amountMinMinor }),
        ...(amountMaxMinor === undefined ? {} : { amountMaxMinor }),
        dueDate: row.due_date,
        ...(row.period_from === null || row.period_to === null
          ? {}
          : { period: { from: row.period_from, to: row.period_to } }),
        ...(row.description === null ? {} : { description: row.description }),
      },
      presentedAtMs: Number(row.presented_at),
      expiresAtMs: Number(row.expires_at),
    };
  }
}
