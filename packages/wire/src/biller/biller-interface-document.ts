import { hubKeysPath } from "../hub-keys-path.ts";
import {
  type InterfacePeer,
  interfaceDocument,
  type JsonObject,
  markdownTable,
  refusalResponses,
} from "../interface-document-parts.ts";
import {
  billerCommonRefusals,
  billerNoticeOperations,
  billerOperations,
} from "./biller-interface-operations.ts";
import { reversalReasons } from "./biller-notice-messages.ts";
import { type BillerRefusalCode, billerRefusalCodes } from "./biller-refusal-code.ts";
import { BillerRefusal } from "./biller-refusal-message.ts";
import { hubToBillerSignedComponents } from "./biller-signature-profile.ts";
import { postingRejectionReasons } from "./posting-rejection-reason.ts";

/** Where the hub serves this document, and the version billers implement. */
export const billerInterfacePath = "/biller-interface/openapi.json";
export const billerInterfaceVersion = "1.0.0";

function refusalTable(): string {
  const rows = Object.entries(billerRefusalCodes).map(
    ([code, entry]) => `| \`${code}\` | ${entry.status} | ${entry.meaning} |`,
  );
  return markdownTable("| code | status | meaning |", rows);
}

function rejectionReasonTable(): string {
  const rows = Object.entries(postingRejectionReasons).map(
    ([code, entry]) => `| \`${code}\` | ${entry.meaning} |`,
  );
  return markdownTable("| reason | meaning |", rows);
}

const signedComponentList = hubToBillerSignedComponents.map((c) => `\`${c}\``).join(", ");

const description = `The interface between clearhub and a biller (a water, electricity, gas or
telecom company, a tax office): bill presentment by inquiry and by push, the posting of payments
the hub has cleared, the status inquiry that settles every doubtful posting, and reversals.

The **biller implements** the calls under \`/bill-inquiries\`, \`/postings\` and
\`/posting-inquiries\`, relative to the endpoint URL the hub operator registers for it. The **hub
serves** the two notices under \`/v1/biller-notices\`, which the biller sends to it. Every body is
JSON (\`application/json\`, UTF-8). Amounts are decimal strings in the currency's major unit
(\`"12.30"\` CNY, \`"1200"\` JPY) with an ISO 4217 currency; never a JSON number. Dates are
\`YYYY-MM-DD\`. Members not defined here are ignored by the receiver.

## Capacity

A biller declares its capacity to the hub operator (inquiries per second, calls at once, postings
per second). The hub never sends more, counted across all its nodes, whatever its channels do:
machine-scheduled inquiries are served from the hub's cache or on spare capacity only, and a share
of the capacity is kept for postings. A biller at its limit answers 503 \`biller_busy\` with a
\`Retry-After\` before reading the request; the hub then backs off.

## Signatures, both ways

**The hub signs every request** with HTTP Message Signatures (RFC 9421) using Ed25519, label
\`sig1\`, covering ${signedComponentList} (a Content-Digest, RFC 9530, with a \`sha-256\`
member), with the parameters \`created\`, \`keyid\` and \`nonce\`. The hub's public keys are
published, without credentials, at \`GET {hub}${hubKeysPath}\` as a JWK Set; a key's \`kid\` is its
RFC 7638 thumbprint and equals the signature's \`keyid\`. Cache the set for its \`max-age\` and
fetch it again when a \`keyid\` is unknown. The biller must refuse (401, a code below) a request
whose digest does not match its body, whose signature does not verify, whose \`created\` is more
than 5 minutes from its clock, or whose nonce it has seen within that window, and act on nothing
in it.

**The biller signs every answer** (2xx, 4xx and 503 alike) with its own Ed25519 key, the one the
hub operator registered for the biller as a participant (its \`keyid\` is the one the hub issued).
The answer's signature (RFC 9421 §2.4) covers at least \`@status\`, \`content-digest\` and the
request's own \`signature-input\` with the \`req\` flag, which binds the answer to the one request
it answers; \`"@method";req\` and \`"@target-uri";req\` are recommended too. Parameters:
\`created\`, \`keyid\`, \`nonce\`. An answer without such a signature, or whose signature does not
verify, counts as no answer at all.

**The biller signs its notices** to the hub like every participant request to the hub's API: its
key, \`@method\`, \`@target-uri\`, \`content-digest\`, \`created\`, \`keyid\` and a fresh \`nonce\`.

## Idempotency

Every posting carries the hub's \`postingId\`, and the biller keeps it as the idempotency key, for
at least as long as the hub may inquire (90 days):

- the same id with the same content answers the same posting's outcome as it now stands, and
  never credits the customer a second time, however often and however concurrently it is sent;
- the same id with different content (another customer, bill, amount or currency) is refused
  with 409 \`idempotency_key_reused\` and changes nothing;
- an inquiry about an id the biller never received closes it (see \`/posting-inquiries\`).

The hub posts a payment at least once: after a timeout or a broken connection it inquires, and
posts again under the same id while the biller is down. Notices carry a \`noticeId\` the hub
deduplicates on, so a biller may send a notice again until it sees a 2xx.

## Outcomes of a posting

| answer | meaning | what the hub does |
| --- | --- | --- |
| 200, \`accepted\` | the customer is credited; the receipt number proves it | tells the channel, shows the receipt |
| 200, \`rejected\` | nothing credited, and nothing will be under this id | clears the money back to the channel and tells it |
| 200, \`pending\` | taken; the biller decides later | inquires until the answer is final |
| 4xx, 503 \`biller_busy\` (refusal) | the biller did not act and recorded nothing | corrects the request or waits, and sends it again under the same id |
| anything else | unknown: a 5xx, a timeout, a broken connection, an answer that is invalid or not signed | inquires until the answer is final |

The hub never guesses an outcome; the biller must answer an inquiry for every id it has seen.

## Refusal codes

${refusalTable()}

## Posting rejection reasons

A rejected posting carries one of these as \`reasonCode\`, and the biller's own words in
\`reasonText\`. A biller maps its internal codes onto this set.

${rejectionReasonTable()}

## Reversal reasons

A reversal notice carries one of ${reversalReasons.map((r) => `\`${r}\``).join(", ")}.
`;

const billerPeer: InterfacePeer = { noun: "biller", signatureScheme: "billerSignature" };

function refusalsOf(refusals: readonly BillerRefusalCode[]): JsonObject {
  const codes = [...billerCommonRefusals, ...refusals];
  return refusalResponses(codes, (code) => billerRefusalCodes[code].status, BillerRefusal);
}

/** The OpenAPI 3.1 document of the biller interface, built from the schemas the code uses. */
export function billerInterfaceDocument(): JsonObject {
  return interfaceDocument({
    title: "clearhub biller interface",
    version: billerInterfaceVersion,
    description,
    peer: billerPeer,
    peerServer: {
      url: "{billerEndpoint}",
      description: "A biller endpoint: the URL the hub operator registered for it",
      variables: { billerEndpoint: { default: "https://biller.example/clearhub" } },
    },
    tags: [
      { name: "bills", description: "The biller: bills due, by inquiry" },
      { name: "postings", description: "The biller: postings of payments and their status" },
      { name: "notices", description: "The hub: what a biller tells it unasked" },
    ],
    operations: billerOperations,
    refusalsOf,
    notices: billerNoticeOperations,
    refusal: BillerRefusal,
    hubSignedComponentList: signedComponentList,
  });
}
