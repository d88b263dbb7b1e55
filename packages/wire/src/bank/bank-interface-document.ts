import { hubKeysPath } from "../hub-keys-path.ts";
import {
  type InterfacePeer,
  interfaceDocument,
  type JsonObject,
  markdownTable,
  refusalResponses,
} from "../interface-document-parts.ts";
import { bankFailureReasons } from "./bank-failure-reasons.ts";
import {
  bankOperations,
  commonRefusals,
  hubNoticeOperations,
} from "./bank-interface-operations.ts";
import { type BankRefusalCode, bankRefusalCodes } from "./bank-refusal-codes.ts";
import { BankRefusal } from "./bank-refusal-message.ts";
import { hubRequestSignedComponents } from "./bank-signature-profile.ts";

/** Where the hub serves this document, and the version banks implement. */
export const bankInterfacePath = "/bank-interface/openapi.json";
export const bankInterfaceVersion = "1.0.0";

function refusalTable(): string {
  const rows = Object.entries(bankRefusalCodes).map(
    ([code, entry]) => `| \`${code}\` | ${entry.status} | ${entry.meaning} |`,
  );
  return markdownTable("| code | status | meaning |", rows);
}

function failureReasonTable(): string {
  const rows = Object.entries(bankFailureReasons).map(
    ([code, entry]) =>
      `| \`${code}\` | ${entry.retryWithNewId ? "yes" : "no"} | ${entry.meaning} |`,
  );
  return markdownTable("| reason | a new transaction may succeed | meaning |", rows);
}

const signedComponentList = hubRequestSignedComponents.map((c) => `\`${c}\``).join(", ");

const description = `The interface between clearhub and a bank, for the account payments of payment
institutions: quick-pay agreements signed with a one-time password, debits quoting an agreement,
payouts to accounts, refunds, and the status inquiry that settles every doubtful outcome.

The **bank implements** the calls under \`/agreements\`, \`/debits\`, \`/credits\`, \`/refunds\` and
\`/inquiries\`, relative to the endpoint URL the hub operator registers for it. The **hub serves**
the two notices under \`/v1/bank-notices\`, which the bank sends to it. Every body is JSON
(\`application/json\`, UTF-8). Amounts are decimal strings in the currency's major unit
(\`"12.30"\` CNY, \`"1200"\` JPY) with an ISO 4217 currency; never a JSON number. Members not
defined here are ignored by the receiver.

## Signatures, both ways

**The hub signs every request** with HTTP Message Signatures (RFC 9421) using Ed25519, label
\`sig1\`, covering ${signedComponentList} (a Content-Digest, RFC 9530, with a \`sha-256\`
member), with the parameters \`created\`, \`keyid\` and \`nonce\`. The hub's public keys are
published, without credentials, at \`GET {hub}${hubKeysPath}\` as a JWK Set; a key's \`kid\` is its
RFC 7638 thumbprint and equals the signature's \`keyid\`. Cache the set for its \`max-age\` and
fetch it again when a \`keyid\` is unknown. The bank must refuse (401, a code below) a request whose
digest does not match its body, whose signature does not verify, whose \`created\` is more than 5
minutes from its clock, or whose nonce it has seen within that window, and act on nothing in
it.

**The bank signs every answer** (2xx, 4xx and 503 alike) with its own Ed25519 key, the one the
hub operator registered for the bank as a participant (its \`keyid\` is the one the hub issued).
The answer's signature (RFC 9421 §2.4) covers at least \`@status\`, \`content-digest\` and the
request's own \`signature-input\` with the \`req\` flag, which binds the answer to the one request
it answers (that request's nonce is in it); \`"@method";req\` and \`"@target-uri";req\` are
recommended too. Parameters: \`created\`, \`keyid\`, \`nonce\`. An answer without such a signature,
or whose signature does not verify, counts as no answer at all.

**The bank signs its notices** to the hub like every participant request to the hub's API: its
key, \`@method\`, \`@target-uri\`, \`content-digest\`, \`created\`, \`keyid\` and a fresh \`nonce\`.

## Idempotency

Every money call carries the hub's \`transactionId\`, unique across every debit, credit and refund
the hub sends, and the bank keeps it as the idempotency key, for at least as long as the hub may
inquire (90 days):

- the same id with the same content answers the same transaction's outcome as it now stands, and
  never moves money a second time, however often and however concurrently it is sent;
- the same id with different content (another amount, account or operation) is refused with 409
  \`idempotency_key_reused\` and changes nothing;
- an inquiry about an id the bank never received closes it (see \`/inquiries\`).

The sign request's \`requestId\` is an idempotency key in the same way. Confirming and unsigning are
idempotent by their content.

## Outcomes

| answer | meaning | what the hub does |
| --- | --- | --- |
| 200, \`succeeded\` | the money moved | books it |
| 200, \`failed\` | no money moved, and none will under this id | fails the payment with the reason |
| 200, \`pending\` | accepted; the bank decides later | waits for the result notice, and inquires if none comes |
| 4xx, 503 \`bank_busy\` (refusal) | the bank did not act and recorded nothing | may correct the request and send it again under the same id |
| anything else | unknown: a 5xx, a timeout, a broken connection, an answer that is invalid or not signed | marks the transaction unknown and inquires until the answer is final |

The hub never guesses an outcome. The bank must therefore answer an inquiry for every id it has
seen, and must apply a request only as one whole (it never answers after half a debit).

## Refusal codes

${refusalTable()}

## Failure reasons

A failed transaction carries one of these as \`reasonCode\`, and the bank's own words in
\`reasonText\`. A bank maps its internal codes onto this set.

${failureReasonTable()}
`;

const bankPeer: InterfacePeer = { noun: "bank", signatureScheme: "bankSignature" };

function refusalsOf(refusals: readonly BankRefusalCode[]): JsonObject {
  const codes = [...commonRefusals, ...refusals];
  return refusalResponses(codes, (code) => bankRefusalCodes[code].status, BankRefusal);
}

/** The OpenAPI 3.1 document of the bank interface, built from the schemas the code uses. */
export function bankInterfaceDocument(): JsonObject {
  return interfaceDocument({
    title: "clearhub bank interface",
    version: bankInterfaceVersion,
    description,
    peer: bankPeer,
    peerServer: {
      url: "{bankEndpoint}",
      description: "A bank endpoint: the URL the hub operator registered for it",
      variables: { bankEndpoint: { default: "https://bank.example/clearhub" } },
    },
    tags: [
      { name: "agreements", description: "The bank: signing and unsigning quick-pay agreements" },
      { name: "transactions", description: "The bank: debits, credits, refunds and inquiries" },
      { name: "notices", description: "The hub: what a bank tells it unasked" },
    ],
    operations: bankOperations,
    refusalsOf,
    notices: hubNoticeOperations,
    refusal: BankRefusal,
    hubSignedComponentList: signedComponentList,
  });
}
