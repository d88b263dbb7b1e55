import {
  type BillerOperation,
  BillerRefusal,
  billerOperations,
  hubToBillerSignedComponents,
  registerStringFormats,
} from "@clearhub/wire";
import type { Static, TSchema } from "@sinclair/typebox";
import type {
  BillerCallOptions,
  BillerCallResult,
  BillerConnector,
  BillerEndpointAddress,
  BillerRefused,
  BillInquiry,
  BillsDue,
  PostingOutcome,
  PostingRequest,
} from "../../app/ports/biller-connector.ts";
import {
  type InterfaceProfile,
  matchesSchema,
  type SignedHttpCaller,
} from "../participant-call/signed-http-caller.ts";
import {
  decodeBillsDue,
  decodePostingOutcome,
  encodeBillInquiry,
  encodePosting,
  encodePostingInquiry,
} from "./biller-wire-codec.ts";

/**
 * The biller interface's terms for the signed caller: a 4xx, or a 503 saying `biller_busy`, is
 * the biller's signed refusal; any other 5xx decides nothing.
 */
export const billerInterfaceProfile: InterfaceProfile<BillerRefused> = {
  requestSignedComponents: hubToBillerSignedComponents,
  userAgent: "clearhub-biller-connector/1",
  isRefusalStatus: (statusCode) => (statusCode >= 400 && statusCode <= 499) || statusCode === 503,
  decodeRefusal(body, statusCode) {
    if (!matchesSchema(BillerRefusal, body)) return undefined;
    if ((body.code === "biller_busy") !== (statusCode === 503)) return undefined;
    return { kind: "refused", code: body.code, reason: body.reason, statusCode };
  },
};

/**
 * The biller interface over the hub's signed HTTP caller, as `HttpBankConnector` is the bank
 * interface's: each call a POST to the endpoint's URL and the operation's path, its answer
 * checked against the operation's schema and required to be about the request sent (see
 * biller-wire-codec.ts). Amounts cross as decimal strings and are bigint minor units inside.
 */
export class HttpBillerConnector implements BillerConnector {
  constructor(private readonly caller: SignedHttpCaller) {
    registerStringFormats();
  }

  inquireBills(
    endpoint: BillerEndpointAddress,
    inquiry: BillInquiry,
    options: BillerCallOptions,
  ): Promise<BillerCallResult<BillsDue>> {
    return this.call(
      endpoint,
      billerOperations.inquireBills,
      encodeBillInquiry(inquiry),
      options,
      (answer) => decodeBillsDue(answer, inquiry),
    );
  }

  post(
    endpoint: BillerEndpointAddress,
    posting: PostingRequest,
    options: BillerCallOptions,
  ): Promise<BillerCallResult<PostingOutcome>> {
    return this.call(endpoint, billerOperations.post, encodePosting(posting), options, (answer) =>
      decodePostingOutcome(answer, posting.postingId),
    );
  }

  inquirePosting(
    endpoint: BillerEndpointAddress,
    postingId: string,
    options: BillerCallOptions,
  ): Promise<BillerCallResult<PostingOutcome>> {
    return this.call(
      endpoint,
      billerOperations.inquirePosting,
      encodePostingInquiry(postingId),
      options,
      (answer) => decodePostingOutcome(answer, postingId),
    );
  }

  private call<Request extends TSchema, Answer extends TSchema, Result>(
    endpoint: BillerEndpointAddress,
    operation: BillerOperation<Request, Answer>,
    body: Static<Request>,
    options: BillerCallOptions,
    decode: (answer: Static<Answer>) => Result | undefined,
  ): Promise<BillerCallResult<Result>> {
    const address = {
      ownerId: endpoint.billerId,
      endpointId: endpoint.endpointId,
      url: endpoint.url,
    };
    return this.caller.post(
      billerInterfaceProfile,
      { endpoint: address, path: operation.path, body, answer: operation.answer, decode },
      options,
    );
  }
}
