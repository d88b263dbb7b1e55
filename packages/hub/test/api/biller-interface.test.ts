/**
 * The biller interface's OpenAPI document: the checks of every interface document
 * (interface-document-checks.ts), and what is the biller interface's own: every refusal code and
 * rejection reason described, its busy code, idempotency by posting id.
 */
import {
  billerInterfaceDocument,
  billerInterfacePath,
  billerOperations,
  billerRefusalCodeNames,
  postingRejectionReasonNames,
} from "@clearhub/wire";
import { describe, expect, it } from "vitest";
import { checkInterfaceDocument, type InterfaceDocument } from "./interface-document-checks.ts";

describe("the biller interface document", () => {
  const document = billerInterfaceDocument() as unknown as InterfaceDocument;

  checkInterfaceDocument({
    peer: "biller",
    document: billerInterfaceDocument,
    path: billerInterfacePath,
    cliCommand: "biller-interface-spec",
    expectedOperations: [
      "POST /bill-inquiries inquireBills",
      "POST /postings post",
      "POST /posting-inquiries inquirePosting",
      "POST /v1/biller-notices/bills billNotice",
      "POST /v1/biller-notices/reversals reversalNotice",
    ],
    peerOperationNames: Object.keys(billerOperations),
    peerSignature: "billerSignature",
  });

  it("answers each biller call signed, a refusal included, busy with its own code", () => {
    const posting = document.paths["/postings"]?.post.responses ?? {};
    expect(Object.keys(posting).sort()).toEqual(["200", "400", "401", "409", "503"]);
    expect(posting["409"]?.description).toContain("`idempotency_key_reused`");
    expect(posting["503"]?.description).toContain("`biller_busy`");
    for (const answer of Object.values(posting)) expect(answer.headers).toHaveProperty("Signature");
    const inquiry = document.paths["/bill-inquiries"]?.post.responses ?? {};
    expect(inquiry["422"]?.description).toContain("`customer_not_found`");
  });

  it("describes every refusal code and rejection reason, and idempotency by posting id", () => {
    for (const code of [...billerRefusalCodeNames, ...postingRejectionReasonNames]) {
      expect(document.info.description).toContain(`\`${code}\``);
    }
    expect(document.info.description).toContain("idempotency key");
    expect(document.components.schemas.PostingAnswer).toBeDefined();
    expect(document.components.schemas.Bill).toBeDefined();
  });
});
