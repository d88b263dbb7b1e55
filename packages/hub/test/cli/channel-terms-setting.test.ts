/** `CLEARHUB_CHANNEL_TERMS` is read whole or refused naming what is wrong, before the hub opens. */
import { expect, it } from "vitest";
import { channelTermsFrom } from "../../src/cli/channel-terms-setting.ts";

it("reads each channel's weight and quotas, and nothing when unset", () => {
  expect(channelTermsFrom(undefined)).toBeUndefined();
  expect(channelTermsFrom("  ")).toBeUndefined();
  expect(
    channelTermsFrom(
      '{"wallet-alpha":{"weight":3,"quotas":{"scheduled_inquiry":5}},"bank-east":{}}',
    ),
  ).toEqual({ "wallet-alpha": { weight: 3, quotas: { scheduled_inquiry: 5 } }, "bank-east": {} });
});

it("refuses what is not JSON, an id that names no participant, a weight or quota out of bounds, an unknown class", () => {
  expect(() => channelTermsFrom("{wallet-alpha:3}")).toThrow("CLEARHUB_CHANNEL_TERMS: not JSON");
  for (const bad of [
    '{"Wallet Alpha":{"weight":2}}',
    '{"wallet-alpha":{"weight":0}}',
    '{"wallet-alpha":{"weight":1001}}',
    '{"wallet-alpha":{"weight":1.5}}',
    '{"wallet-alpha":{"quotas":{"user_inquiry":0}}}',
    '{"wallet-alpha":{"quotas":{"bulk":5}}}',
    '{"wallet-alpha":{"share":5}}',
    "[1]",
  ]) {
    expect(() => channelTermsFrom(bad), bad).toThrow(/^CLEARHUB_CHANNEL_TERMS: \//);
  }
});
