import type { LookupAddress, LookupAllOptions, LookupOneOptions } from "node:dns";
import { lookup as dnsLookup } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import type {
  DestinationRefusal,
  WebhookDestinationCheck,
} from "../../app/ports/webhook-destination-check.ts";

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Network = [Address, number];

/** How long registration waits for a name to resolve; past it the send-time check decides. */
const registrationLookupTimeoutMs = 2_000;

/**
 * Which addresses the hub may send webhooks to. A participant chooses the URL, so without a
 * rule it could make the hub call into the operator's own network (a database's HTTP port, a
 * cloud's metadata service). Only public unicast addresses are allowed: loopback, private
 * (RFC 1918, unique local IPv6), link-local, unspecified, multicast, carrier-grade NAT and the
 * other reserved ranges are refused, unless the operator allow-lists a network (CIDR) for them.
 *
 * The check that counts is made on the address actually connected to: `lookup` replaces the
 * socket's name resolution, so a name that resolves to a public address when registered and to
 * a private one when sent (DNS rebinding) is refused at sending.
 */
export class WebhookDestinationPolicy implements WebhookDestinationCheck {
  private readonly allowed: readonly Network[];

  /** `allowNetworks` are CIDRs (`127.0.0.0/8`, `::1/128`); a malformed one throws. */
  constructor(allowNetworks: readonly string[] = []) {
    this.allowed = allowNetworks.map(parseNetwork);
  }

  /** Whether the hub may connect to this literal address. */
  allows(address: string): boolean {
    if (!ipaddr.isValid(address)) return false;
    const parsed = unmapped(ipaddr.parse(address));
    if (parsed.range() === "unicast") return true;
    return this.allowed.some(
      ([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits),
    );
  }

  /** At registration: a literal address, or every address the name resolves to now. */
  async check(url: string): Promise<DestinationRefusal | undefined> {
    const host = hostOf(url);
    if (host === undefined) return undefined;
    if (isIP(host) !== 0) return this.allows(host) ? undefined : "webhook_destination_forbidden";
    const addresses = await resolveBriefly(host);
    const refused = addresses.some((address) => !this.allows(address));
    return refused ? "webhook_destination_forbidden" : undefined;
  }

  /** The literal address a URL names, refused if not allowed; names are left to `lookup`. */
  refusalOfLiteral(url: string): string | undefined {
    const host = hostOf(url);
    if (host === undefined || isIP(host) === 0 || this.allows(host)) return undefined;
    return `${host} is not a public address (allow it with CLEARHUB_WEBHOOK_ALLOW_NETWORKS)`;
  }

  /** A socket's `lookup`: resolves the name, then refuses it if any address is not allowed. */
  readonly lookup = (
    hostname: string,
    options: LookupOneOptions | LookupAllOptions,
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error !== null) return callback(error, []);
      const refused = addresses.find((entry) => !this.allows(entry.address));
      if (refused !== undefined) {
        const message = `${hostname} resolves to ${refused.address}, not a public address (allow it with CLEARHUB_WEBHOOK_ALLOW_NETWORKS)`;
        return callback(Object.assign(new Error(message), { code: "EDESTINATIONFORBIDDEN" }), []);
      }
      if (options.all === true) return callback(null, addresses);
      const [first] = addresses;
      if (first === undefined) return callback(new Error(`${hostname} has no address`), []);
      return callback(null, first.address, first.family);
    });
  };
}

function parseNetwork(cidr: string): Network {
  try {
    return ipaddr.parseCIDR(cidr.trim());
  } catch {
    throw new Error(`not a network in CIDR form (such as 127.0.0.0/8 or ::1/128): "${cidr}"`);
  }
}

/** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is. */
function unmapped(address: Address): Address {
  return address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^\[(.*)\]$/, "$1");
  } catch {
    return undefined;
  }
}

/** The name's addresses, or none when it does not resolve in time (then sending decides). */
async function resolveBriefly(host: string): Promise<string[]> {
  const resolved = new Promise<string[]>((resolve) => {
    dnsLookup(host, { all: true }, (error, addresses) =>
      resolve(error === null ? addresses.map((entry) => entry.address) : []),
    );
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), registrationLookupTimeoutMs);
  });
  try {
    return await Promise.race([resolved, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** `CLEARHUB_WEBHOOK_ALLOW_NETWORKS`: CIDRs separated by commas; empty or unset, none. */
export function allowNetworksFrom(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}
