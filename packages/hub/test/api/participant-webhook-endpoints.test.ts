import { describe, expect, it } from "vitest";
import { eventTypeNames } from "../../src/domain/notifications/event-type.ts";
import { endpointsPerParticipantMax } from "../../src/domain/notifications/webhook-endpoint.ts";
import { describeEachBackend } from "../support/backends.ts";
import { expectProblem, useApiHarness } from "./api-harness.ts";
import { onboardParticipant } from "./participant-client.ts";

const registration = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  url: "https://wallet.example/hooks/clearhub",
  eventTypes: ["transfer.credited", "transfer.committed", "transfer.credited"],
  ...extra,
});

describeEachBackend("participant webhook endpoints", (backend) => {
  const api = useApiHarness(backend);

  it("registers an endpoint once, answers a retry with it and refuses another subscription under its id", async () => {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution");
    const created = await wallet.call("POST", "/v1/webhook-endpoints", registration("main"));
    expect(created.statusCode, created.body).toBe(201);
    const endpoint = created.json();
    expect(endpoint).toEqual({
      id: "main",
      url: "https://wallet.example/hooks/clearhub",
      eventTypes: ["transfer.committed", "transfer.credited"],
      createdAt: expect.any(String),
    });

    const retried = await wallet.call("POST", "/v1/webhook-endpoints", registration("main"));
    expect(retried.statusCode).toBe(200);
    expect(retried.headers["idempotent-replayed"]).toBe("true");
    expect(retried.json()).toEqual(endpoint);

    const elsewhere = registration("main", { url: "https://wallet.example/other" });
    expectProblem(
      await wallet.call("POST", "/v1/webhook-endpoints", elsewhere),
      409,
      "webhook_endpoint_conflict",
    );
    expect(await api.hub.webhookEndpoints.list("wallet-a")).toHaveLength(1);
  });

  it("refuses bad input with its own code and writes nothing", async () => {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution");
    const cases: [Record<string, unknown>, number, string][] = [
      [registration("-leading-dash"), 422, "webhook_endpoint_id_invalid"],
      [registration("a", { url: "ftp://wallet.example/" }), 422, "webhook_url_invalid"],
      [registration("a", { url: "https://user:pw@wallet.example/" }), 422, "webhook_url_invalid"],
      [registration("a", { eventTypes: ["transfer.lost"] }), 422, "webhook_event_types_invalid"],
      [registration("a", { eventTypes: [] }), 400, "request_invalid"],
      [registration("a", { secret: "x" }), 400, "request_invalid"],
    ];
    for (const [body, status, code] of cases) {
      expectProblem(await wallet.call("POST", "/v1/webhook-endpoints", body), status, code);
    }
    expect(await api.hub.webhookEndpoints.list("wallet-a")).toEqual([]);
  });

  it("shows and deletes only the caller's own endpoints", async () => {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution");
    const biller = await onboardParticipant(api, "biller-a", "biller");
    await wallet.call("POST", "/v1/webhook-endpoints", registration("main"));
    const billerHook = registration("billing", { eventTypes: ["transfer.credited"] });
    expect((await biller.call("POST", "/v1/webhook-endpoints", billerHook)).statusCode).toBe(201);

    const listed = await wallet.call("GET", "/v1/webhook-endpoints");
    expect(listed.json().endpoints.map((e: { id: string }) => e.id)).toEqual(["main"]);
    expect((await wallet.call("GET", "/v1/webhook-endpoints/main")).json().id).toBe("main");
    for (const method of ["GET", "DELETE"] as const) {
      expectProblem(
        await biller.call(method, "/v1/webhook-endpoints/main"),
        404,
        "webhook_endpoint_not_found",
      );
    }

    expect((await wallet.call("DELETE", "/v1/webhook-endpoints/main")).statusCode).toBe(204);
    expectProblem(
      await wallet.call("DELETE", "/v1/webhook-endpoints/main"),
      404,
      "webhook_endpoint_not_found",
    );
    expect(await api.hub.webhookEndpoints.list("wallet-a")).toEqual([]);
    expect(await api.hub.webhookEndpoints.list("biller-a")).toHaveLength(1);
  });

  it(`refuses an endpoint beyond the ${endpointsPerParticipantMax} a participant may have`, async () => {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution");
    for (let n = 0; n < endpointsPerParticipantMax; n += 1) {
      const answer = await wallet.call("POST", "/v1/webhook-endpoints", registration(`e${n}`));
      expect(answer.statusCode).toBe(201);
    }
    expectProblem(
      await wallet.call("POST", "/v1/webhook-endpoints", registration("one-more")),
      409,
      "webhook_endpoints_exhausted",
    );
  });
});

describe("participant webhook endpoints in the API description", () => {
  const api = useApiHarness("sqlite");

  it("names every event type an endpoint may subscribe to", () => {
    const document = api.app.swagger() as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    const body = JSON.stringify(document.paths["/v1/webhook-endpoints"]?.post?.requestBody);
    for (const type of eventTypeNames) expect(body).toContain(`\`${type}\``);
  });
});

describeEachBackend("webhook destinations", (backend) => {
  // The hub as an operator runs it: no network allowed besides public addresses.
  const api = useApiHarness(backend, { webhookAllowNetworks: [] });

  it("refuses an endpoint on a loopback, private or link-local address, writing nothing", async () => {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution");
    for (const url of [
      "http://127.0.0.1:9000/hooks",
      "http://localhost:9000/hooks",
      "http://10.0.0.8/hooks",
      "http://169.254.169.254/latest/meta-data",
      "http://[fd00::1]/hooks",
    ]) {
      const refused = await wallet.call("POST", "/v1/webhook-endpoints", {
        id: "inside",
        url,
        eventTypes: ["transfer.credited"],
      });
      expectProblem(refused, 422, "webhook_destination_forbidden");
    }
    const listed = await wallet.call("GET", "/v1/webhook-endpoints");
    expect(JSON.stringify(listed.json())).not.toContain("inside");
    const outside = await wallet.call("POST", "/v1/webhook-endpoints", {
      id: "outside",
      url: "https://93.184.215.14/hooks",
      eventTypes: ["transfer.credited"],
    });
    expect(outside.statusCode, outside.body).toBe(201);
  });
});
