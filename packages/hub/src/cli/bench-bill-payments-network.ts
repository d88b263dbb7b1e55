/**
 * The network `clearhub bench bill-payments` measures: a channel and a biller as the operator
 * onboards them, the biller's profile (direct pay, a declared capacity far above what the run
 * can reach, so the admission gate never sheds a posting), the biller simulator started in its
 * own process with the run's customers and registered as the biller's endpoint.
 */
import type { CustomerSeed } from "@clearhub/simulators";
import type { BillerProfileInput } from "../domain/billers/biller-profile.ts";
import { type BillerProcess, startBillerProcess } from "./bench-biller-process.ts";
import {
  addMainEndpoint,
  type OperatorApi,
  onboardWithKeys,
  pkcs8Base64,
  pkcs8Pem,
} from "./bench-network.ts";

export const benchCurrency = "CNY";
/** One fen: the biller takes any positive amount for a direct payment. */
export const billPaymentAmount = "0.01";
export const channelId = "bench-channel";
export const billerId = "bench-biller";
const parameterName = "account_number";

/**
 * Far above what two cores can post, declared alike to the hub (its admission gate) and to the
 * simulator (which slows past it): the biller is never what limits the run.
 */
const postingsPerSecond = 20_000;

/**
 * Direct pay (`not_supported`: the biller presents no bills, so every payment names the
 * customer and any positive amount is taken), every call's capacity kept for postings.
 */
export const benchBillerProfile: BillerProfileInput = {
  category: "other",
  parameters: [
    {
      name: parameterName,
      label: "Account number",
      type: "numeric",
      pattern: null,
      minLength: 10,
      maxLength: 10,
    },
  ],
  billFetch: "not_supported",
  amountExactness: "any",
  presentmentCacheTtlSeconds: 0,
  capacity: {
    inquiriesPerSecond: 100,
    concurrentCallsMax: 1_000,
    postingsPerSecond,
    postingReserveBasisPoints: 10_000,
  },
  currencies: [benchCurrency],
};

export interface BillPaymentsNetwork {
  readonly biller: BillerProcess;
  readonly channel: { readonly keyId: string; readonly privateKeyPkcs8: string };
  /** Each customer's parameters, as a payment names them. */
  readonly customers: readonly Readonly<Record<string, string>>[];
}

function customerSeed(index: number): CustomerSeed {
  return {
    parameters: { [parameterName]: `7${String(index).padStart(9, "0")}` },
    name: `Customer ${index}`,
    currency: benchCurrency,
  };
}

/**
 * Onboards the channel and the biller with their keys, sets the biller's profile, starts its
 * simulator (losing `dropRate` of its posting answers after applying them) and registers it as
 * the biller's endpoint. The caller stops the biller.
 */
export async function setUpBillPaymentsNetwork(
  origin: string,
  operator: OperatorApi,
  options: { readonly customers: number; readonly dropRate: number },
): Promise<BillPaymentsNetwork> {
  const [channelKey, billerKey] = await onboardWithKeys(
    operator,
    [
      { id: channelId, kind: "payment_institution" },
      { id: billerId, kind: "biller" },
    ],
    benchCurrency,
  );
  await operator("PUT", `/billers/${billerId}`, benchBillerProfile);
  const seeds = Array.from({ length: options.customers }, (_, index) => customerSeed(index));
  const biller = await startBillerProcess({
    billerId,
    hubUrl: origin,
    keyId: billerKey.keyId,
    privateKeyPem: pkcs8Pem(billerKey.privateKey),
    parameterNames: [parameterName],
    customers: seeds,
    declaredPerSecond: postingsPerSecond,
    dropRate: options.dropRate,
  });
  try {
    await addMainEndpoint(operator, "billers", billerId, biller.url, {
      timeoutMs: 5_000,
      concurrencyMax: 1_000,
    });
  } catch (error) {
    await biller.stop();
    throw error;
  }
  return {
    biller,
    channel: { keyId: channelKey.keyId, privateKeyPkcs8: pkcs8Base64(channelKey.privateKey) },
    customers: seeds.map((seed) => seed.parameters),
  };
}
