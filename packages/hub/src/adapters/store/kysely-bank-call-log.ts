import type { Kysely } from "kysely";
import type { BankCallLog, BankCallRecord } from "../../app/ports/bank-call-log.ts";
import type { ClearhubSchema } from "./schema.ts";

/** The calls to banks, one row each, one insert per call. */
export class KyselyBankCallLog implements BankCallLog {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async record(call: BankCallRecord): Promise<void> {
    await this.db
      .insertInto("bank_calls")
      .values({
        bank_id: call.bankId,
        endpoint_id: call.endpointId,
        transaction_id: call.transactionId,
        call: call.call,
        attempt: call.attempt,
        outcome: call.outcome,
        detail: call.detail,
        latency_ms: call.latencyMs,
        at: BigInt(call.at),
      })
      .execute();
  }
}
