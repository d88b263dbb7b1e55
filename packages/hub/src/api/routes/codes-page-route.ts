import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { transferResultCodes } from "../../domain/ledger/result-code.ts";
import { codesPath, docsPath } from "../openapi-document.ts";
import { problemCatalogue } from "../problem.ts";

const escapes: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
};

function escaped(text: string): string {
  return text.replace(/[&<>"]/g, (char) => escapes[char] ?? char);
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = (tag: string, row: readonly string[]) =>
    `<tr>${row.map((cell, index) => `<${tag}>${index === 0 && tag === "td" ? `<code>${escaped(cell)}</code>` : escaped(cell)}</${tag}>`).join("")}</tr>`;
  return `<table><thead>${cells("th", head)}</thead><tbody>${rows.map((row) => cells("td", row)).join("")}</tbody></table>`;
}

/** Built once: the catalogue and the result codes are fixed for the life of the process. */
function codesPage(): string {
  const problems = Object.entries(problemCatalogue).map(([code, kind]) => [
    code,
    String(kind.status),
    kind.title,
  ]);
  const results = Object.entries(transferResultCodes).map(([code, entry]) => [
    code,
    entry.transient ? "yes" : "no",
    entry.meaning,
  ]);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>clearhub: problem and result codes</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}</style>
</head><body>
<p><a href="${docsPath}">The API</a></p>
<h1>Problem codes</h1>
<p>Every refusal is an RFC 9457 problem whose <code>code</code> is one of these, with this status. Clients should expect codes added in later versions.</p>
${table(["code", "status", "meaning"], problems)}
<h1>Transfer result codes</h1>
<p>Each transfer of <code>POST /operator/v1/transfers</code> answers one of these, in this order of precedence. A transient result may change if the same request is retried unchanged later.</p>
${table(["code", "transient", "meaning"], results)}
</body></html>
`;
}

/** The code tables, kept out of the API description so that /docs opens on the operations. */
export const codesPageRoute: FastifyPluginAsyncTypebox = async (app) => {
  const page = codesPage();
  app.get(codesPath, { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(page),
  );
};
