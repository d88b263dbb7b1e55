import { hubActor } from "../domain/audit/audit-actor.ts";
import type { BillerProfileInput } from "../domain/billers/biller-profile.ts";
import type { Hub } from "../hub.ts";

/**
 * The demo billers' profiles: a water utility whose bills must be fetched and paid exactly, a
 * power grid that takes prepaid top-ups on a meter, and a telecom operator whose bills may be
 * paid in part. Their capacities are an old billing system's, small on purpose: the demo's
 * simulators hold them to it.
 */
export const demoBillerProfiles: Readonly<Record<string, BillerProfileInput>> = {
  "biller-water": {
    category: "water",
    parameters: [
      {
        name: "account_number",
        label: "Water account number",
        type: "numeric",
        pattern: "3[0-9]{9}",
        minLength: 10,
        maxLength: 10,
        checkDigit: "luhn",
      },
    ],
    billFetch: "mandatory",
    amountExactness: "exact",
    presentmentCacheTtlSeconds: 3600,
    capacity: {
      inquiriesPerSecond: 20,
      concurrentCallsMax: 8,
      postingsPerSecond: 10,
      postingReserveBasisPoints: 3000,
    },
    currencies: ["CNY"],
  },
  "biller-power": {
    category: "electricity",
    parameters: [
      {
        name: "meter_number",
        label: "Meter number",
        type: "numeric",
        pattern: null,
        minLength: 11,
        maxLength: 11,
        checkDigit: "mod11",
      },
      {
        name: "mobile",
        label: "Mobile number for the receipt",
        type: "numeric",
        pattern: "1[3-9][0-9]{9}",
        minLength: 11,
        maxLength: 11,
        optional: true,
      },
    ],
    billFetch: "optional",
    amountExactness: "exact_or_more",
    presentmentCacheTtlSeconds: 900,
    capacity: {
      inquiriesPerSecond: 30,
      concurrentCallsMax: 10,
      postingsPerSecond: 15,
      postingReserveBasisPoints: 2500,
    },
    currencies: ["CNY"],
  },
  "biller-telecom": {
    category: "broadband",
    parameters: [
      {
        name: "phone_number",
        label: "Phone or broadband number",
        type: "numeric",
        pattern: "1[3-9][0-9]{9}",
        minLength: 11,
        maxLength: 11,
      },
    ],
    billFetch: "optional",
    amountExactness: "exact_or_less",
    presentmentCacheTtlSeconds: 1800,
    capacity: {
      inquiriesPerSecond: 50,
      concurrentCallsMax: 16,
      postingsPerSecond: 25,
      postingReserveBasisPoints: 2000,
    },
    currencies: ["CNY"],
  },
};

/**
 * Gives each demo biller its profile on first run. A biller that has one keeps it: an operator
 * may have changed it since, and the demo does not undo that.
 */
export async function seedDemoBillers(hub: Hub): Promise<string[]> {
  const registered: string[] = [];
  for (const [participantId, profile] of Object.entries(demoBillerProfiles)) {
    const found = await hub.billers.find(participantId);
    if (found.ok) continue;
    const set = await hub.billers.set(participantId, profile, hubActor);
    if (!set.ok) throw new Error(`demo biller ${participantId}: ${set.code}`);
    registered.push(participantId);
  }
  return registered;
}
