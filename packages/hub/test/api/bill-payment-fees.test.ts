/**
 * A bill payment's fee: the channel (the payer) is charged in the clearing's linked group,
 * shown in the answer and in the webhook of the posting's outcome; a retry charges nothing
 * twice; a payment whose fee would pass the channel's cap is refused whole; and the fee is
 * kept when a rejected posting's money is cleared back.
 */
import { afterEach, expect, it } from "vitest";
import { verifyLedger } from "../../src/app/ledger/verify-ledger.ts";
import { describeEachBackend } from "../support/backends.ts";
import { accountOf, expectProblem } from "./api-harness.ts";
import { closeBillPaymentNetworks, openNetwork, pay, position } from "./bill-payment-network.ts";

afterEach(closeBillPaymentNetworks);

/** 0.50 plus 10 bp: 0.53 on the 25.00 the helpers pay. */
const billFee = { fixed: "0.50", basisPoints: 10 };

describeEachBackend("bill payment fees", (backend) => {
  async function feeNetwork() {
    const net = await openNetwork(backend);
    const set = await net.api.callApproved(
      "PUT",
      "/operator/v1/fee-schedules/bill_payment/EUR",
      billFee,
    );
    expect(set.statusCode, set.body).toBe(200);
    await net.api.hub.database.kysely
      .insertInto("webhook_endpoints")
      .values({
        participant_id: "wallet-a",
        id: "ep-1",
        url: "https://wallet-a.example/hooks",
        event_types: "bill_payment.posted bill_payment.rejected",
        created_at: 0n,
      })
      .execute();
    return net;
  }

  it("charges the channel with the clearing, once, and shows it in the answer and the webhook", async () => {
    const { api, channel } = await feeNetwork();
    const paid = await pay(channel, "bp-1");
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({
      amount: "25.00",
      fee: { amount: "0.53", currency: "EUR" },
    });
    expect(await position(api, "wallet-a")).toBe(-2553n);
    expect(await position(api, "water-co")).toBe(2500n);
    expect((await accountOf(api, "operator", "fee")).creditsPosted).toBe("0.53");
    const again = await pay(channel, "bp-1");
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ fee: { amount: "0.53" } });
    expect(await position(api, "wallet-a")).toBe(-2553n);
    await api.hub.billPayments.drain();
    const [delivery] = await api.hub.database.kysely
      .selectFrom("webhook_deliveries")
      .select(["event_type", "payload"])
      .execute();
    expect(delivery?.event_type).toBe("bill_payment.posted");
    expect(JSON.parse(delivery?.payload ?? "{}")).toMatchObject({
      data: { paymentId: "bp-1", fee: { amount: "0.53", currency: "EUR" } },
    });
    expect((await verifyLedger(api.hub.ledgerStore)).problems).toEqual([]);
  });

  it("refuses a payment whose fee would pass the channel's cap, moving nothing", async () => {
    const { api, channel } = await feeNetwork();
    // The helpers onboard with a cap of 1,000.00: 999.60 fits alone, not with its 1.50 fee.
    expectProblem(await pay(channel, "bp-cap", { amount: "999.60" }), 422, "exceeds_net_debit_cap");
    expect(await position(api, "wallet-a")).toBe(0n);
    expect((await accountOf(api, "operator", "fee")).creditsPosted).toBe("0.00");
    const rows = await api.hub.database.kysely.selectFrom("bill_payments").selectAll().execute();
    expect(rows).toEqual([]);
  });

  it("keeps the fee when a rejected posting's money is cleared back", async () => {
    const { api, channel } = await feeNetwork();
    const stranger = { customerParameters: { account_number: "19999999" } };
    expect((await pay(channel, "bp-1", stranger)).statusCode).toBe(201);
    await api.hub.billPayments.drain();
    const shown = (await channel.call("GET", "/v1/bill-payments/bp-1")).json();
    expect(shown).toMatchObject({ state: "rejected", fee: { amount: "0.53" } });
    expect(await position(api, "wallet-a")).toBe(-53n);
    expect(await position(api, "water-co")).toBe(0n);
    expect((await verifyLedger(api.hub.ledgerStore)).problems).toEqual([]);
  });
});
