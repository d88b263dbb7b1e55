/**
 * The network `clearhub bench qr` measures: a wallet (the issuer, a payment institution) and a
 * bank (the acquirer) as the operator onboards them, the acquirer's merchant, the wallet's code
 * prefix in the routing table and the day's limits (both four-eyes), and the wallet simulator
 * started in its own process with the run's customers, registered as the issuer's endpoint.
 */
import type { WalletCustomerSeed } from "@clearhub/simulators";
import { benchSdkClient } from "./bench-driver-kit.ts";
import {
  addMainEndpoint,
  type OperatorApi,
  onboardWithKeys,
  pkcs8Base64,
  pkcs8Pem,
} from "./bench-network.ts";
import type { BenchMerchantCode } from "./bench-sdk-driver-protocol.ts";
import { startWalletProcess, type WalletProcess } from "./bench-wallet-process.ts";

export const benchCurrency = "CNY";
/** One fen a payment: the customers' balances never run out. */
export const qrPaymentAmount = "0.01";
export const walletId = "bench-wallet";
export const acquirerId = "bench-acquirer";
const codePrefix = "2899";

export const benchMerchant: BenchMerchantCode = {
  acquirerId,
  merchantId: "bench-store",
  merchantCategoryCode: "5812",
  countryCode: "CN",
  merchantName: "Bench Noodles",
  merchantCity: "Shanghai",
};

/**
 * The PBOC's amounts per payer customer and day, level A by agreement (no limit). Every payer
 * of the run pays at level A (dynamic codes and level-A wallet customers), so no limit refuses
 * a payment however long the run: the run measures paying, not refusing.
 */
const benchLimits = { A: null, B: "5000.00", C: "1000.00", D: "500.00" };

/** Past the longest run and its settling, so no code expires in the driver's hands. */
const codeLifetimeMs = 24 * 60 * 60 * 1000;

export interface QrNetwork {
  readonly wallet: WalletProcess;
  /** The wallet's key: it pays merchant-presented codes as the payer's institution. */
  readonly payer: { readonly keyId: string; readonly privateKeyPkcs8: string };
  /** The bank's key: it sends consumer-presented codes its merchant's terminal read. */
  readonly acquirer: { readonly keyId: string; readonly privateKeyPkcs8: string };
  readonly customerIds: readonly string[];
}

function customerSeed(index: number): WalletCustomerSeed {
  return {
    customerId: `bench-customer-${index}`,
    name: `Customer ${index}`,
    balances: { [benchCurrency]: "100000000.00" },
    verificationLevel: "A",
  };
}

/**
 * Onboards both sides with their keys, registers the merchant (signed, as its acquirer does),
 * assigns the prefix and sets the limits (`fourEyes` approves them), starts the wallet
 * simulator (losing `dropRate` of its answers after applying them) and registers it as the
 * issuer's endpoint. The caller stops the wallet.
 */
export async function setUpQrNetwork(
  origin: string,
  fourEyes: OperatorApi,
  options: { readonly customers: number; readonly dropRate: number },
): Promise<QrNetwork> {
  const [walletKey, acquirerKey] = await onboardWithKeys(
    fourEyes,
    [
      { id: walletId, kind: "payment_institution" },
      { id: acquirerId, kind: "bank" },
    ],
    benchCurrency,
  );
  const acquirer = {
    keyId: acquirerKey.keyId,
    privateKeyPkcs8: pkcs8Base64(acquirerKey.privateKey),
  };
  await benchSdkClient(origin, acquirer, 10_000).putMerchant(benchMerchant.merchantId, {
    name: benchMerchant.merchantName,
    merchantCategoryCode: benchMerchant.merchantCategoryCode,
    city: benchMerchant.merchantCity,
    countryCode: benchMerchant.countryCode,
  });
  await fourEyes("POST", "/code-prefixes", {
    prefix: codePrefix,
    issuerId: walletId,
    instrument: "payment_code",
  });
  await fourEyes("PUT", `/barcode-limits/${benchCurrency}`, benchLimits);
  const seeds = Array.from({ length: options.customers }, (_, index) => customerSeed(index));
  const wallet = await startWalletProcess({
    walletId,
    hubUrl: origin,
    keyId: walletKey.keyId,
    privateKeyPem: pkcs8Pem(walletKey.privateKey),
    codePrefix,
    codeLifetimeMs,
    customers: seeds,
    dropRate: options.dropRate,
  });
  try {
    await addMainEndpoint(fourEyes, "issuers", walletId, wallet.url, {
      timeoutMs: 5_000,
      concurrencyMax: 1_000,
    });
  } catch (error) {
    await wallet.stop();
    throw error;
  }
  return {
    wallet,
    payer: { keyId: walletKey.keyId, privateKeyPkcs8: pkcs8Base64(walletKey.privateKey) },
    acquirer,
    customerIds: seeds.map((seed) => seed.customerId),
  };
}
