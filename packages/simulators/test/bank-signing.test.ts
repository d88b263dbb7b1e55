/** Signing and unsigning quick-pay agreements with the simulator, over HTTP, signed both ways. */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { alice, eventually, frozen, pi, useBank } from "./support/bank-fixture.ts";

function signRequestFor(account = alice, requestId = randomUUID()) {
  return {
    requestId,
    paymentInstitutionId: pi,
    customer: {
      name: account.holderName,
      accountNumber: account.accountNumber,
      idNumber: account.idNumber,
      mobile: account.mobile,
    },
  };
}

describe("signing an agreement", () => {
  const fixture = useBank();

  it("sends a password to the account's mobile and answers the agreement for it", async () => {
    const requested = await fixture.call("/agreements/sign-requests", signRequestFor());
    expect(requested).toMatchObject({ status: 200, signed: true });
    expect(requested.body).toMatchObject({ mobileMasked: "****0001" });
    const [message] = fixture.bank.inbox(alice.mobile);
    expect(message).toMatchObject({
      signRequestId: requested.body.signRequestId,
      paymentInstitutionId: pi,
    });
    expect(message?.otp).toMatch(/^[0-9]{6}$/);
    expect(message?.text).toContain(message?.otp);

    const confirmation = { signRequestId: requested.body.signRequestId, paymentInstitutionId: pi };
    const wrong = await fixture.call("/agreements/sign-confirmations", {
      ...confirmation,
      otp: "000000" === message?.otp ? "111111" : "000000",
    });
    expect(wrong).toMatchObject({ status: 422, signed: true, body: { code: "otp_invalid" } });
    const confirmed = await fixture.call("/agreements/sign-confirmations", {
      ...confirmation,
      otp: message?.otp,
    });
    expect(confirmed).toMatchObject({ status: 200, signed: true });
    expect(confirmed.body).toMatchObject({ accountNumberMasked: "****0001" });
    const again = await fixture.call("/agreements/sign-confirmations", {
      ...confirmation,
      otp: message?.otp,
    });
    expect(again.body).toEqual(confirmed.body);
    expect(fixture.bank.agreements()).toEqual([
      expect.objectContaining({
        agreementNumber: confirmed.body.agreementNumber,
        status: "signed",
        accountNumber: alice.accountNumber,
      }),
    ]);
  });

  it("answers a repeated sign request the same, without a second password", async () => {
    const request = signRequestFor();
    const first = await fixture.call("/agreements/sign-requests", request);
    const second = await fixture.call("/agreements/sign-requests", request);
    expect(second.body).toEqual(first.body);
    expect(fixture.bank.inbox(alice.mobile)).toHaveLength(1);
    const reused = await fixture.call("/agreements/sign-requests", {
      ...request,
      paymentInstitutionId: "wallet-gamma",
    });
    expect(reused).toMatchObject({ status: 409, body: { code: "idempotency_key_reused" } });
  });

  it("refuses details that do not match the account, and an account that is not open", async () => {
    const wrongMobile = {
      ...signRequestFor(),
      customer: { ...signRequestFor().customer, mobile: "+8613999999999" },
    };
    const mismatch = await fixture.call("/agreements/sign-requests", wrongMobile);
    expect(mismatch).toMatchObject({
      status: 422,
      signed: true,
      body: { code: "account_details_mismatch" },
    });
    const notOpen = await fixture.call("/agreements/sign-requests", signRequestFor(frozen));
    expect(notOpen).toMatchObject({ status: 422, body: { code: "account_not_eligible" } });
    expect(fixture.bank.inbox(wrongMobile.customer.mobile)).toEqual([]);
  });

  it("voids a sign request after three wrong passwords", async () => {
    const requested = await fixture.call("/agreements/sign-requests", signRequestFor());
    const otp = fixture.bank.latestOtp(alice.mobile) ?? "";
    const wrongOtp = otp === "999999" ? "999998" : "999999";
    const confirm = (value: string) =>
      fixture.call("/agreements/sign-confirmations", {
        signRequestId: requested.body.signRequestId,
        paymentInstitutionId: pi,
        otp: value,
      });
    const codes = [];
    for (const value of [wrongOtp, wrongOtp, wrongOtp, otp])
      codes.push((await confirm(value)).body.code);
    expect(codes).toEqual([
      "otp_invalid",
      "otp_invalid",
      "otp_attempts_exceeded",
      "otp_attempts_exceeded",
    ]);
    expect(fixture.bank.agreements()).toEqual([]);
  });

  it("ends an agreement at the hub's request, idempotently, and debits quoting it then fail", async () => {
    const agreementNumber = await fixture.signAgreement();
    const unsign = { agreementNumber, paymentInstitutionId: pi };
    const first = await fixture.call("/agreements/unsign", unsign);
    expect(first).toMatchObject({ status: 200, signed: true, body: { agreementNumber } });
    expect((await fixture.call("/agreements/unsign", unsign)).body).toEqual(first.body);
    const otherPi = await fixture.call("/agreements/unsign", {
      ...unsign,
      paymentInstitutionId: "wallet-gamma",
    });
    expect(otherPi).toMatchObject({ status: 422, body: { code: "agreement_unknown" } });
    const debit = await fixture.debit(agreementNumber, "1.00");
    expect(debit.body).toMatchObject({ status: "failed", reasonCode: "agreement_unsigned" });
  });

  it("ends an agreement on the bank's side and sends the hub a signed notice", async () => {
    const agreementNumber = await fixture.signAgreement();
    const notice = fixture.bank.unsignAgreement(agreementNumber, "account_closed");
    expect(notice).toMatchObject({
      agreementNumber,
      paymentInstitutionId: pi,
      reason: "account_closed",
    });
    const received = await eventually(
      () => fixture.hub.notices,
      (notices) => notices.length > 0,
    );
    expect(received).toEqual([
      expect.objectContaining({
        path: "/v1/bank-notices/unsigned",
        body: notice,
        verification: expect.objectContaining({ ok: true, keyId: fixture.bank.keyId }),
      }),
    ]);
    const sent = await eventually(
      () => fixture.bank.notices(),
      ([view]) => view?.status === "delivered",
    );
    expect(sent).toEqual([
      expect.objectContaining({ noticeId: notice?.noticeId, status: "delivered", attempts: 1 }),
    ]);
    expect(fixture.bank.unsignAgreement(agreementNumber)).toBeUndefined();
  });

  it("repeats a notice the hub did not take, with the same notice id", async () => {
    fixture.hub.answerNoticesWith(503);
    const agreementNumber = await fixture.signAgreement();
    const notice = fixture.bank.unsignAgreement(agreementNumber, "customer_request");
    await eventually(
      () => fixture.hub.notices.length,
      (count) => count >= 2,
    );
    fixture.hub.answerNoticesWith(204);
    const [sent] = await eventually(
      () => fixture.bank.notices(),
      ([view]) => view?.status === "delivered",
    );
    expect(sent?.attempts).toBeGreaterThanOrEqual(3);
    expect(
      new Set(
        fixture.hub.notices.map((received) => (received.body as { noticeId: string }).noticeId),
      ),
    ).toEqual(new Set([notice?.noticeId]));
  });
});

describe("a password that expired", () => {
  const fixture = useBank({ signing: { otpTtlMs: 1 } });

  it("is refused as expired", async () => {
    const requested = await fixture.call("/agreements/sign-requests", signRequestFor());
    await sleep(5);
    const confirmed = await fixture.call("/agreements/sign-confirmations", {
      signRequestId: requested.body.signRequestId,
      paymentInstitutionId: pi,
      otp: fixture.bank.latestOtp(alice.mobile),
    });
    expect(confirmed).toMatchObject({ status: 422, body: { code: "otp_expired" } });
  });
});
