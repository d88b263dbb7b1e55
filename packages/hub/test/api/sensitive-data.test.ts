import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { Writable } from "node:stream";
import { expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import { expectProblem, openApiHarness } from "./api-harness.ts";
import { onboardParticipant } from "./participant-client.ts";

const cardNumber = "4111111111111111";
const accountNumber = "DE89370400440532013000";
const idNumber = "110101199003077777";

function logSink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

async function storedText(dataDir: string | undefined, rows: unknown): Promise<string> {
  if (dataDir === undefined) return JSON.stringify(rows, (_key, value) => String(value));
  const files = await readdir(dataDir);
  const contents = await Promise.all(files.map((file) => readFile(join(dataDir, file))));
  return contents.map((content) => content.toString("latin1")).join("");
}

describeEachBackend("sensitive data", (backend) => {
  it("stores and logs card, account and ID numbers only sealed or masked", async () => {
    const log = logSink();
    const api = await openApiHarness(backend, { logger: { level: "trace", stream: log.stream } });
    const { app, test } = api;
    try {
      const alpha = await onboardParticipant(api, "bank-alpha");
      await onboardParticipant(api, "bank-beta");
      const body = {
        id: "s-1",
        payee: "bank-beta",
        amount: "1.00",
        currency: "EUR",
        debtor: { name: "Li Wei", cardNumber: "4111 1111 1111 1111", idNumber },
        creditor: { accountNumber },
      };
      const created = await alpha.call("POST", "/v1/transfers", body);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        debtor: {
          name: "Li Wei",
          cardNumber: "****1111",
          idNumber: "1****77",
        },
        creditor: { accountNumber: "****3000" },
      });
      const replay = await alpha.call("POST", "/v1/transfers", body);
      expect(replay.headers["idempotent-replayed"]).toBe("true");
      expect(replay.json()).toEqual(created.json());
      const otherCard = { ...body, debtor: { ...body.debtor, cardNumber: "5555555555554444" } };
      expectProblem(
        await alpha.call("POST", "/v1/transfers", otherCard),
        409,
        "idempotency_key_reused",
      );
      const badCard = { ...body, id: "s-2", debtor: { cardNumber: "4111111111111112" } };
      expectProblem(
        await alpha.call("POST", "/v1/transfers", badCard),
        422,
        "card_number_check_digit_invalid",
      );
      const read = await alpha.call("GET", "/v1/transfers/s-1");
      expect(read.json()).toEqual(created.json());
      const everything = [
        created.body,
        replay.body,
        read.body,
        (await alpha.call("GET", "/v1/transfers")).body,
      ];
      const rows = await test.hub.database.kysely
        .selectFrom("transfer_details")
        .selectAll()
        .execute();
      await app.close();
      await test.hub.close();
      const stored = await storedText(test.database.dataDir, rows);
      expect(rows.length).toBe(1);
      for (const secret of [cardNumber, accountNumber, idNumber]) {
        expect(stored.includes(secret), `stored ${secret}`).toBe(false);
        expect(log.text().includes(secret), `logged ${secret}`).toBe(false);
        for (const answer of everything) expect(answer.includes(secret)).toBe(false);
      }
      expect(log.text()).toContain("bank-alpha");
    } finally {
      await test.database.dispose();
    }
  });
});
