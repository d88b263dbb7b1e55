/**
 * The wallet interface's OpenAPI document: the checks of every interface document
 * (interface-document-checks.ts), and what is the wallet interface's own: every refusal code and
 * decline reason described, its busy code, prefix routing and one-time codes explained.
 */
import {
  codePaymentDeclineReasonNames,
  walletInterfaceDocument,
  walletInterfacePath,
  walletOperations,
  walletRefundDeclineReasonNames,
  walletRefusalCodeNames,
} from "@clearhub/wire";
import { describe, expect, it } from "vitest";
import { checkInterfaceDocument, type InterfaceDocument } from "./interface-document-checks.ts";

describe("the wallet interface document", () => {
  const document = walletInterfaceDocument() as unknown as InterfaceDocument;

  checkInterfaceDocument({
    peer: "issuer",
    document: walletInterfaceDocument,
    path: walletInterfacePath,
    cliCommand: "wallet-interface-spec",
    expectedOperations: [
      "POST /code-payments authorizeCodePayment",
      "POST /code-payment-inquiries inquireCodePayment",
      "POST /code-payment-reversals reverseCodePayment",
      "POST /refunds refund",
      "POST /refund-inquiries inquireRefund",
      "POST /v1/wallet-notices/code-payment-outcomes codePaymentOutcomeNotice",
    ],
    peerOperationNames: Object.keys(walletOperations),
    peerSignature: "issuerSignature",
  });

  it("answers each issuer call signed, a refusal included, busy with its own code", () => {
    const payment = document.paths["/code-payments"]?.post.responses ?? {};
    expect(Object.keys(payment).sort()).toEqual(["200", "400", "401", "409", "503"]);
    expect(payment["409"]?.description).toContain("`idempotency_key_reused`");
    expect(payment["503"]?.description).toContain("`wallet_busy`");
    for (const answer of Object.values(payment)) expect(answer.headers).toHaveProperty("Signature");
    const refund = document.paths["/refunds"]?.post.responses ?? {};
    expect(refund["422"]?.description).toContain("`payment_mismatch`");
    const inquiry = document.paths["/code-payment-inquiries"]?.post.responses ?? {};
    expect(Object.keys(inquiry).sort()).toEqual(["200", "400", "401", "503"]);
  });

  it("describes every refusal code and decline reason, idempotency and prefix routing", () => {
    const codes = [
      ...walletRefusalCodeNames,
      ...codePaymentDeclineReasonNames,
      ...walletRefundDeclineReasonNames,
    ];
    for (const code of codes) expect(document.info.description).toContain(`\`${code}\``);
    expect(document.info.description).toContain("idempotency key");
    expect(document.info.description).toContain("## Prefix routing");
    expect(document.info.description).toContain("## One-time payment codes");
    for (const title of ["CodePaymentAnswer", "WalletRefundAnswer", "CodePaymentOutcomeNotice"]) {
      expect(document.components.schemas[title], title).toBeDefined();
    }
  });
});
