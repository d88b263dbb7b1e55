import { type BankSimulator, demoAccounts, startBankSimulator } from "@clearhub/simulators";
import { expect } from "vitest";
import type { Backend } from "../support/backends.ts";
import type { TestHubOptions } from "../support/test-hub.ts";
import { type ListeningHub, openListeningHub } from "./listening-hub.ts";
import { onboardParticipant, type ParticipantClient } from "./participant-client.ts";

/** The demo customer whose agreement ag-1 the network holds. */
export const agreementCustomer = demoAccounts[0] as (typeof demoAccounts)[number];

export interface AgreementNetwork {
  readonly hub: ListeningHub;
  /** bank-a's simulator, behind its endpoint `main`. */
  readonly bank: BankSimulator;
  readonly wallet: ParticipantClient;
  dispose(): Promise<void>;
}

export interface AgreementNetworkOptions {
  readonly hub?: TestHubOptions;
  /** How long the hub waits for the bank's answers (a test that drops them waits less). */
  readonly endpointTimeoutMs?: number;
}

/**
 * A listening hub where bank-a (the bank simulator over real HTTP) and wallet-a both hold CNY,
 * the currency agreement payments' limits are set in, under `netDebitCap`, and wallet-a's
 * agreement ag-1 with the demo customer is signed and confirmed.
 */
export async function openAgreementNetwork(
  backend: Backend,
  netDebitCap: string,
  options: AgreementNetworkOptions = {},
): Promise<AgreementNetwork> {
  const hub = await openListeningHub(backend, options.hub);
  let bank: BankSimulator | undefined;
  try {
    const bankClient = await onboardParticipant(hub, "bank-a", "bank");
    const wallet = await onboardParticipant(hub, "wallet-a", "payment_institution");
    for (const id of ["bank-a", "wallet-a"]) {
      const added = await hub.call("POST", `/operator/v1/participants/${id}/currencies`, {
        currency: "CNY",
        netDebitCap,
      });
      expect(added.statusCode, added.body).toBe(201);
    }
    bank = await startBankSimulator({
      bankId: "bank-a",
      hubUrl: hub.origin,
      endpointPaths: ["/main"],
      signingKey: { keyId: bankClient.keyId, privateKey: bankClient.privateKey },
      accounts: [agreementCustomer],
    });
    const endpoint = await hub.call("POST", "/operator/v1/banks/bank-a/endpoints", {
      id: "main",
      url: bank.urls["/main"],
      timeoutMs: options.endpointTimeoutMs ?? 5_000,
    });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    await signAgreement(wallet, bank);
    const opened = bank;
    return {
      hub,
      bank: opened,
      wallet,
      dispose: async () => {
        await opened.close();
        await hub.dispose();
      },
    };
  } catch (error) {
    await bank?.close();
    await hub.dispose();
    throw error;
  }
}

async function signAgreement(wallet: ParticipantClient, bank: BankSimulator): Promise<void> {
  const signing = await wallet.call("POST", "/v1/agreements", {
    id: "ag-1",
    bankId: "bank-a",
    customer: {
      holderName: agreementCustomer.holderName,
      accountNumber: agreementCustomer.accountNumber,
      idType: "resident_id",
      idNumber: agreementCustomer.idNumber,
      mobile: agreementCustomer.mobile,
    },
    authenticationFactors: 2,
    digitalCertificate: false,
  });
  expect(signing.statusCode, signing.body).toBe(201);
  const otp = bank.latestOtp(agreementCustomer.mobile);
  const confirmed = await wallet.call("POST", "/v1/agreements/ag-1/confirm", { otp });
  expect(confirmed.json()).toMatchObject({ state: "active" });
}
