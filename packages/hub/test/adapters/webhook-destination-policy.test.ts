/**
 * Where the hub may send webhooks: public addresses, and the networks the operator allows;
 * judged on the address the socket connects to, so a name cannot lead it into a private one.
 */
import { afterEach, expect, it } from "vitest";
import {
  generateHubSigningKeyPem,
  hubSigningKeyFromPem,
} from "../../src/adapters/signing/hub-signing-key.ts";
import { HttpWebhookSender } from "../../src/adapters/webhooks/http-webhook-sender.ts";
import {
  allowNetworksFrom,
  WebhookDestinationPolicy,
} from "../../src/adapters/webhooks/webhook-destination-policy.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver.ts";

const none = new WebhookDestinationPolicy();

it.each(["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])(
  "allows the public address %s",
  (address) => {
    expect(none.allows(address)).toBe(true);
  },
);

it.each([
  ["loopback", "127.0.0.1"],
  ["loopback", "::1"],
  ["private", "10.1.2.3"],
  ["private", "172.16.0.1"],
  ["private", "192.168.1.1"],
  ["unique local", "fc00::1"],
  ["link-local (cloud metadata)", "169.254.169.254"],
  ["link-local", "fe80::1"],
  ["unspecified", "0.0.0.0"],
  ["unspecified", "::"],
  ["multicast", "224.0.0.1"],
  ["multicast", "ff02::1"],
  ["carrier-grade NAT", "100.64.0.1"],
  ["broadcast", "255.255.255.255"],
  ["private, written as IPv6", "::ffff:10.0.0.1"],
  ["not an address", "localhost"],
])("refuses a %s address (%s)", (_, address) => {
  expect(none.allows(address)).toBe(false);
});

it("allows the networks the operator lists, and only those", () => {
  const loopback = new WebhookDestinationPolicy(allowNetworksFrom("127.0.0.0/8, ::1/128"));
  expect(loopback.allows("127.0.0.1")).toBe(true);
  expect(loopback.allows("127.9.9.9")).toBe(true);
  expect(loopback.allows("::1")).toBe(true);
  expect(loopback.allows("10.0.0.1")).toBe(false);
  expect(allowNetworksFrom(undefined)).toEqual([]);
  expect(() => new WebhookDestinationPolicy(["10.0.0.0/33"])).toThrow(/CIDR/);
  expect(() => new WebhookDestinationPolicy(["intranet"])).toThrow(/CIDR/);
});

it("checks a URL at registration by its literal address or what its name resolves to", async () => {
  expect(await none.check("http://127.0.0.1:8080/hooks")).toBe("webhook_destination_forbidden");
  expect(await none.check("http://[fe80::1]/hooks")).toBe("webhook_destination_forbidden");
  expect(await none.check("http://localhost:8080/hooks")).toBe("webhook_destination_forbidden");
  expect(await none.check("https://93.184.215.14/hooks")).toBeUndefined();
  const loopback = new WebhookDestinationPolicy(["127.0.0.0/8", "::1/128"]);
  expect(await loopback.check("http://localhost:8080/hooks")).toBeUndefined();
});

let receiver: WebhookReceiver | undefined;
const senders: HttpWebhookSender[] = [];
afterEach(async () => {
  for (const sender of senders.splice(0)) await sender.close();
  await receiver?.close();
  receiver = undefined;
});

function senderWith(policy: WebhookDestinationPolicy): HttpWebhookSender {
  const sender = new HttpWebhookSender(hubSigningKeyFromPem(generateHubSigningKeyPem()), {
    requestTimeoutMs: 2_000,
    connectionsPerOriginMax: 2,
    destinations: policy,
  });
  senders.push(sender);
  return sender;
}

const webhook = (url: string) => ({
  url,
  eventId: "transfer.credited:t-1",
  eventType: "transfer.credited",
  payload: '{"id":"transfer.credited:t-1"}',
});

it("refuses at sending, on the address connected to, a receiver on a network not allowed", async () => {
  receiver = await startWebhookReceiver();
  const port = new URL(receiver.baseUrl).port;
  const refusing = senderWith(none);
  // By name: the socket's own lookup answers 127.0.0.1, and the policy refuses it there.
  const byName = await refusing.send(webhook(`http://localhost:${port}/hooks`));
  expect(byName).toMatchObject({ answered: false });
  expect(byName.answered ? "" : byName.error).toMatch(/not a public address/);
  const byAddress = await refusing.send(webhook(`http://127.0.0.1:${port}/hooks`));
  expect(byAddress.answered ? "" : byAddress.error).toMatch(/not a public address/);
  expect(receiver.received).toHaveLength(0);

  const allowing = senderWith(new WebhookDestinationPolicy(["127.0.0.0/8", "::1/128"]));
  const sent = await allowing.send(webhook(`http://localhost:${port}/hooks`));
  expect(sent).toEqual({ answered: true, statusCode: 204 });
  expect(receiver.received).toHaveLength(1);
});
