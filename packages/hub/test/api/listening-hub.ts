/**
 * A hub behind a real HTTP listener on 127.0.0.1, for tests whose subject is the transport:
 * what the server does with bytes on a socket, which light-my-request never puts there.
 * Requests go through undici; `exchangeRaw` writes bytes no HTTP client would send.
 */
import { connect } from "node:net";
import { type SignOptions, signRequest } from "@clearhub/http-signatures";
import { Agent, request } from "undici";
import type { ServerLoggerOptions } from "../../src/api/server.ts";
import type { Backend } from "../support/backends.ts";
import type { TestHubOptions } from "../support/test-hub.ts";
import { openApiHarness } from "./api-harness.ts";

/** Headers as undici sends them: a name may repeat, values are sent as given. */
export type HeaderList = readonly (readonly [string, string])[];

export interface HttpRequest {
  readonly method: string;
  /** Path and query, sent as given. */
  readonly path: string;
  readonly headers: HeaderList;
  readonly body?: Uint8Array | string | undefined;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface ListeningHub extends Awaited<ReturnType<typeof openApiHarness>> {
  /** http://127.0.0.1:<port>, as a signer names the target. */
  readonly origin: string;
  readonly port: number;
  /** Error lines the server logged, so a failure can show what went wrong inside. */
  readonly errorLog: readonly string[];
  send(request: HttpRequest): Promise<HttpAnswer>;
}

/** Opens a hub on a fresh store and listens on an ephemeral port of the loopback interface. */
export async function openListeningHub(
  backend: Backend,
  hubOptions: TestHubOptions = {},
): Promise<ListeningHub> {
  const errorLog: string[] = [];
  const logger: ServerLoggerOptions = {
    level: "error",
    stream: { write: (line) => errorLog.push(line) },
  };
  const harness = await openApiHarness(backend, { logger }, hubOptions);
  const dispatcher = new Agent({ connections: 4, keepAliveTimeout: 1_000 });
  try {
    await harness.app.listen({ host: "127.0.0.1", port: 0 });
  } catch (error) {
    await harness.dispose();
    throw error;
  }
  const address = harness.app.server.address();
  if (address === null || typeof address === "string") throw new Error("not listening on TCP");
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    ...harness,
    origin,
    port: address.port,
    errorLog,
    send: async ({ method, path, headers, body }) => {
      const answer = await request(`${origin}${path}`, {
        method: method as "GET",
        headers: headers.flat(),
        body,
        dispatcher,
      });
      return {
        status: answer.statusCode,
        headers: answer.headers,
        body: await answer.body.text(),
      };
    },
    async dispose() {
      await dispatcher.close();
      await harness.dispose();
    },
  };
}

/** Signature headers for a request to `origin`, as a participant's client computes them. */
export function signatureHeaders(
  origin: string,
  request: { method: string; path: string; body?: Uint8Array | string | undefined },
  sign: SignOptions,
): HeaderList {
  const signed = signRequest(
    { method: request.method, url: `${origin}${request.path}`, headers: {}, body: request.body },
    sign,
  );
  return Object.entries(signed);
}

export interface RawExchange {
  /** Everything the server wrote, as latin1 text. */
  readonly text: string;
  /** The status of the first answer, if one arrived. */
  readonly status: number | undefined;
  /** Bytes written before the first byte of an answer arrived. */
  readonly bytesSentBeforeAnswer: number;
  readonly bytesSent: number;
  /** Whether the server closed (or reset) the connection. */
  readonly closedByServer: boolean;
}

export interface RawExchangeOptions {
  /** Pause between parts, so that an early answer is seen before the rest is written. */
  readonly pauseMs?: number;
  /** How long to wait for an answer after the last part. */
  readonly settleMs?: number;
  /** How long to wait, once an answer is complete, for the server to close the connection. */
  readonly closeGraceMs?: number;
  /** Half-close the connection once every part is written. */
  readonly endAfterParts?: boolean;
}

/**
 * Writes `parts` to a fresh connection one by one, stops writing once the server answers or
 * closes, and reports what came back. For what undici refuses to send: lengths that lie,
 * malformed framing, header bytes outside what a client library allows.
 */
export function exchangeRaw(
  port: number,
  parts: readonly (Uint8Array | string)[],
  options: RawExchangeOptions = {},
): Promise<RawExchange> {
  const { pauseMs = 0, settleMs = 1_000, closeGraceMs = 100, endAfterParts = false } = options;
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const received: Buffer[] = [];
    let bytesSent = 0;
    let bytesSentBeforeAnswer: number | undefined;
    let closedByServer = false;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      const text = Buffer.concat(received).toString("latin1");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      resolve({
        text,
        status: status === undefined ? undefined : Number(status),
        bytesSentBeforeAnswer: bytesSentBeforeAnswer ?? bytesSent,
        bytesSent,
        closedByServer,
      });
    };
    socket.on("data", (chunk) => {
      bytesSentBeforeAnswer ??= bytesSent;
      received.push(chunk);
      if (isComplete(Buffer.concat(received))) setTimeout(finish, closeGraceMs);
    });
    // The server's FIN or reset: either way it will read nothing more.
    socket.on("end", () => {
      closedByServer = true;
    });
    socket.on("error", () => {
      closedByServer = true;
    });
    socket.on("close", () => {
      closedByServer = true;
      finish();
    });
    const write = (part: Uint8Array | string) =>
      new Promise<boolean>((written) => {
        socket.write(part, (error) => written(error === undefined || error === null));
      });
    socket.once("connect", async () => {
      for (const part of parts) {
        if (closedByServer || received.length > 0) break;
        if (!(await write(part))) break;
        bytesSent += Buffer.byteLength(part);
        if (pauseMs > 0) await new Promise((resume) => setTimeout(resume, pauseMs));
      }
      if (endAfterParts && !closedByServer) socket.end();
      setTimeout(finish, settleMs);
    });
  });
}

/** Whether `bytes` hold a whole answer: its head and as many body bytes as it declares. */
function isComplete(bytes: Buffer): boolean {
  const headEnd = bytes.indexOf("\r\n\r\n");
  if (headEnd < 0) return false;
  const length = /\r\ncontent-length: *(\d+)/i.exec(bytes.subarray(0, headEnd).toString("latin1"));
  return bytes.length >= headEnd + 4 + Number(length?.[1] ?? 0);
}

/** The request line and header block of an HTTP/1.1 request, for `exchangeRaw`. */
export function requestHead(
  method: string,
  path: string,
  host: string,
  headers: HeaderList,
): string {
  const lines = [`${method} ${path} HTTP/1.1`, `host: ${host}`];
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  return `${lines.join("\r\n")}\r\n\r\n`;
}
