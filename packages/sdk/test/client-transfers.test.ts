/**
 * The SDK against a real hub over HTTP: payments between two participants, reservations,
 * bulk, paging and refusals, each as a participant's program would see them.
 */
import { describeEachBackend } from "@clearhub/hub/test/support/backends.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClearhubClient, ClearhubProblemError } from "../src/index.ts";
import { type HubServer, startHubServer } from "./support/hub-server.ts";
import { rejection } from "./support/rejection.ts";

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function positionBalance(client: ClearhubClient): Promise<string | undefined> {
  const accounts = await client.accounts();
  return accounts.find((account) => account.kind === "position")?.balance;
}

describeEachBackend("a complete transfer", (backend) => {
  let server: HubServer;
  beforeAll(async () => {
    server = await startHubServer(backend);
  });
  afterAll(() => server.close());

  it("pays another participant: the payee sees it, both positions move", async () => {
    const wallet = (await server.participant("wallet-a")).client();
    const bank = (await server.participant("bank-b", "bank")).client();
    await wallet.ping();

    const paid = await wallet.createTransfer({
      payee: "bank-b",
      amount: "12.30",
      currency: "EUR",
      reference: "invoice 7",
    });

    expect(paid.replayed).toBe(false);
    expect(paid.transfer).toMatchObject({
      payer: "wallet-a",
      payee: "bank-b",
      amount: "12.30",
      currency: "EUR",
      state: "posted",
      reference: "invoice 7",
    });
    expect(paid.transfer.id).toMatch(uuidV4);
    expect(await bank.getTransfer(paid.transfer.id)).toEqual(paid.transfer);
    expect(await positionBalance(wallet)).toBe("-12.30");
    expect(await positionBalance(bank)).toBe("12.30");
  });

  it("reserves, then commits or voids; asking again is answered as a replay", async () => {
    const wallet = (await server.participant("wallet-c")).client();
    await server.participant("bank-d", "bank");
    const reserve = { payee: "bank-d", amount: "5.00", currency: "EUR", reserveForMs: 60_000 };

    const held = await wallet.createTransfer(reserve);
    expect(held.transfer.state).toBe("reserved");
    const committed = await wallet.commitTransfer(held.transfer.id);
    expect(committed).toMatchObject({ replayed: false, transfer: { state: "committed" } });
    expect((await wallet.commitTransfer(held.transfer.id)).replayed).toBe(true);

    const released = await wallet.createTransfer(reserve);
    expect((await wallet.voidTransfer(released.transfer.id)).transfer.state).toBe("voided");
    expect(await positionBalance(wallet)).toBe("-5.00");
  });
});

describe("transfers through the SDK [sqlite]", () => {
  let server: HubServer;
  beforeAll(async () => {
    server = await startHubServer();
  });
  afterAll(() => server.close());

  it("keeps a given id, and answers the same transfer sent again as a replay", async () => {
    const wallet = (await server.participant("wallet-e")).client();
    await server.participant("bank-f", "bank");
    const transfer = { id: "order-1", payee: "bank-f", amount: "1.00", currency: "EUR" };

    const first = await wallet.createTransfer(transfer);
    const again = await wallet.createTransfer(transfer);

    expect(first).toMatchObject({ replayed: false, transfer: { id: "order-1" } });
    expect(again).toEqual({ replayed: true, transfer: first.transfer });
  });

  it("sends a bulk request with an id for each item and answers each on its own", async () => {
    const wallet = (await server.participant("wallet-g")).client();
    await server.participant("bank-h", "bank");

    const results = await wallet.createTransfers([
      { payee: "bank-h", amount: "1.00", currency: "EUR" },
      { payee: "nobody", amount: "2.00", currency: "EUR" },
      { id: "bulk-3", payee: "bank-h", amount: "3.00", currency: "EUR" },
    ]);

    expect(results.map(({ status, code }) => ({ status, code }))).toEqual([
      { status: 201, code: undefined },
      { status: 422, code: "payee_not_found" },
      { status: 201, code: undefined },
    ]);
    expect(results[0]?.id).toMatch(uuidV4);
    expect(results[1]?.id).toMatch(uuidV4);
    expect(results[2]).toMatchObject({
      id: "bulk-3",
      replayed: false,
      transfer: { amount: "3.00" },
    });
  });

  it("pages through every transfer, newest first, following the cursor", async () => {
    const wallet = (await server.participant("wallet-i")).client();
    await server.participant("bank-j", "bank");
    const ids = Array.from({ length: 7 }, (_, index) => `page-${index}`);
    for (const id of ids) {
      await wallet.createTransfer({ id, payee: "bank-j", amount: "1.00", currency: "EUR" });
    }

    const first = await wallet.listTransfers({ limit: 3 });
    expect(first.transfers).toHaveLength(3);
    expect(first.next).not.toBeNull();
    const seen: string[] = [];
    for await (const transfer of wallet.allTransfers({ limit: 3 })) seen.push(transfer.id);
    expect(seen).toEqual([...ids].reverse());
    const none: string[] = [];
    for await (const transfer of wallet.allTransfers({ state: "voided" })) none.push(transfer.id);
    expect(none).toEqual([]);
  });

  it("throws a refusal as a ClearhubProblemError with the hub's code, title and errors", async () => {
    const wallet = (await server.participant("wallet-k")).client();

    const refused = await rejection(
      wallet.createTransfer({ payee: "nobody", amount: "1.00", currency: "EUR" }),
      ClearhubProblemError,
    );
    expect(refused).toMatchObject({
      status: 422,
      code: "payee_not_found",
      title: "No participant has the payee's id",
      attempts: 1,
    });
    expect(refused.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const invalid = await rejection(
      wallet.createTransfer({ payee: "bank-b", amount: "1.00", currency: "EUR", reserveForMs: 0 }),
      ClearhubProblemError,
    );
    expect(invalid).toMatchObject({ status: 400, code: "request_invalid" });
    expect(invalid.errors).toContainEqual(expect.objectContaining({ pointer: "/reserveForMs" }));

    await expect(wallet.getTransfer("no-such-transfer")).rejects.toMatchObject({
      status: 404,
      code: "transfer_not_found",
    });
  });

  it("is refused with the signature's code when its key is not the participant's", async () => {
    const wallet = await server.participant("wallet-l");
    const other = await server.participant("wallet-m");
    const impostor = wallet.client({ privateKey: other.privateKey });

    await expect(impostor.ping()).rejects.toMatchObject({
      status: 401,
      code: "signature_invalid",
      attempts: 1,
    });
  });

  it("registers, lists, reads and deletes webhook endpoints", async () => {
    const bank = (await server.participant("bank-n", "bank")).client();
    const endpoint = {
      id: "main",
      url: "https://bank-n.example/hooks",
      eventTypes: ["transfer.credited"],
    };

    const registered = await bank.registerWebhookEndpoint(endpoint);
    expect(registered).toMatchObject({ replayed: false, endpoint: { id: "main" } });
    expect((await bank.registerWebhookEndpoint(endpoint)).replayed).toBe(true);
    expect(await bank.listWebhookEndpoints()).toEqual([registered.endpoint]);
    expect(await bank.getWebhookEndpoint("main")).toEqual(registered.endpoint);

    await bank.deleteWebhookEndpoint("main");
    await expect(bank.getWebhookEndpoint("main")).rejects.toMatchObject({
      code: "webhook_endpoint_not_found",
    });
    await expect(bank.deleteWebhookEndpoint("main")).rejects.toMatchObject({ status: 404 });
  });
});
