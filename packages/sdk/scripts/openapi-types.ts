import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

/** Where the generated types live; checked in, and tested against the hub's document. */
export const generatedTypesPath = new URL("../src/generated/openapi-types.ts", import.meta.url);

export const regenerateCommand = "npm run generate -w @clearhub/sdk";

const header = `/**
 * Generated from the hub's OpenAPI document (\`clearhub openapi\`) by openapi-typescript.
 * Do not edit: run \`${regenerateCommand}\` after changing the hub's API.
 */

`;

/**
 * The part of the document a participant uses: the signed \`/v1\` routes and the hub's key
 * set, with the webhooks and the shared schemas. The operator's routes are left out, so
 * the SDK's types change only when the participants' API does.
 */
function participantDocument(document: OpenAPI3): OpenAPI3 {
  const paths = Object.fromEntries(
    Object.entries(document.paths ?? {}).filter(
      ([path]) => path.startsWith("/v1/") || path.startsWith("/.well-known/"),
    ),
  );
  return { ...document, paths };
}

/** The TypeScript text of the participant part of the hub's OpenAPI document. */
export async function openapiTypesText(documentText: string): Promise<string> {
  const document = JSON.parse(documentText) as OpenAPI3;
  const ast = await openapiTS(participantDocument(document), { silent: true });
  return `${header}${astToString(ast)}`;
}
