/**
 * The network `clearhub bench payments` measures: the bank and the institution as the operator
 * onboards them, the bank's simulator started with one account per agreement and registered as
 * the bank's endpoint, and every agreement signed through the real flow.
 */
import { ClearhubClient } from "@clearhub/sdk";
import type { BenchChild } from "./bench-child.ts";
import {
  addMainEndpoint,
  eachLimited,
  type OperatorApi,
  onboardWithKeys,
  pkcs8Base64,
  pkcs8Pem,
} from "./bench-network.ts";
import type {
  BankChildMessage,
  BankParentMessage,
  BenchBankAccount,
} from "./bench-payments-bank-protocol.ts";

export type BankProcess = BenchChild<BankParentMessage, BankChildMessage>;

export const benchCurrency = "CNY";
/** One fen: the default daily limits would allow millions of these per agreement. */
export const paymentAmount = "0.01";
export const bankId = "bench-bank";
export const institutionId = "bench-pi";
const endpointLimits = { timeoutMs: 5_000, concurrencyMax: 1_000 };
const customerBalance = "1000000.00";
/** Agreements signed at once before the run. */
const signingConcurrency = 16;

export interface PaymentsNetwork {
  readonly bankOrigin: string;
  readonly institution: { readonly keyId: string; readonly privateKeyPkcs8: string };
  readonly agreementIds: readonly string[];
}

function customerAccount(index: number): BenchBankAccount {
  const serial = String(index).padStart(8, "0");
  return {
    accountNumber: `62220300${serial}`,
    holderName: `Customer ${index}`,
    idNumber: `1101011990${serial}`,
    mobile: `+86139${serial}`,
    currency: benchCurrency,
    balance: customerBalance,
  };
}

/**
 * Onboards the bank and the institution, starts the bank's simulator (dropping nothing: signing
 * is not measured) and signs `agreements` agreements: a sign request, the password from the
 * bank's inbox, a confirm.
 */
export async function setUpPaymentsNetwork(
  origin: string,
  operator: OperatorApi,
  bank: BankProcess,
  agreements: number,
): Promise<PaymentsNetwork> {
  const [bankKey, institutionKey] = await onboardWithKeys(
    operator,
    [
      { id: bankId, kind: "bank" },
      { id: institutionId, kind: "payment_institution" },
    ],
    benchCurrency,
  );
  const accounts = Array.from({ length: agreements }, (_, index) => customerAccount(index));
  const started = await bank.ask(
    {
      type: "start",
      config: {
        bankId,
        hubUrl: origin,
        keyId: bankKey.keyId,
        privateKeyPem: pkcs8Pem(bankKey.privateKey),
        accounts,
        dropRate: 0,
      },
    },
    "started",
  );
  await addMainEndpoint(operator, "banks", bankId, started.url, endpointLimits);
  const wallet = new ClearhubClient({
    baseUrl: origin,
    keyId: institutionKey.keyId,
    privateKey: institutionKey.privateKey,
  });
  const agreementIds = accounts.map((_, index) => `ag-${index}`);
  await eachLimited(agreementIds, signingConcurrency, async (id) => {
    const customer = accounts[Number(id.slice(3))] as BenchBankAccount;
    await wallet.createAgreement({
      id,
      bankId,
      customer: {
        holderName: customer.holderName,
        accountNumber: customer.accountNumber,
        idType: "resident_id",
        idNumber: customer.idNumber,
        mobile: customer.mobile,
      },
      authenticationFactors: 2,
      digitalCertificate: true,
    });
    const otp = await latestOtp(started.origin, customer.mobile);
    const confirmed = await wallet.confirmAgreement(id, otp);
    if (confirmed.state !== "active") throw new Error(`agreement ${id} is ${confirmed.state}`);
  });
  const institution = {
    keyId: institutionKey.keyId,
    privateKeyPkcs8: pkcs8Base64(institutionKey.privateKey),
  };
  return { bankOrigin: started.origin, institution, agreementIds };
}

async function latestOtp(bankOrigin: string, mobile: string): Promise<string> {
  const response = await fetch(`${bankOrigin}/inbox/${encodeURIComponent(mobile)}`);
  const { messages } = (await response.json()) as { messages: { otp: string }[] };
  const otp = messages[0]?.otp;
  if (otp === undefined) throw new Error(`no password reached ${mobile}`);
  return otp;
}
