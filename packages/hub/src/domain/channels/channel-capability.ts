/**
 * What a channel does for its users through the hub, each of which the operator can suspend on
 * its own. The set is closed; a later capability (barcode payments, say) is one more line here,
 * and the suspension rules, routes, events and console take it up from this list.
 */
export const channelCapabilities = {
  bill_inquiry: "Asking billers for a customer's bills (POST /v1/bill-inquiries).",
  bill_payment: "Paying a bill (POST /v1/bill-payments).",
} as const satisfies Record<string, string>;

export type ChannelCapability = keyof typeof channelCapabilities;

export const channelCapabilityNames = Object.keys(channelCapabilities) as ChannelCapability[];

export function isChannelCapability(value: string): value is ChannelCapability {
  return Object.hasOwn(channelCapabilities, value);
}

/**
 * The capability whose requests quote a bill presented earlier: the only one the
 * `honour_presented` policy can let through after a suspension.
 */
export const presentedBillCapability: ChannelCapability = "bill_payment";
