import type { KeyObject } from "node:crypto";
import {
  type ResponseComponent,
  responseSignedComponentsDefault,
  signResponse,
} from "@clearhub/http-signatures";
import type { FastifyReply, FastifyRequest } from "fastify";
import { requestUrl } from "./request-origin.ts";

/**
 * The simulated party's key (a bank's, a biller's): the hub operator registers its public half
 * and issues the keyid.
 */
export interface SimulatorSigningKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

/** Without the request's Signature-Input there is nothing to bind to but its method and target. */
const unboundComponents = responseSignedComponentsDefault.filter(
  (component) => component.name !== "signature-input",
);

/**
 * Answers a request of the hub as every interface the hub publishes requires: JSON, signed by
 * the simulated party (RFC 9421 §2.4) and bound to the request answered, whatever the status.
 */
export class AnswerSigner {
  constructor(
    private readonly key: SimulatorSigningKey,
    private readonly publicOrigin: string | undefined,
  ) {}

  send(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    body: unknown,
    extraHeaders: Record<string, string> = {},
  ): FastifyReply {
    const payload = JSON.stringify(body);
    const headers = { "content-type": "application/json", ...extraHeaders };
    const components: readonly ResponseComponent[] =
      request.headers["signature-input"] === undefined
        ? unboundComponents
        : responseSignedComponentsDefault;
    const signature = signResponse(
      { status, headers, body: payload },
      {
        method: request.method,
        url: requestUrl(request, this.publicOrigin),
        headers: request.headers,
      },
      { keyId: this.key.keyId, privateKey: this.key.privateKey, components },
    );
    return reply
      .code(status)
      .headers({ ...headers, ...signature })
      .send(payload);
  }
}
