import { hubKeysPath } from "../hub-keys-path.ts";
import {
  type InterfacePeer,
  interfaceDocument,
  type JsonObject,
  markdownTable,
  refusalResponses,
} from "../interface-document-parts.ts";
import {
  codePaymentDeclineReasons,
  walletRefundDeclineReasons,
} from "./code-payment-decline-reason.ts";
import {
  walletCommonRefusals,
  walletNoticeOperations,
  walletOperations,
} from "./wallet-interface-operations.ts";
import {
  cardNumberDigitsMax,
  cardNumberDigitsMin,
  paymentCodeDigitsMax,
  paymentCodeDigitsMin,
} from "./wallet-message-fields.ts";
import { type WalletRefusalCode, walletRefusalCodes } from "./wallet-refusal-code.ts";
import { WalletRefusal } from "./wallet-refusal-message.ts";
import { hubToWalletSignedComponents } from "./wallet-signature-profile.ts";

/** Where the hub serves this document, and the version issuers implement. */
export const walletInterfacePath = "/wallet-interface/openapi.json";
export const walletInterfaceVersion = "1.0.0";

function refusalTable(): string {
  const rows = Object.entries(walletRefusalCodes).map(
    ([code, entry]) => `| \`${code}\` | ${entry.status} | ${entry.meaning} |`,
  );
  return markdownTable("| code | status | meaning |", rows);
}

function reasonTable(reasons: Readonly<Record<string, { meaning: string }>>): string {
  const rows = Object.entries(reasons).map(([code, entry]) => `| \`${code}\` | ${entry.meaning} |`);
  return markdownTable("| reason | meaning |", rows);
}

const signedComponentList = hubToWalletSignedComponents.map((c) => `\`${c}\``).join(", ");

const description = `The interface between clearhub and an issuer: a wallet or a prepaid card
issuer, the institution that holds the payer's money when a customer pays at a merchant by
showing a one-time payment code in the issuer's app, or by presenting a prepaid card at a
point-of-sale terminal. The merchant's acquirer sends the payment to the hub; the hub routes it
to the issuer, which authorises and charges it; the hub clears issuer → acquirer and answers the
acquirer.

The **issuer implements** the calls under \`/code-payments\`, \`/code-payment-inquiries\`,
\`/code-payment-reversals\`, \`/refunds\` and \`/refund-inquiries\`, relative to the endpoint
URL the hub operator registers for it. The **hub serves** the notice under
\`/v1/wallet-notices\`, which the issuer sends to it. Every body is JSON (\`application/json\`,
UTF-8). Amounts are decimal strings in the currency's major unit (\`"12.30"\` CNY, \`"1200"\` JPY)
with an ISO 4217 currency; never a JSON number. Members not defined here are ignored by the
receiver.

## Prefix routing

The hub operator assigns each issuer ranges of number prefixes, like the routing table wallets
publish for their payment codes and like card BINs. A payment code (${paymentCodeDigitsMin} to
${paymentCodeDigitsMax} digits) or prepaid card number (${cardNumberDigitsMin} to
${cardNumberDigitsMax} digits) is routed to the issuer holding the longest prefix that matches it;
a number no prefix matches is refused by the hub before any issuer is asked. An issuer therefore
sees only numbers of its own prefixes; one it does not know is declined \`code_unknown\`.

## One-time payment codes

The issuer's app shows the customer a numeric code, under a barcode and a QR code, that is
valid for about a minute and pays **once**. It stands for the customer's account, not for an
amount: the merchant keys in the amount. The issuer resolves the code to the customer, checks the
code's time and use, the customer's status, balance and own limits, charges the customer and
answers \`approved\` with:

- \`customerRef\`: the issuer's opaque reference of the customer, the same for every payment of
  the customer (never the code, which changes every minute): the hub sums the customer's
  payments of the day under it for the daily limit of the verification level;
- \`verificationLevel\`: the factors the customer used (PBOC barcode rules): **A** two or more,
  including a digital certificate or electronic signature; **B** two or more; **C** fewer than
  two; **D** any static code. The hub refuses a payment over the level's daily limit.

A code once used is used, whatever the payment's outcome: a repeat of the same payment (same
\`paymentId\`) is answered from the issuer's books, never as a new use. A prepaid card number is
static; the issuer checks the card's status and balance in the same way.

## Signatures, both ways

**The hub signs every request** with HTTP Message Signatures (RFC 9421) using Ed25519, label
\`sig1\`, covering ${signedComponentList} (a Content-Digest, RFC 9530, with a \`sha-256\`
member), with the parameters \`created\`, \`keyid\` and \`nonce\`. The hub's public keys are
published, without credentials, at \`GET {hub}${hubKeysPath}\` as a JWK Set; a key's \`kid\` is its
RFC 7638 thumbprint and equals the signature's \`keyid\`. Cache the set for its \`max-age\` and
fetch it again when a \`keyid\` is unknown. The issuer must refuse (401, a code below) a request
whose digest does not match its body, whose signature does not verify, whose \`created\` is more
than 5 minutes from its clock, or whose nonce it has seen within that window, and act on nothing
in it.

**The issuer signs every answer** (2xx, 4xx and 503 alike) with its own Ed25519 key, the one
the hub operator registered for it as a participant (its \`keyid\` is the one the hub issued).
The answer's signature (RFC 9421 §2.4) covers at least \`@status\`, \`content-digest\` and the
request's own \`signature-input\` with the \`req\` flag, which binds the answer to the one request
it answers; \`"@method";req\` and \`"@target-uri";req\` are recommended too. Parameters:
\`created\`, \`keyid\`, \`nonce\`. An answer without such a signature, or whose signature does not
verify, counts as no answer at all.

**The issuer signs its notices** to the hub like every participant request to the hub's API:
its key, \`@method\`, \`@target-uri\`, \`content-digest\`, \`created\`, \`keyid\` and a fresh
\`nonce\`.

## Idempotency

Every payment carries the hub's \`paymentId\` and every refund its \`refundId\`, and the issuer
keeps each as the idempotency key, for at least as long as the hub may inquire (90 days):

- the same id with the same content answers the same payment's (refund's) outcome as it now
  stands, and never charges (credits) the customer a second time, however often and however
  concurrently it is sent;
- the same id with different content is refused with 409 \`idempotency_key_reused\` and changes
  nothing;
- an inquiry about an id the issuer never received closes it (see \`/code-payment-inquiries\`
  and \`/refund-inquiries\`), and so does a reversal;
- a reversal is idempotent by its \`paymentId\`: sent again it answers the same \`reversed\`.

The hub sends a payment at least once: after a timeout or a broken connection it inquires, and
sends again under the same id while the issuer is down. When the acquirer gave up on a payment
whose outcome it never learnt, the hub reverses it. Notices carry a \`noticeId\` the hub
deduplicates on, so an issuer may send a notice again until it sees a 2xx.

## Outcomes of a payment

| answer | meaning | what the hub does |
| --- | --- | --- |
| 200, \`approved\` | the customer is charged; the authorisation code proves it | clears issuer → acquirer and answers the acquirer |
| 200, \`declined\` | nothing charged, and nothing will be under this id | declines the payment to the acquirer |
| 200, \`pending\` | taken; the customer confirms in the app, or the issuer decides later | waits for the issuer's notice, and inquires |
| 200, \`reversed\` | the hub reversed the payment; the customer is not charged | nothing more: the reversal is done |
| 4xx, 503 \`wallet_busy\` (refusal) | the issuer did not act and recorded nothing | corrects the request or waits, and sends it again under the same id |
| anything else | unknown: a 5xx, a timeout, a broken connection, an answer that is invalid or not signed | inquires until the answer is final |

The hub never guesses an outcome; the issuer must answer an inquiry for every id it has seen.

## Refusal codes

${refusalTable()}

## Decline reasons of a payment

A declined payment carries one of these as \`reasonCode\`, and the issuer's own words in
\`reasonText\`. An issuer maps its internal codes onto this set.

${reasonTable(codePaymentDeclineReasons)}

## Decline reasons of a refund

${reasonTable(walletRefundDeclineReasons)}
`;

const walletPeer: InterfacePeer = { noun: "issuer", signatureScheme: "issuerSignature" };

function refusalsOf(refusals: readonly WalletRefusalCode[]): JsonObject {
  const codes = [...walletCommonRefusals, ...refusals];
  return refusalResponses(codes, (code) => walletRefusalCodes[code].status, WalletRefusal);
}

/** The OpenAPI 3.1 document of the wallet interface, built from the schemas the code uses. */
export function walletInterfaceDocument(): JsonObject {
  return interfaceDocument({
    title: "clearhub wallet interface",
    version: walletInterfaceVersion,
    description,
    peer: walletPeer,
    peerServer: {
      url: "{issuerEndpoint}",
      description: "An issuer endpoint: the URL the hub operator registered for it",
      variables: { issuerEndpoint: { default: "https://wallet.example/clearhub" } },
    },
    tags: [
      { name: "payments", description: "The issuer: code and card payments and their status" },
      { name: "refunds", description: "The issuer: refunds of approved payments" },
      { name: "notices", description: "The hub: what an issuer tells it unasked" },
    ],
    operations: walletOperations,
    refusalsOf,
    notices: walletNoticeOperations,
    refusal: WalletRefusal,
    hubSignedComponentList: signedComponentList,
  });
}
