import { hubActor } from "../domain/audit/audit-actor.ts";
import type { TransferRequest } from "../domain/ledger/transfer.ts";
import type { Hub } from "../hub.ts";

/**
 * The network `clearhub bench console` measures the operator's view against: many participants
 * and a large ledger, built through the hub's own services and group-commit ledger (so the
 * journal, balances and indexes are exactly what production would hold), not by inserting rows.
 */
export interface ConsoleSeedOptions {
  readonly participants: number;
  readonly transfers: number;
  /** Transfers per ledger submission; several submissions are in flight at once. */
  readonly submissionSize: number;
  readonly submissionsInFlight: number;
  readonly progress: (line: string) => void;
}

export interface SeededNetwork {
  readonly participantIds: readonly string[];
  readonly currency: string;
  readonly seedSeconds: number;
  readonly transfersPerSecond: number;
  readonly failed: number;
  /** True when a kept store held the whole seed and nothing was cleared. */
  readonly kept: boolean;
}

export const consoleSeedCurrency = "CNY";
/** High enough never to bind: the bench measures reads, not refusals. */
const netDebitCapMinor = 10n ** 15n;
const depositMinor = 1_000_000_00n;
const progressIntervalMs = 5_000;

export function seedParticipantId(index: number): string {
  return `bench-p${String(index).padStart(5, "0")}`;
}

/** Banks and payment institutions in turn, each funded, so every overview column is filled. */
async function registerParticipants(hub: Hub, options: ConsoleSeedOptions): Promise<number[]> {
  const positionAccountIds: number[] = [];
  for (let index = 0; index < options.participants; index++) {
    const id = seedParticipantId(index);
    const kept = await hub.participantStore.findAccount(id, consoleSeedCurrency, "position");
    if (kept !== undefined) {
      positionAccountIds.push(kept.id);
      continue;
    }
    const registered = await hub.participants.register(
      {
        id,
        name: `Bench participant ${index}`,
        kind: index % 2 === 0 ? "payment_institution" : "bank",
        currencies: [{ currency: consoleSeedCurrency, netDebitCap: netDebitCapMinor }],
      },
      hubActor,
    );
    if (!registered.ok) throw new Error(`registering ${id}: ${registered.code}`);
    const funded = await hub.participants.moveFunds(
      {
        participantId: id,
        transferId: `bench-deposit-${id}`,
        direction: "in",
        amount: depositMinor,
        currency: consoleSeedCurrency,
      },
      hubActor,
    );
    if (!funded.ok || funded.value !== "ok") throw new Error(`funding ${id} failed`);
    const position = await hub.participantStore.findAccount(id, consoleSeedCurrency, "position");
    if (position === undefined) throw new Error(`position account of ${id} missing`);
    positionAccountIds.push(position.id);
    if ((index + 1) % 100 === 0) options.progress(`  ${index + 1} participants registered`);
  }
  return positionAccountIds;
}

/** A deterministic spread of payers, payees, amounts and references (no Math.random: re-runs match). */
function seedTransfer(index: number, accountIds: readonly number[]): TransferRequest {
  const count = accountIds.length;
  const payer = (index * 7919) % count;
  const step = 1 + ((index * 104_729) % (count - 1));
  const payee = (payer + step) % count;
  return {
    kind: "posted",
    id: `bench-t${index}`,
    debitAccountId: accountIds[payer] as number,
    creditAccountId: accountIds[payee] as number,
    amount: BigInt(100 + (index % 100_000)),
    currency: consoleSeedCurrency,
    reference: `order-${index % 1_000_000}`,
  };
}

async function seedTransfers(
  hub: Hub,
  accountIds: readonly number[],
  options: ConsoleSeedOptions,
): Promise<{ seconds: number; failed: number }> {
  let next = 0;
  let done = 0;
  let failed = 0;
  const started = performance.now();
  const ticker = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    options.progress(
      `  ${done.toLocaleString("en")} / ${options.transfers.toLocaleString("en")} transfers (${Math.round(done / seconds).toLocaleString("en")}/s)`,
    );
  }, progressIntervalMs);
  const submitter = async () => {
    while (next < options.transfers) {
      const first = next;
      const size = Math.min(options.submissionSize, options.transfers - first);
      next += size;
      const requests = Array.from({ length: size }, (_, offset) =>
        seedTransfer(first + offset, accountIds),
      );
      const codes = await hub.ledger.submit(requests);
      // `exists`: a kept store seeded in part by an interrupted run; those are there already.
      failed += codes.filter((code) => code !== "ok" && code !== "exists").length;
      done += size;
    }
  };
  try {
    await Promise.all(Array.from({ length: options.submissionsInFlight }, submitter));
  } finally {
    clearInterval(ticker);
  }
  return { seconds: (performance.now() - started) / 1000, failed };
}

/** Whether a kept store holds this seed whole: its last transfer is there. */
async function seededAlready(hub: Hub, options: ConsoleSeedOptions): Promise<boolean> {
  const last = await hub.database.kysely
    .selectFrom("transfers")
    .select("id")
    .where("id", "=", `bench-t${options.transfers - 1}`)
    .executeTakeFirst();
  return last !== undefined;
}

export async function seedConsoleNetwork(
  hub: Hub,
  options: ConsoleSeedOptions,
): Promise<SeededNetwork> {
  if (options.participants < 2) throw new Error("at least two participants are needed");
  options.progress(`registering and funding ${options.participants} participants…`);
  const accountIds = await registerParticipants(hub, options);
  if (await seededAlready(hub, options)) {
    options.progress("the kept store holds these transfers already");
    const participantIds = accountIds.map((_, index) => seedParticipantId(index));
    return {
      participantIds,
      currency: consoleSeedCurrency,
      seedSeconds: 0,
      transfersPerSecond: 0,
      failed: 0,
      kept: true,
    };
  }
  options.progress(`clearing ${options.transfers.toLocaleString("en")} transfers between them…`);
  const { seconds, failed } = await seedTransfers(hub, accountIds, options);
  return {
    participantIds: accountIds.map((_, index) => seedParticipantId(index)),
    currency: consoleSeedCurrency,
    seedSeconds: Math.round(seconds),
    transfersPerSecond: Math.round(options.transfers / Math.max(seconds, 0.001)),
    failed,
    kept: false,
  };
}
