import pino from "pino";
import { describe, expect, it } from "vitest";
import { censoredValue, logRedaction, redactedFieldDepthMax } from "../../src/api/log-redaction.ts";

const cardNumber = "4111111111111111";
const accountNumber = "DE89370400440532013000";
const idNumber = "11010519491231002X";
const mobile = "+8613800138000";

/** A pino logger with the hub's redaction, writing its lines to memory. */
function recordingLogger() {
  const lines: string[] = [];
  const logger = pino({ redact: logRedaction() }, { write: (line: string) => lines.push(line) });
  return { logger, output: () => lines.join("") };
}

/** `{ a1: { a2: … { [field]: value } } }`, `depth` levels down. */
function nested(depth: number, field: string, value: unknown): Record<string, unknown> {
  let object: Record<string, unknown> = { [field]: value, kept: `level ${depth}` };
  for (let level = depth; level > 0; level--) object = { [`a${level}`]: object };
  return object;
}

describe("log redaction", () => {
  it(`masks a card number at every depth down to ${redactedFieldDepthMax}, in objects and arrays`, () => {
    const { logger, output } = recordingLogger();
    for (let depth = 0; depth <= redactedFieldDepthMax; depth++) {
      logger.info(nested(depth, "cardNumber", cardNumber), "card at depth %d", depth);
    }
    logger.info({ parties: [{ cardNumber }, { cardNumber }] }, "an array of parties");
    logger.info({ req: { body: { parties: { payer: { cardNumber } } } } }, "a request body");
    const logged = output();
    expect(logged).not.toContain(cardNumber);
    expect(logged).not.toContain(cardNumber.slice(0, 12));
    expect(logged.match(/"cardNumber":"\*\*\*\*1111"/g)).toHaveLength(redactedFieldDepthMax + 4);
    for (let depth = 0; depth <= redactedFieldDepthMax; depth++) {
      expect(logged).toContain(`"kept":"level ${depth}"`);
    }
  });

  it("masks account and ID numbers and hides mobile numbers, at the top and nested", () => {
    const { logger, output } = recordingLogger();
    const person = { accountNumber, idNumber, mobile, name: "Li Wei" };
    logger.info(person, "top");
    logger.info({ transfer: { parties: { payee: person } } }, "nested");
    const logged = output();
    for (const secret of [accountNumber, idNumber, mobile, mobile.slice(-8)]) {
      expect(logged).not.toContain(secret);
    }
    expect(logged.match(/"accountNumber":"\*\*\*\*3000"/g)).toHaveLength(2);
    expect(logged.match(/"idNumber":"1\*\*\*\*2X"/g)).toHaveLength(2);
    expect(logged.match(/"mobile":"\[redacted\]"/g)).toHaveLength(2);
    expect(logged.match(/"name":"Li Wei"/g)).toHaveLength(2);
  });

  it("hides a customer's parameters at a biller whole, as a channel or a biller sends them", () => {
    const { logger, output } = recordingLogger();
    logger.info({ req: { body: { customerParameters: { meterNumber: "MTR-88120045" } } } });
    logger.info({ customerParameters: [{ name: "meterNumber", value: "MTR-88120045" }] });
    const logged = output();
    expect(logged).not.toContain("88120045");
    expect(logged.match(/"customerParameters":"\[redacted\]"/g)).toHaveLength(2);
  });

  it("hides a sensitive field that is not text, rather than masking part of it", () => {
    const { logger, output } = recordingLogger();
    logger.info({ payer: { cardNumber: Number(cardNumber.slice(0, 15)), accountNumber: [1, 2] } });
    const logged = output();
    expect(logged).not.toContain(cardNumber.slice(0, 15));
    expect(logged).toContain(`"cardNumber":"${censoredValue}"`);
    expect(logged).toContain(`"accountNumber":"${censoredValue}"`);
  });

  it("hides credentials in request headers and keeps the other headers", () => {
    const { logger, output } = recordingLogger();
    const headers = {
      authorization: "Bearer chop_secret-token",
      signature: "sig1=:c2lnbmF0dXJl:",
      "signature-input": 'sig1=("@method");keyid="wallet.k1";nonce="n-123"',
      "content-type": "application/json",
    };
    logger.info({ req: { method: "POST", url: "/v1/transfers", headers } }, "incoming request");
    const logged = output();
    expect(logged).not.toContain("chop_secret-token");
    expect(logged).not.toContain("c2lnbmF0dXJl");
    expect(logged).not.toContain("n-123");
    expect(logged.match(/"\[redacted\]"/g)).toHaveLength(3);
    expect(logged).toContain('"content-type":"application/json"');
  });

  it("leaves the logged objects themselves untouched", () => {
    const { logger } = recordingLogger();
    const payer = { cardNumber };
    logger.info({ payer });
    expect(payer.cardNumber).toBe(cardNumber);
  });
});
