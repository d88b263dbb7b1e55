import type { Kysely } from "kysely";
import type {
  ParticipantCallLog,
  ParticipantCallRecord,
} from "../../app/ports/participant-call-log.ts";
import type { ClearhubSchema } from "./schema.ts";

/**
 * The calls to participants' systems, one row each, one insert per call. The table keeps the
 * name it had when banks were the only systems called; its `bank_id` is the called participant.
 */
export class KyselyBankCallLog implements ParticipantCallLog {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async record(call: ParticipantCallRecord): Promise<void> {
    await this.db
      .insertInto("bank_calls")
      .values({
        bank_id: call.participantId,
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
