import type { FastifyDynamicSwaggerOptions } from "@fastify/swagger";
import { transferResultCodes } from "../domain/ledger/result-code.ts";
import { operatorSecurityScheme, operatorSecuritySchemeName } from "./operator-auth.ts";
import { problemCatalogue, problemContentType } from "./problem.ts";

export const openapiPath = "/openapi.json";
export const docsPath = "/docs";

function problemTable(): string {
  const rows = Object.entries(problemCatalogue).map(
    ([code, kind]) => `| \`${code}\` | ${kind.status} | ${kind.title} |`,
  );
  return ["| code | status | meaning |", "| --- | --- | --- |", ...rows].join("\n");
}

export function resultCodeTable(): string {
  const rows = Object.entries(transferResultCodes).map(
    ([code, entry]) => `| \`${code}\` | ${entry.transient ? "yes" : "no"} | ${entry.meaning} |`,
  );
  return ["| code | transient | meaning |", "| --- | --- | --- |", ...rows].join("\n");
}

const description = `The clearhub operator API: participants, their accounts and the clearing ledger.

Amounts are decimal strings in the currency's major unit ("12.30") with an ISO 4217 currency code;
the hub stores integer minor units and never rounds through a binary float.

Every error is an RFC 9457 problem (\`${problemContentType}\`) with
\`type: urn:clearhub:problem:<code>\` and the same \`code\` as a field. Each request has an id,
returned in the \`x-request-id\` header and written to the hub's log.

## Participant keys

Participants sign their requests with HTTP Message Signatures (RFC 9421) using Ed25519 keys
registered here; the hub issues each key's \`keyid\`. Each signature carries \`created\`,
\`keyid\` and \`nonce\`; a nonce is accepted once per key. Refused signatures answer the
\`signature_*\`, \`key_unknown\`, \`key_revoked\`, \`digest_mismatch\` and \`nonce_replayed\`
problems below.

## Problem codes

${problemTable()}

## Transfer result codes

Each transfer of \`POST /operator/v1/transfers\` answers one of these, in this order of precedence.
A transient result may change if the same request is retried unchanged later.

${resultCodeTable()}
`;

export function openapiOptions(): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: "3.1.0",
      info: { title: "clearhub operator API", version: "1.0.0", description },
      components: { securitySchemes: { [operatorSecuritySchemeName]: operatorSecurityScheme } },
      security: [{ [operatorSecuritySchemeName]: [] }],
      tags: [
        { name: "participants", description: "Onboarding, status, currencies, caps and funds" },
        { name: "keys", description: "The Ed25519 keys participants sign their requests with" },
        { name: "transfers", description: "The clearing ledger" },
        { name: "operations", description: "Liveness and readiness probes" },
      ],
    },
    // Shared schemas (the Problem) keep their own names in components.schemas.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) =>
        typeof json.$id === "string" ? json.$id : `def-${index}`,
    },
  };
}
