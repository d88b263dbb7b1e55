import { readFileSync } from "node:fs";
import { bankInterfacePath, billerInterfacePath, walletInterfacePath } from "@clearhub/wire";
import type { FastifyDynamicSwaggerOptions } from "@fastify/swagger";
import { transferResultCodes } from "../domain/ledger/result-code.ts";
import {
  operatorSecurityScheme,
  operatorSecuritySchemeName,
  operatorSessionScheme,
  operatorSessionSchemeName,
} from "./operator-auth.ts";
import { problemContentType } from "./problem.ts";
import { transferEventWebhooks } from "./transfer-event-schema.ts";

export const openapiPath = "/openapi.json";
export const docsPath = "/docs";
/** The problem and result codes, on a page of their own so the operations come first. */
export const codesPath = `${docsPath}/codes`;

/** The document's version is the hub's, as its package says. */
const hubVersion: string = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
).version;

export function resultCodeTable(): string {
  const rows = Object.entries(transferResultCodes).map(
    ([code, entry]) => `| \`${code}\` | ${entry.transient ? "yes" : "no"} | ${entry.meaning} |`,
  );
  return ["| code | transient | meaning |", "| --- | --- | --- |", ...rows].join("\n");
}

export const participantSecuritySchemeName = "participantSignature";

const participantSignatureDescription = `Every \`/v1\` request carries an HTTP Message Signature
(RFC 9421) made with an Ed25519 key the operator registered for the participant; the hub issues
each key's \`keyid\`. The signature (label \`sig1\`, \`alg\` optional but \`ed25519\` if given)
must cover \`@method\`, \`@target-uri\` (or \`@authority\`, \`@path\` and \`@query\`) and
\`content-digest\`, a Content-Digest (RFC 9530) with a \`sha-256\` member over the body as sent
(over the empty body for a request without one). Its parameters must include \`created\` (within
5 minutes of the hub's clock), \`keyid\` and a \`nonce\` of 16-128 characters of A-Z a-z 0-9 _ -,
never used before with that key. A refused signature answers 401 with one of
\`signature_missing\`, \`signature_malformed\`, \`signature_components_insufficient\`,
\`signature_created_out_of_window\`, \`key_unknown\`, \`key_revoked\`, \`digest_mismatch\`,
\`signature_invalid\`, \`nonce_replayed\`, \`key_owner_terminated\`; a participant whose kind may
not use the route answers 403 \`operation_not_permitted\` (a biller cannot initiate payments).`;

/** OpenAPI has no scheme type for message signatures: described as the header it travels in. */
export const participantSecurityScheme = {
  type: "apiKey",
  in: "header",
  name: "Signature",
  description: participantSignatureDescription,
} as const;

const description = `The clearhub APIs. Under \`/operator/v1\`, the operator's: participants, their
accounts and keys, and the clearing ledger, with a bearer token. Under \`/v1\`, the participants':
their transfers, accounts, webhooks and quick-pay agreements, every request signed with the
participant's key.

Amounts are decimal strings in the currency's major unit ("12.30") with an ISO 4217 currency code;
the hub stores integer minor units and never rounds through a binary float.

Banks implement the hub's **bank interface** (quick-pay agreements, debits, payouts, refunds
and status inquiries, signed both ways), whose own OpenAPI 3.1 document is at
[\`${bankInterfacePath}\`](${bankInterfacePath}).

Billers implement the hub's **biller interface** (bill inquiries, payment postings and their
status, bills pushed and reversals sent to the hub, signed both ways), whose own OpenAPI 3.1
document is at [\`${billerInterfacePath}\`](${billerInterfacePath}).

Wallets and prepaid card issuers implement the hub's **wallet interface** (authorising payments
by one-time payment code or prepaid card, their status, reversals and refunds, and the late
outcome of a pending payment sent to the hub, signed both ways), whose own OpenAPI 3.1 document
is at [\`${walletInterfacePath}\`](${walletInterfacePath}).

Every error is an RFC 9457 problem (\`${problemContentType}\`) with
\`type: urn:clearhub:problem:<code>\` and the same \`code\` as a field; every code, with its
status and meaning, and the ledger's result codes are listed on [their own page](${codesPath}).
Each request has an id, returned in the \`x-request-id\` header and written to the hub's log.
Participant requests are signed: see the \`${participantSecuritySchemeName}\` security scheme.
`;

export function openapiOptions(): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: "3.1.0",
      info: { title: "clearhub API", version: hubVersion, description },
      components: {
        securitySchemes: {
          [operatorSecuritySchemeName]: operatorSecurityScheme,
          [operatorSessionSchemeName]: operatorSessionScheme,
          [participantSecuritySchemeName]: participantSecurityScheme,
        },
      },
      // Either one: a token, or the console's session cookie.
      security: [{ [operatorSecuritySchemeName]: [] }, { [operatorSessionSchemeName]: [] }],
      webhooks: transferEventWebhooks(),
      tags: [
        { name: "participants", description: "Onboarding, status, currencies, caps and funds" },
        { name: "keys", description: "The Ed25519 keys participants sign their requests with" },
        { name: "transfers", description: "The clearing ledger" },
        {
          name: "webhooks",
          description:
            "Participants: their webhook endpoints. The operator: the outbox of deliveries. The hub's signing key",
        },
        { name: "audit", description: "The hash-chained log of every operator action" },
        {
          name: "network",
          description:
            "The operator's read views: positions at a glance, transfer search, bank operations, stuck operations and traces",
        },
        {
          name: "operators",
          description:
            "Operator accounts and roles, console sessions, and four-eyes approval of dangerous actions",
        },
        {
          name: "banks",
          description:
            "Banks' interface endpoints: the registry, the primary for new signings, migrations of agreements between endpoints, and health",
        },
        {
          name: "billers",
          description:
            "The biller registry: each biller's profile (category, customer parameters, bill fetch, amount exactness, capacity). Channels read it as the biller catalogue",
        },
        {
          name: "issuers",
          description:
            "Issuers of payment codes and prepaid cards (payment institutions): their wallet-interface endpoints, which authorise consumer-presented barcode payments",
        },
        {
          name: "fees",
          description:
            "Fee schedules: what the payer of each transaction type is charged, paid to the hub operator",
        },
        {
          name: "barcode limits",
          description:
            "PBOC barcode-payment risk levels: the daily limit per payer customer of each level, per currency",
        },
        {
          name: "barcode payments",
          description:
            "Payments at the point of sale: merchant-presented QR codes payers' apps scan, consumer-presented payment codes and prepaid cards acquirers read, their refunds and reversals",
        },
        {
          name: "merchants",
          description:
            "Barcode payments: acquirers' merchants, the directory payers look them up in, and the code-prefix routing table that sends a consumer-presented code or prepaid card number to its issuer",
        },
        { name: "operations", description: "Liveness and readiness probes" },
        { name: "connectivity", description: "Participants: test signing and keys" },
        { name: "accounts", description: "Participants: their own balances" },
        {
          name: "agreements",
          description:
            "Payment institutions: their customers' quick-pay agreements with banks, signed with a one-time password",
        },
        {
          name: "bank payments",
          description:
            "Payment institutions: debits through agreements, payouts and refunds, each settled with the bank and the ledger",
        },
        {
          name: "bank notices",
          description: "Banks: what they tell the hub unasked, signed with their participant key",
        },
        {
          name: "bills",
          description:
            "Channels: subscriptions to their users' bills, told by `bill.presented` webhook events when billers push them",
        },
        {
          name: "biller notices",
          description: "Billers: what they tell the hub unasked, signed with their participant key",
        },
        {
          name: "reconciliation",
          description:
            "Daily statements of each participant's business day (CSV, streamed), the match of its own record against them, and the breaks' resolution",
        },
      ],
    },
    // Shared schemas (the Problem) keep their own names in components.schemas.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) =>
        typeof json.$id === "string" ? json.$id : `def-${index}`,
    },
  };
}
