import { describe, expect, it } from "vitest";
import {
  checkEndpointInput,
  endpointUrlLengthMax,
} from "../../src/domain/notifications/webhook-endpoint.ts";

const valid = {
  id: "main",
  url: "https://wallet.example/hooks",
  eventTypes: ["transfer.reserved", "transfer.credited", "transfer.reserved"],
};

describe("webhook endpoint input", () => {
  it("keeps the URL as the parser writes it and the event types sorted without duplicates", () => {
    expect(checkEndpointInput({ ...valid, url: "HTTPS://Wallet.Example:443/hooks?x=1" })).toEqual({
      ok: true,
      url: "https://wallet.example/hooks?x=1",
      eventTypes: ["transfer.credited", "transfer.reserved"],
    });
  });

  it.each([
    ["", "webhook_endpoint_id_invalid"],
    ["-leading-dash", "webhook_endpoint_id_invalid"],
    ["x".repeat(65), "webhook_endpoint_id_invalid"],
  ])("refuses the id %j", (id, code) => {
    expect(checkEndpointInput({ ...valid, id })).toEqual({ ok: false, code });
  });

  it.each([
    "relative/path",
    "ftp://wallet.example/hooks",
    "https://user:secret@wallet.example/hooks",
    "https://wallet.example/hooks#fragment",
    `https://wallet.example/${"a".repeat(endpointUrlLengthMax)}`,
  ])("refuses the URL %s", (url) => {
    expect(checkEndpointInput({ ...valid, url })).toEqual({
      ok: false,
      code: "webhook_url_invalid",
    });
  });

  it("refuses an empty subscription and unknown event types", () => {
    for (const eventTypes of [[], ["transfer.credited", "transfer.teleported"]]) {
      expect(checkEndpointInput({ ...valid, eventTypes })).toEqual({
        ok: false,
        code: "webhook_event_types_invalid",
      });
    }
  });
});
