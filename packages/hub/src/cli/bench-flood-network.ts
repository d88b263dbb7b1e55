/**
 * The network `clearhub bench flood` measures: three billers, each a simulator in its own
 * process holding the hub to the rate it declares, and three channels (payment institutions),
 * each with its own key for its driver. Set up through the hub's own services, as the demo is.
 */
import { exportPublicKeyRaw, generateSigningKeyPair } from "@clearhub/http-signatures";
import type { CustomerSeed } from "@clearhub/simulators";
import { hubActor } from "../domain/audit/audit-actor.ts";
import type { BillerCapacity, BillerProfileInput } from "../domain/billers/biller-profile.ts";
import type { Hub } from "../hub.ts";
import { type BillerProcess, startBillerProcess } from "./bench-biller-process.ts";
import { benchCustomerNumber, benchCustomerParameter } from "./bench-flood-protocol.ts";
import { demoBillerProfiles } from "./demo-billers.ts";

export const floodCurrency = "CNY";
/** Caps that never bind: the bench measures protection, not the channels' positions. */
const netDebitCapMinor = 100_000_000_000_000n;
/** Long enough to outlast a run: a customer asked about once is answered from cache after. */
const cacheTtlSeconds = 600;

export interface FloodBiller {
  readonly billerId: string;
  readonly capacity: BillerCapacity;
  /** The one rate the simulator counts every request against; see `simulatorRateOf`. */
  readonly declaredPerSecond: number;
  readonly process: BillerProcess;
}

export interface FloodChannel {
  readonly channelId: string;
  readonly keyId: string;
  /** Ed25519 private key as PKCS#8 DER, base64, for the driver process. */
  readonly privateKeyPkcs8: string;
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

async function register(hub: Hub, id: string, kind: "biller" | "payment_institution") {
  const registered = await hub.participants.register(
    {
      id,
      name: `Bench ${id}`,
      kind,
      currencies: [{ currency: floodCurrency, netDebitCap: netDebitCapMinor }],
    },
    hubActor,
  );
  if (!registered.ok) throw new Error(`registering ${id}: ${registered.code}`);
  const { publicKey, privateKey } = generateSigningKeyPair();
  const added = await hub.participantKeys.add(id, exportPublicKeyRaw(publicKey), hubActor);
  if (!added.ok) throw new Error(`a key for ${id}: ${added.code}`);
  return { keyId: added.value.keyId, privateKey };
}

async function startBiller(
  hub: Hub,
  origin: string,
  billerId: string,
  customerCount: number,
): Promise<FloodBiller> {
  const key = await register(hub, billerId, "biller");
  const profile = profileOf(billerId);
  const set = await hub.billers.set(billerId, profile, hubActor);
  if (!set.ok) throw new Error(`profile of ${billerId}: ${set.code}`);
  const declaredPerSecond = simulatorRateOf(profile.capacity);
  const simulator = await startBillerProcess({
    billerId,
    hubUrl: origin,
    keyId: key.keyId,
    privateKeyPem: key.privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    parameterNames: [benchCustomerParameter],
    customers: customers(customerCount),
    declaredPerSecond,
  });
  const added = await hub.billerEndpoints.add(
    billerId,
    { id: "main", url: simulator.url },
    hubActor,
  );
  if (!added.ok) {
    await simulator.stop();
    throw new Error(`endpoint of ${billerId}: ${added.code}`);
  }
  return { billerId, capacity: profile.capacity, declaredPerSecond, process: simulator };
}

/** Registers everyone and starts the billers' simulators; `close` stops them. */
export async function setUpFloodNetwork(
  hub: Hub,
  origin: string,
  customerCount: number,
): Promise<FloodNetwork> {
  const billers: FloodBiller[] = [];
  const close = async () => {
    await Promise.all(billers.map((biller) => biller.process.stop()));
  };
  try {
    for (const billerId of Object.keys(demoBillerProfiles)) {
      billers.push(await startBiller(hub, origin, billerId, customerCount));
    }
    const channels: FloodChannel[] = [];
    for (const channelId of [...steadyChannelIds, floodingChannelId]) {
      const key = await register(hub, channelId, "payment_institution");
      channels.push({
        channelId,
        keyId: key.keyId,
        privateKeyPkcs8: key.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
      });
    }
    return { billers, channels, close };
  } catch (error) {
    await close();
    throw error;
  }
}
