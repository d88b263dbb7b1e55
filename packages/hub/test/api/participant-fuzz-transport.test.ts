/**
 * What reaches the socket: sizes beyond the limit, declared or streamed, lengths that lie,
 * framing no client library would produce, headers too long. The hub answers each with a
 * problem (or drops a connection it cannot answer), never with a server error, never reads an
 * oversized body whole, and writes nothing; and it keeps answering afterwards.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { requestBodyBytesMax } from "../../src/api/server.ts";
import { describeEachBackend } from "../support/backends.ts";
import {
  exchangeRaw,
  type HeaderList,
  type RawExchange,
  requestHead,
  signatureHeaders,
} from "./listening-hub.ts";
import {
  expectWellFormedAnswer,
  type FuzzNetwork,
  fuzzParameters,
  fuzzTimeoutMs,
  signedRequest,
  useFuzzNetwork,
} from "./participant-fuzz-network.ts";
import { snapshotStore, storeChanges } from "./store-snapshot.ts";

const mebibyte = 1024 * 1024;

/** Routes with and without a body, and one that does not exist. */
const sizedRoute = fc.constantFrom(
  { method: "POST", path: "/v1/transfers" },
  { method: "POST", path: "/v1/transfers/bulk" },
  { method: "POST", path: "/v1/ping" },
  { method: "GET", path: "/v1/accounts" },
  { method: "POST", path: "/v1/nowhere" },
  { method: "POST", path: "/operator/v1/transfers" },
);

interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Every answer in what the server wrote, in order; a raw connection may carry several. */
function rawAnswers(exchange: RawExchange): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let rest = exchange.text;
  for (;;) {
    const head = /^HTTP\/1\.1 (\d{3})[^\r]*\r\n((?:[^\r\n]+\r\n)*)\r\n/.exec(rest);
    if (head === null) return answers;
    const headers: Record<string, string> = {};
    for (const line of (head[2] ?? "").split("\r\n").filter(Boolean)) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers["content-length"] ?? 0);
    const bodyStart = head[0].length;
    answers.push({
      status: Number(head[1]),
      headers,
      body: rest.slice(bodyStart, bodyStart + length),
    });
    rest = rest.slice(bodyStart + length);
  }
}

/** Every answer a problem or a success, none a server error; a connection may end unanswered. */
function expectOnlyWellFormedAnswers(exchange: RawExchange): RawAnswer[] {
  const answers = rawAnswers(exchange);
  for (const answer of answers) {
    expectWellFormedAnswer({
      ...answer,
      body: Buffer.from(answer.body, "latin1").toString("utf8"),
    });
  }
  return answers;
}

/** A JSON body of exactly `bytes` bytes. */
function paddedJson(bytes: number): string {
  return `{"pad":"${"x".repeat(Math.max(0, bytes - 10))}"}`;
}

describeEachBackend("participant API fuzz: transport", (backend) => {
  const network = useFuzzNetwork(backend);

  /** The store must not change, but for nonces of requests whose signature verified. */
  async function expectNothingWrittenBy(net: FuzzNetwork, exchange: () => Promise<void>) {
    const database = net.hub.test.database.database;
    const before = await snapshotStore(database);
    await exchange();
    const { seen_nonces: _nonces, ...changes } = storeChanges(
      before,
      await snapshotStore(database),
    );
    expect(changes).toEqual({});
  }

  function signedHead(
    net: FuzzNetwork,
    route: { method: string; path: string },
    signed: boolean,
    extra: HeaderList,
    body?: string,
  ): string {
    const signature = signed
      ? signatureHeaders(
          net.hub.origin,
          { ...route, body },
          {
            keyId: net.payer.keyId,
            privateKey: net.payer.privateKey,
          },
        )
      : [];
    const headers: HeaderList = [["content-type", "application/json"], ...signature, ...extra];
    return requestHead(route.method, route.path, `127.0.0.1:${net.hub.port}`, headers);
  }

  it(
    "refuses a declared length over the limit at once, on any route, signed or not, and closes without reading the body",
    async () => {
      const net = network();
      await fc.assert(
        fc.asyncProperty(
          sizedRoute,
          fc.boolean(),
          fc.integer({ min: requestBodyBytesMax + 1, max: 2 ** 40 }),
          async (route, signed, declared) => {
            await expectNothingWrittenBy(net, async () => {
              const head = signedHead(net, route, signed, [["content-length", String(declared)]]);
              const exchange = await exchangeRaw(net.hub.port, [head, "{".repeat(1024)]);
              const [answer, ...others] = expectOnlyWellFormedAnswers(exchange);
              expect(others).toEqual([]);
              expect({
                status: answer?.status,
                code: JSON.parse(answer?.body ?? "{}").code,
              }).toEqual({
                status: 413,
                code: "body_too_large",
              });
              expect(exchange.closedByServer).toBe(true);
            });
          },
        ),
        fuzzParameters(25),
      );
    },
    fuzzTimeoutMs,
  );

  it(
    "answers a chunked body over the limit before the sender has finished, and closes the connection",
    async () => {
      const net = network();
      const chunkBytes = 64 * 1024;
      // Far more than the limit plus what socket buffers hold, so an early answer is unmistakable.
      const totalBytes = 16 * mebibyte;
      const chunk = Buffer.concat([
        Buffer.from(`${chunkBytes.toString(16)}\r\n`),
        Buffer.alloc(chunkBytes, " "),
        Buffer.from("\r\n"),
      ]);
      const chunks = Array.from({ length: totalBytes / chunkBytes }, () => chunk);
      await fc.assert(
        fc.asyncProperty(sizedRoute, fc.boolean(), async (route, signed) => {
          await expectNothingWrittenBy(net, async () => {
            const head = signedHead(net, route, signed, [["transfer-encoding", "chunked"]]);
            const exchange = await exchangeRaw(net.hub.port, [head, ...chunks, "0\r\n\r\n"], {
              pauseMs: 2,
            });
            const [answer] = expectOnlyWellFormedAnswers(exchange);
            // A route that reads the body refuses it once past the limit; the others answer
            // without reading it (a GET's body is never read, an unsigned request is refused).
            if (signed && route.method === "POST" && route.path.startsWith("/v1/transfers")) {
              expect(answer?.status).toBe(413);
            }
            expect(answer, "no answer").toBeDefined();
            expect(exchange.bytesSentBeforeAnswer).toBeLessThan(totalBytes / 2);
            expect(exchange.closedByServer).toBe(true);
          });
        }),
        fuzzParameters(8),
      );
    },
    fuzzTimeoutMs,
  );

  it(
    "reads a body of exactly the limit and refuses one byte more",
    async () => {
      const net = network();
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: -4, max: 4 }), async (offset) => {
          const bytes = requestBodyBytesMax + offset;
          const body = paddedJson(bytes);
          expect(Buffer.byteLength(body)).toBe(bytes);
          const answer = await net.hub.send(
            signedRequest(net.hub.origin, net.payer, "POST", "/v1/ping", body),
          );
          const problem = expectWellFormedAnswer(answer);
          if (offset <= 0) expect(answer.status, answer.body).toBe(204);
          else expect(problem?.code).toBe("body_too_large");
        }),
        fuzzParameters(9),
      );
    },
    fuzzTimeoutMs,
  );

  it(
    "answers a header too long for the server with a problem, never a server error",
    async () => {
      const net = network();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            "x-padding",
            "signature",
            "signature-input",
            "content-digest",
            "user-agent",
            "cookie",
          ),
          fc.integer({ min: 1024, max: 128 * 1024 }),
          fc.integer({ min: 1, max: 3 }),
          async (name, length, copies) => {
            await expectNothingWrittenBy(net, async () => {
              const body = "{}";
              const padding = Array.from(
                { length: copies },
                () => [name, "a".repeat(length)] as const,
              );
              const head = signedHead(
                net,
                { method: "POST", path: "/v1/ping" },
                true,
                [["content-length", "2"], ...padding],
                body,
              );
              const exchange = await exchangeRaw(net.hub.port, [`${head}${body}`]);
              const [answer] = expectOnlyWellFormedAnswers(exchange);
              expect(answer, "no answer at all").toBeDefined();
              if (answer !== undefined && answer.status >= 400) {
                expect([400, 401, 431]).toContain(answer.status);
              }
            });
          },
        ),
        fuzzParameters(20),
      );
    },
    fuzzTimeoutMs,
  );

  it(
    "answers lying lengths and broken framing with problems, and acts on no request it could not read",
    async () => {
      const net = network();
      const body = '{"hello":"hub"}';
      const framing = fc.oneof(
        fc.record({
          kind: fc.constant("length-longer-than-body" as const),
          extra: fc.integer({ min: 1, max: 10_000 }),
        }),
        fc.record({
          kind: fc.constant("length-shorter-than-body" as const),
          missing: fc.integer({ min: 1, max: body.length }),
        }),
        fc.record({
          kind: fc.constant("bad-length" as const),
          value: fc.constantFrom(
            "abc",
            "-1",
            "1.5",
            "0x10",
            "15, 16",
            " 15x",
            "99999999999999999999999",
            "",
          ),
        }),
        fc.constant({ kind: "two-lengths" as const }),
        fc.constant({ kind: "length-and-chunked" as const }),
        fc.record({
          kind: fc.constant("bad-chunk" as const),
          chunk: fc.constantFrom(
            "zz\r\n{}\r\n0\r\n\r\n",
            "2\r\n{}0\r\n\r\n",
            "2;ext=\u0001\r\n{}\r\n0\r\n\r\n",
            "ffffffffffffffffff\r\n{}",
            "2\r\n{}\r\n0\r\nx-trailer: 1\r\n\r\n",
          ),
        }),
        fc.record({
          kind: fc.constant("bad-transfer-encoding" as const),
          value: fc.constantFrom(
            "gzip, chunked",
            "chunked, identity",
            "xchunked",
            "chunked\u0000",
            "identity",
          ),
        }),
        fc.record({
          kind: fc.constant("bad-request-line" as const),
          line: fc.constantFrom(
            "POST /v1/ping HTTP/1.2",
            "POST /v1/ping HTTP/2.0",
            "post /v1/ping HTTP/1.1",
            "POST  /v1/ping HTTP/1.1",
            "POST /v1/ping",
            "BREW /v1/ping HTTP/1.1",
            "POST http://evil.example/v1/ping HTTP/1.1",
            "POST * HTTP/1.1",
          ),
        }),
        fc.record({
          kind: fc.constant("bad-header-line" as const),
          line: fc.constantFrom(
            "x-folded: a\r\n b",
            "x-nul: a\u0000b",
            "x-cr: a\rb",
            "no-colon",
            ": empty-name",
            "x space: 1",
            "x-bare-lf: 1\nx-other: 2",
            "x-obs-text: \u00ff\u00fe",
            "host: second.example",
          ),
        }),
        fc.constant({ kind: "no-host" as const }),
        fc.constant({ kind: "garbage-after" as const }),
      );
      await fc.assert(
        fc.asyncProperty(framing, async (frame) => {
          await expectNothingWrittenBy(net, async () => {
            const route = { method: "POST", path: "/v1/ping" };
            const signature = signatureHeaders(
              net.hub.origin,
              { ...route, body },
              {
                keyId: net.payer.keyId,
                privateKey: net.payer.privateKey,
              },
            );
            const host = `host: 127.0.0.1:${net.hub.port}`;
            const lines = [
              "POST /v1/ping HTTP/1.1",
              host,
              "content-type: application/json",
              ...signature.map(([n, v]) => `${n}: ${v}`),
            ];
            let payload = body;
            let endAfterParts = false;
            switch (frame.kind) {
              case "length-longer-than-body":
                lines.push(`content-length: ${body.length + frame.extra}`);
                endAfterParts = true;
                break;
              case "length-shorter-than-body":
                lines.push(`content-length: ${body.length - frame.missing}`);
                break;
              case "bad-length":
                lines.push(`content-length: ${frame.value}`);
                break;
              case "two-lengths":
                lines.push(`content-length: ${body.length}`, `content-length: ${body.length + 1}`);
                break;
              case "length-and-chunked":
                lines.push(`content-length: ${body.length}`, "transfer-encoding: chunked");
                payload = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
                break;
              case "bad-chunk":
                lines.push("transfer-encoding: chunked");
                payload = frame.chunk;
                break;
              case "bad-transfer-encoding":
                lines.push(`transfer-encoding: ${frame.value}`);
                break;
              case "bad-request-line":
                lines[0] = frame.line;
                lines.push(`content-length: ${body.length}`);
                break;
              case "bad-header-line":
                lines.push(frame.line, `content-length: ${body.length}`);
                break;
              case "no-host":
                lines.splice(1, 1);
                lines.push(`content-length: ${body.length}`);
                break;
              case "garbage-after":
                lines.push(`content-length: ${body.length}`);
                payload = `${body}\u0000\u0001GARBAGE /\r\n\r\n`;
                break;
            }
            const request = Buffer.from(`${lines.join("\r\n")}\r\n\r\n${payload}`, "latin1");
            const exchange = await exchangeRaw(net.hub.port, [request], {
              endAfterParts,
              settleMs: 500,
            });
            expectOnlyWellFormedAnswers(exchange);
          });
        }),
        fuzzParameters(40),
      );
    },
    fuzzTimeoutMs,
  );

  it("still answers correctly signed requests after all of that", async () => {
    const net = network();
    const id = net.freshTransferId();
    const body = JSON.stringify({
      id,
      payee: net.payee.participantId,
      amount: "1.00",
      currency: "EUR",
    });
    const answers = await Promise.all([
      net.hub.send(signedRequest(net.hub.origin, net.payer, "POST", "/v1/transfers", body)),
      net.hub.send(signedRequest(net.hub.origin, net.payer, "GET", "/v1/accounts")),
      net.hub.send({ method: "GET", path: "/health", headers: [] }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 200, 200]);
  });
});
