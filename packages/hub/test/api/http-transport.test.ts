import { afterAll, beforeAll, expect, it } from "vitest";
import { requestBodyBytesMax } from "../../src/api/server.ts";
import { describeEachBackend } from "../support/backends.ts";
import {
  exchangeRaw,
  type ListeningHub,
  openListeningHub,
  requestHead,
  signatureHeaders,
} from "./listening-hub.ts";
import { onboardParticipant } from "./participant-client.ts";

/**
 * What the hub does with bytes on a real socket, where light-my-request cannot reach. Both
 * backends: how long a request takes to answer changes what the socket holds meanwhile.
 */
describeEachBackend("HTTP transport", (backend) => {
  let hub: ListeningHub;
  beforeAll(async () => {
    hub = await openListeningHub(backend);
  });
  afterAll(async () => {
    await hub.dispose();
  });

  const head = (method: string, path: string, headers: (readonly [string, string])[]) =>
    requestHead(method, path, `127.0.0.1:${hub.port}`, headers);

  function problemOf(text: string): { status: number; code: string; contentType: string } {
    const [status] = /^HTTP\/1\.1 (\d{3})/.exec(text)?.slice(1) ?? [];
    const contentType = /\r\ncontent-type: ([^\r]*)/i.exec(text)?.[1] ?? "";
    const body = text.slice(text.indexOf("\r\n\r\n") + 4);
    return { status: Number(status), code: JSON.parse(body).code, contentType };
  }

  it("refuses a declared body over the limit before anything reads it, on any route, and closes", async () => {
    const gibibyte = String(1024 ** 3);
    const requests = [
      head("POST", "/v1/ping", [
        ["content-type", "application/json"],
        ["content-length", gibibyte],
      ]),
      head("GET", "/v1/accounts", [["content-length", String(requestBodyBytesMax + 1)]]),
      head("POST", "/operator/v1/transfers", [["content-length", gibibyte]]),
      head("POST", "/nowhere", [["content-length", gibibyte]]),
    ];
    for (const request of requests) {
      const exchange = await exchangeRaw(hub.port, [request, "{".repeat(1024)]);
      expect(problemOf(exchange.text)).toEqual({
        status: 413,
        code: "body_too_large",
        contentType: "application/problem+json; charset=utf-8",
      });
      expect(exchange.closedByServer).toBe(true);
    }
  });

  it("answers a request refused before its body arrived, then closes instead of reading the rest", async () => {
    const chunkBytes = 64 * 1024;
    const chunk = Buffer.concat([
      Buffer.from(`${chunkBytes.toString(16)}\r\n`),
      Buffer.alloc(chunkBytes, " "),
      Buffer.from("\r\n"),
    ]);
    const chunks = Array.from({ length: 256 }, () => chunk);
    const unsigned = head("POST", "/v1/ping", [
      ["content-type", "application/json"],
      ["transfer-encoding", "chunked"],
    ]);
    const exchange = await exchangeRaw(hub.port, [unsigned, ...chunks], { pauseMs: 2 });
    expect(problemOf(exchange.text)).toMatchObject({ status: 401, code: "signature_missing" });
    // Answered long before 16 MiB were sent; the server then reads no more of it.
    expect(exchange.bytesSentBeforeAnswer).toBeLessThan(8 * 1024 * 1024);
    expect(exchange.closedByServer).toBe(true);
  });

  it("answers what the HTTP parser refuses as a problem, and closes the connection", async () => {
    const cases: [string, number, string][] = [
      [head("GET", "/health", [["x-padding", "a".repeat(20 * 1024)]]), 431, "headers_too_large"],
      [head("POST", "/v1/ping", [["content-length", "abc"]]), 400, "request_malformed"],
      [
        head("POST", "/v1/ping", [
          ["content-length", "2"],
          ["transfer-encoding", "chunked"],
        ]),
        400,
        "request_malformed",
      ],
      ["GET /health HTTP/1.1\r\nhost: x\r\nx-folded: a\r\n b\r\n\r\n", 400, "request_malformed"],
    ];
    for (const [request, status, code] of cases) {
      const exchange = await exchangeRaw(hub.port, [request]);
      expect(problemOf(exchange.text)).toEqual({
        status,
        code,
        contentType: "application/problem+json",
      });
      expect(exchange.closedByServer).toBe(true);
    }
  });

  it("refuses an HTTP/1.1 request without a Host header with a problem", async () => {
    const exchange = await exchangeRaw(hub.port, ["GET /health HTTP/1.1\r\n\r\n"]);
    expect(problemOf(exchange.text)).toMatchObject({ status: 400, code: "request_malformed" });
    const http10 = await exchangeRaw(hub.port, ["GET /health HTTP/1.0\r\n\r\n"]);
    expect(http10.status).toBe(200);
  });

  it("delivers an answer given while an unread body is still arriving, before closing", async () => {
    const bank = await onboardParticipant(hub, "bank-alpha");
    // Closed at once, the socket's unread bytes would make the kernel reset the connection,
    // and the reset can overtake the answer: the sender would see a broken connection instead.
    const chunk = Buffer.concat([
      Buffer.from("10000\r\n"),
      Buffer.alloc(0x10000, " "),
      Buffer.from("\r\n"),
    ]);
    for (let attempt = 0; attempt < 5; attempt++) {
      const signature = signatureHeaders(hub.origin, { method: "GET", path: "/v1/accounts" }, bank);
      const read = head("GET", "/v1/accounts", [...signature, ["transfer-encoding", "chunked"]]);
      const exchange = await exchangeRaw(hub.port, [read, ...Array(64).fill(chunk)], {
        pauseMs: 2,
      });
      expect(exchange.status).toBe(200);
      expect(exchange.closedByServer).toBe(true);
    }
  });
});
