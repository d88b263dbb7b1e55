import type { MerchantFields } from "../domain/barcode/merchant.ts";
import { riskLevels } from "../domain/barcode/risk-level.ts";
import { formatAmount } from "../domain/money/amount.ts";
import { findCurrency } from "../domain/money/currency.ts";
import type { Hub } from "../hub.ts";

/** The demo's acquirer: a payment institution, so the SDK can sign as it with its demo key. */
export const demoAcquirerId = "wallet-beta";

/** The demo merchant at the demo acquirer, under the acquirer's own id for it. */
export const demoMerchant: { readonly merchantId: string; readonly fields: MerchantFields } = {
  merchantId: "tea-house",
  fields: {
    name: "Tea House Lin",
    merchantCategoryCode: "5814",
    city: "Shanghai",
    countryCode: "CN",
  },
};

const limitsCurrency = "CNY";

/**
 * Registers the demo merchant at the demo acquirer, as the acquirer's own `PUT /v1/merchants`
 * would: idempotent, so a later start changes nothing; a merchant closed since stays closed.
 * Answers what the demo prints: the merchant, and the CNY limits barcode payments are held to.
 */
export async function seedDemoMerchant(hub: Hub): Promise<string[]> {
  const acquirer = await hub.participantStore.findParticipant(demoAcquirerId);
  if (acquirer === undefined) throw new Error(`demo acquirer ${demoAcquirerId} not found`);
  const { merchantId, fields } = demoMerchant;
  const registered = await hub.merchants.register(acquirer, merchantId, fields);
  if (!registered.ok && registered.code !== "merchant_closed") {
    throw new Error(`demo merchant ${merchantId}: ${registered.code}`);
  }
  const lines = [
    "demo merchant (acquirer, merchant id, name, category, city):",
    `  ${demoAcquirerId.padEnd(13)} ${merchantId}  ${fields.name}  ${fields.merchantCategoryCode}  ${fields.city} ${fields.countryCode}`,
  ];
  return [...lines, await limitsLine(hub)];
}

/** The day's limit per payer customer at each verification level, as the table holds it now. */
async function limitsLine(hub: Hub): Promise<string> {
  const limits = (await hub.barcodeLimits.table()).get(limitsCurrency);
  const currency = findCurrency(limitsCurrency);
  if (limits === undefined || currency === undefined) {
    return `barcode limits: none in ${limitsCurrency} (barcode payments in it are refused)`;
  }
  const levels = riskLevels.map((level) => {
    const limit = limits[level];
    return `${level} ${limit === null ? "by agreement" : formatAmount(limit, currency)}`;
  });
  return `barcode limits per payer customer and day (${limitsCurrency}): ${levels.join(", ")}`;
}
