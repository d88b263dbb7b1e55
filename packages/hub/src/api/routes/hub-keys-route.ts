import { hubKeysPath } from "@clearhub/wire";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { RouteOptions } from "./route-options.ts";

/** Receivers may cache the set this long; a changed key is picked up within it. */
const cacheMaxAgeSeconds = 300;

const HubKeySchema = Type.Object(
  {
    kty: Type.Literal("OKP"),
    crv: Type.Literal("Ed25519"),
    x: Type.String({ description: "The raw 32-byte public key, base64url without padding" }),
    kid: Type.String({
      description: "The RFC 7638 thumbprint of the key: the `keyid` of the hub's signatures",
    }),
    use: Type.Literal("sig"),
    alg: Type.Literal("EdDSA"),
  },
  { title: "HubKey" },
);

const KeySetSchema = Type.Object({ keys: Type.Array(HubKeySchema) }, { title: "HubKeySet" });

/**
 * The public half of the key the hub signs webhooks with, as a JWK Set (RFC 7517). No token:
 * receivers fetch it to verify, and a public key is no secret.
 */
export const hubKeysRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  const { keyId, publicJwk } = hub.hubPublicKey;
  const keySet = {
    keys: [{ ...publicJwk, kid: keyId, use: "sig" as const, alg: "EdDSA" as const }],
  };
  app.get(
    hubKeysPath,
    {
      schema: {
        summary: "The public keys the hub signs webhooks and calls to banks with",
        description:
          "A JWK Set. Find the key whose `kid` is the `keyid` of a webhook's or a bank call's Signature-Input and verify the signature (RFC 9421, Ed25519) with it.",
        tags: ["webhooks"],
        security: [],
        response: { 200: KeySetSchema },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", `public, max-age=${cacheMaxAgeSeconds}`);
      return keySet;
    },
  );
};
