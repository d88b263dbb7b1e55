/**
 * The network `clearhub bench flood` measures: three billers, each a simulator in its own
 * process holding the hub to the rate it declares, and three channels (payment institutions),
 * each with its own key for its driver. Set up through the operator API, as an operator would.
 */
import type { CustomerSeed } from "@clearhub/simulators";
import type { BillerCapacity, BillerProfileInput } from "../domain/billers/biller-profile.ts";
import { type BillerProcess, startBillerProcess } from "./bench-biller-process.ts";
import type { BenchSigningKey } from "./bench-driver-protocol.ts";
import { benchCustomerNumber, benchCustomerParameter } from "./bench-flood-protocol.ts";
import {
  addMainEndpoint,
  type OperatorApi,
  onboardWithKeys,
  type ParticipantKey,
  pkcs8Base64,
  pkcs8Pem,
} from "./bench-network.ts";
import { demoBillerProfiles } from "./demo-billers.ts";

export const floodCurrency = "CNY";
/** Long enough to outlast a run: a customer asked about once is answered from cache after. */
const cacheTtlSeconds = 600;

export interface FloodBiller {
  readonly billerId: string;
  readonly capacity: BillerCapacity;
  /** The one rate the simulator counts every request against; see `simulatorRateOf`. */
  readonly declaredPerSecond: number;
  readonly process: BillerProcess;
}

/** A channel, with the key its driver process signs with. */
export interface FloodChannel extends BenchSigningKey {
  readonly channelId: string;
}

export interface FloodNetwork {
  readonly billers: readonly FloodBiller[];
  /** The two steady channels, then the flooding one. */
  readonly channels: readonly FloodChannel[];
  close(): Promise<void>;
}

export const floodingChannelId = "bench-flooder";
const steadyChannelIds = ["bench-steady-a", "bench-steady-b"];

/**
 * The simulator's single rate for a hub declaration. The simulator counts every request that
 * arrives in a wall-clock second (inquiries, postings, posting status inquiries) against one
 * rate. The hub promises two separate budgets per one-second window of its admission clock
 * (`domain/billers/admission-rule.ts`): at most `inquiriesPerSecond` bill inquiries (people's
 * and machines' together; answers from the cache never reach the biller), and at most
 * `postingsPerSecond` posting-class calls, which are postings and their status inquiries alike
 * (both pass `postingAdmission`). So the most the hub ever sends in one of its windows is their
 * sum, and that sum is the rate the biller declares to its own meter. (The hub's window and the
 * biller's second are counted at different moments of one call: at admission and at arrival.)
 */
export function simulatorRateOf(capacity: BillerCapacity): number {
  return capacity.inquiriesPerSecond + capacity.postingsPerSecond;
}

/**
 * The demo billers' categories and declared capacities (an old billing system's, small on
 * purpose), with one ten-digit customer number, direct payment allowed and any amount taken, so
 * the drivers can pay without quoting a bill first.
 */
function profileOf(billerId: string): BillerProfileInput {
  const demo = demoBillerProfiles[billerId];
  if (demo === undefined) throw new Error(`no demo biller ${billerId}`);
  return {
    ...demo,
    parameters: [
      {
        name: benchCustomerParameter,
        label: "Customer number",
        type: "numeric",
        pattern: null,
        minLength: 10,
        maxLength: 10,
        checkDigit: null,
      },
    ],
    billFetch: "optional",
    amountExactness: "any",
    presentmentCacheTtlSeconds: cacheTtlSeconds,
    currencies: [floodCurrency],
  };
}

function customers(count: number): CustomerSeed[] {
  return Array.from({ length: count }, (_, index) => ({
    parameters: { [benchCustomerParameter]: benchCustomerNumber(index) },
    name: `Customer ${index}`,
    currency: floodCurrency,
    bills: [{ billNumber: `B-${index}`, amountDue: "10.00", dueDate: "2027-01-31" }],
  }));
}

async function startBiller(
  operator: OperatorApi,
  origin: string,
  billerId: string,
  key: ParticipantKey,
  customerCount: number,
): Promise<FloodBiller> {
  const profile = profileOf(billerId);
  await operator("PUT", `/billers/${billerId}`, profile);
  const declaredPerSecond = simulatorRateOf(profile.capacity);
  const simulator = await startBillerProcess({
    billerId,
    hubUrl: origin,
    keyId: key.keyId,
    privateKeyPem: pkcs8Pem(key.privateKey),
    parameterNames: [benchCustomerParameter],
    customers: customers(customerCount),
    declaredPerSecond,
  });
  try {
    await addMainEndpoint(operator, "billers", billerId, simulator.url);
  } catch (error) {
    await simulator.stop();
    throw error;
  }
  return { billerId, capacity: profile.capacity, declaredPerSecond, process: simulator };
}

/** Onboards everyone with keys and starts the billers' simulators; `close` stops them. */
export async function setUpFloodNetwork(
  operator: OperatorApi,
  origin: string,
  customerCount: number,
): Promise<FloodNetwork> {
  const billerIds = Object.keys(demoBillerProfiles);
  const channelIds = [...steadyChannelIds, floodingChannelId];
  const billerKeys = await onboardWithKeys(
    operator,
    billerIds.map((id) => ({ id, kind: "biller" as const })),
    floodCurrency,
  );
  const channelKeys = await onboardWithKeys(
    operator,
    channelIds.map((id) => ({ id, kind: "payment_institution" as const })),
    floodCurrency,
  );
  const billers: FloodBiller[] = [];
  const close = async () => {
    await Promise.all(billers.map((biller) => biller.process.stop()));
  };
  try {
    for (const [index, billerId] of billerIds.entries()) {
      const key = billerKeys[index] as ParticipantKey;
      billers.push(await startBiller(operator, origin, billerId, key, customerCount));
    }
    const channels = channelIds.map((channelId, index) => {
      const { keyId, privateKey } = channelKeys[index] as ParticipantKey;
      return { channelId, keyId, privateKeyPkcs8: pkcs8Base64(privateKey) };
    });
    return { billers, channels, close };
  } catch (error) {
    await close();
    throw error;
  }
}
