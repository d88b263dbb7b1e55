/**
 * A man in the middle between the hub and a bank: it forwards each request and its answer,
 * changing either on the way if the test says so, or answering itself as a broken load
 * balancer would. The Host header is kept, so both ends sign and verify the proxy's URL.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { request } from "undici";

export interface ProxyAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface TamperingProxy {
  readonly url: string;
  /** Changes each request body before forwarding it. */
  tamperRequests(change: ((body: string) => string) | undefined): void;
  /** Changes each answer before returning it. */
  tamperAnswers(change: ((answer: ProxyAnswer) => ProxyAnswer) | undefined): void;
  close(): Promise<void>;
}

function forwardable(headers: IncomingHttpHeaders): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === "content-length" || name === "connection") continue;
    copy[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return copy;
}

export async function startTamperingProxy(targetOrigin: string): Promise<TamperingProxy> {
  let requestChange: ((body: string) => string) | undefined;
  let answerChange: ((answer: ProxyAnswer) => ProxyAnswer) | undefined;
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", async () => {
      const body = Buffer.concat(chunks).toString();
      const forwarded = await request(`${targetOrigin}${incoming.url}`, {
        method: "POST",
        headers: forwardable(incoming.headers),
        body: requestChange === undefined ? body : requestChange(body),
      });
      const received: ProxyAnswer = {
        status: forwarded.statusCode,
        headers: forwardable(forwarded.headers),
        body: await forwarded.body.text(),
      };
      const answer = answerChange === undefined ? received : answerChange(received);
      outgoing.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tamperRequests(change) {
      requestChange = change;
    },
    tamperAnswers(change) {
      answerChange = change;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
