/**
 * A tiny HTTP proxy in front of the hub that misbehaves on cue, to prove what the SDK does
 * when an answer is refused, late or lost. It keeps the Host header, so the hub sees the URL
 * the SDK signed, and records every request it was sent.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

export type ProxyAction =
  /** Pass the request on and the answer back. */
  | { readonly kind: "forward"; readonly delayAnswerMs?: number }
  /** Pass the request on, let the hub apply it, then cut the connection: the answer is lost. */
  | { readonly kind: "drop-after-forward" }
  /** Answer this without passing the request on. */
  | {
      readonly kind: "answer";
      readonly status: number;
      readonly headers?: Record<string, string>;
      readonly body?: string;
    };

export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly action: ProxyAction["kind"];
}

export interface FaultyProxy {
  readonly baseUrl: string;
  readonly requests: ProxiedRequest[];
  /** The actions for the next requests, in order; once they are used up, requests pass. */
  plan(...actions: ProxyAction[]): void;
  /** Forgets the requests seen and the actions not yet used. */
  reset(): void;
  close(): Promise<void>;
}

export function problemAnswer(
  status: number,
  code: string,
  headers: Record<string, string> = {},
): ProxyAction {
  const body = JSON.stringify({ type: `urn:clearhub:problem:${code}`, title: code, status, code });
  return {
    kind: "answer",
    status,
    headers: { "content-type": "application/problem+json", ...headers },
    body,
  };
}

interface UpstreamAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function forward(
  target: URL,
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<UpstreamAnswer> {
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method, path, headers },
      (answer) => {
        readAll(answer).then(
          (bytes) =>
            resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: bytes }),
          reject,
        );
      },
    );
    upstream.on("error", reject);
    upstream.end(body);
  });
}

export async function startFaultyProxy(targetBaseUrl: string): Promise<FaultyProxy> {
  const target = new URL(targetBaseUrl);
  const requests: ProxiedRequest[] = [];
  const planned: ProxyAction[] = [];
  const server = createServer(async (request, response) => {
    const body = await readAll(request);
    const action = planned.shift() ?? { kind: "forward" };
    const method = request.method ?? "GET";
    const path = request.url ?? "/";
    requests.push({
      method,
      path,
      headers: request.headers,
      body: body.toString("utf8"),
      action: action.kind,
    });
    if (action.kind === "answer") {
      response.writeHead(action.status, action.headers).end(action.body);
      return;
    }
    const answer = await forward(target, method, path, request.headers, body);
    if (action.kind === "drop-after-forward") {
      request.socket.destroy();
      return;
    }
    if (action.delayAnswerMs !== undefined) await sleep(action.delayAnswerMs);
    if (response.destroyed) return;
    response.writeHead(answer.status, answer.headers).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    plan: (...actions) => {
      planned.push(...actions);
    },
    reset: () => {
      requests.length = 0;
      planned.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
