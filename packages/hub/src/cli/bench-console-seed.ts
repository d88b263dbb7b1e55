import { createHash } from "node:crypto";
import type { NewTransfer } from "../app/transfers/participant-transfer-service.ts";
import { hubActor } from "../domain/audit/audit-actor.ts";
import type { Participant } from "../domain/participant/participant.ts";
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
async function registerParticipants(hub: Hub, options: ConsoleSeedOptions): Promise<void> {
  for (let index = 0; index < options.participants; index++) {
    const id = seedParticipantId(index);
    if ((await hub.participants.find(id)).ok) continue;
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
    const funded = await hub.funds.moveFunds(
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
    if ((index + 1) % 100 === 0) options.progress(`  ${index + 1} participants registered`);
  }
}

/**
 * One payer's submission of transfers to payees spread over the network, deterministic (no
 * Math.random: a re-run against a kept store asks for exactly the same transfers).
 */
function seedSubmission(
  first: number,
  size: number,
  participantIds: readonly string[],
): { payerId: string; transfers: NewTransfer[] } {
  const count = participantIds.length;
  const payer = Math.floor(first / size) % count;
  const transfers = Array.from({ length: size }, (_, offset): NewTransfer => {
    const index = first + offset;
    const payee = (payer + 1 + ((index * 7919) % (count - 1))) % count;
    const id = `bench-t${index}`;
    return {
      id,
      payeeId: participantIds[payee] as string,
      amount: BigInt(100 + (index % 100_000)),
      currency: consoleSeedCurrency,
      reference: `order-${index % 1_000_000}`,
      requestHash: createHash("sha256").update(id).digest("hex"),
    };
  });
  return { payerId: participantIds[payer] as string, transfers };
}

/**
 * Through the participants' own transfer service, as their signed bulk requests would arrive
 * (less the HTTP and the signatures): each transfer gets its details row, as in production.
 */
async function seedTransfers(
  hub: Hub,
  participantIds: readonly string[],
  options: ConsoleSeedOptions,
): Promise<{ seconds: number; failed: number }> {
  const payers = new Map<string, Participant>();
  for (const id of participantIds) {
    const found = await hub.participants.find(id);
    if (!found.ok) throw new Error(`participant ${id} missing`);
    payers.set(id, found.value.participant);
  }
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
      const { payerId, transfers } = seedSubmission(first, options.submissionSize, participantIds);
      const outcomes = await hub.participantTransfers.create(
        payers.get(payerId) as Participant,
        transfers.slice(0, size),
      );
      // A replay (a kept store seeded in part by an interrupted run) is there already: fine.
      failed += outcomes.filter((outcome) => !outcome.ok).length;
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
  await registerParticipants(hub, options);
  const participantIds = Array.from({ length: options.participants }, (_, index) =>
    seedParticipantId(index),
  );
  if (await seededAlready(hub, options)) {
    options.progress("the kept store holds these transfers already");
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
  const { seconds, failed } = await seedTransfers(hub, participantIds, options);
  return {
    participantIds,
    currency: consoleSeedCurrency,
    seedSeconds: Math.round(seconds),
    transfersPerSecond: Math.round(options.transfers / Math.max(seconds, 0.001)),
    failed,
    kept: false,
  };
}
