import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import type { NewTransfer } from "../app/transfers/participant-transfer-service.ts";
import { hubActor } from "../domain/audit/audit-actor.ts";
import type { Participant } from "../domain/participant/participant.ts";
import { businessDayCentredOn, businessDayHolding } from "../domain/reconciliation/business-day.ts";
import { type Hub, type HubConfig, openHub } from "../hub.ts";
import { BenchChild } from "./bench-child.ts";
import { writeParticipantFile } from "./bench-recon-file.ts";
import type {
  ReconChildMessage,
  ReconMatchOrder,
  ReconParentMessage,
} from "./bench-recon-protocol.ts";
import { type BenchBackend, openBenchStore, round } from "./bench-store.ts";

export interface ReconBenchOptions {
  readonly backend: BenchBackend;
  readonly databaseUrl: string;
  readonly rows: number;
  readonly progress: (line: string) => void;
}

export interface ReconBenchResult {
  readonly backend: BenchBackend;
  readonly rows: number;
  /** The match alone: parsing the file, staging it, joining, recording the breaks. */
  readonly seconds: number;
  /** The matcher process's most resident memory during the match, sampled every 20 ms. */
  readonly peakRssMb: number;
  readonly breaksFound: number;
  readonly breaksInjected: number;
  readonly falseBreaks: number;
  readonly seedSeconds: number;
  readonly exportSeconds: number;
  readonly exportRowsPerSecond: number;
}

const currency = "CNY";
const counterparts = 8;
const submissionSize = 1000;
const submissionsInFlight = 8;
/** One row in this many is broken, but at least every kind a few times on small days. */
const strideMax = 1000;
const matcherFile = fileURLToPath(new URL("./bench-recon-matcher.ts", import.meta.url));

async function register(hub: Hub, id: string): Promise<Participant> {
  const registered = await hub.participants.register(
    {
      id,
      name: id,
      kind: "payment_institution",
      currencies: [{ currency, netDebitCap: 10n ** 15n }],
    },
    hubActor,
  );
  if (!registered.ok) throw new Error(`registering ${id}: ${registered.code}`);
  return registered.value;
}

/** The day's transactions, through the participants' bulk transfer path: a third paid to self. */
async function seedDay(hub: Hub, rows: number, progress: (line: string) => void) {
  const self = await register(hub, "recon-self");
  const others = await Promise.all(
    Array.from({ length: counterparts }, (_, i) => register(hub, `recon-other-${i}`)),
  );
  let next = 0;
  const submit = async () => {
    while (next < rows) {
      const first = next;
      const size = Math.min(submissionSize, rows - first);
      next += size;
      const other = others[(first / submissionSize) % counterparts] as Participant;
      const incoming = Math.floor(first / submissionSize) % 3 === 2;
      const transfers = Array.from({ length: size }, (_, offset): NewTransfer => {
        const id = `recon-t${first + offset}`;
        return {
          id,
          payeeId: incoming ? self.id : other.id,
          amount: BigInt(100 + ((first + offset) % 100_000)),
          currency,
          requestHash: createHash("sha256").update(id).digest("hex"),
        };
      });
      const outcomes = await hub.participantTransfers.create(incoming ? other : self, transfers);
      const failed = outcomes.filter((outcome) => !outcome.ok).length;
      if (failed > 0) throw new Error(`${failed} seeded transfers refused`);
      if ((first / submissionSize) % 100 === 0)
        progress(`  ${first.toLocaleString("en")} / ${rows.toLocaleString("en")} transfers`);
    }
  };
  await Promise.all(Array.from({ length: submissionsInFlight }, submit));
  return self;
}

async function allBreakKeys(hub: Hub, participantId: string, day: string): Promise<Set<string>> {
  const keys = new Set<string>();
  let afterId: string | undefined;
  for (;;) {
    const page = await hub.reconciliation.listBreaks({ participantId, day, afterId, limit: 500 });
    for (const found of page) {
      keys.add(`${found.kind} ${found.hubTransactionId ?? found.matchKey.replace(/^ref:/, "")}`);
    }
    if (page.length < 500) return keys;
    afterId = page.at(-1)?.id;
  }
}

/** The hub of the benchmark's store, doing no background work, closed after `work`. */
async function withHub<T>(config: HubConfig, work: (hub: Hub) => Promise<T>): Promise<T> {
  const hub = await openHub(config);
  try {
    return await work(hub);
  } finally {
    await hub.close();
  }
}

/** The match, in a process of its own (see bench-recon-matcher.ts). */
async function matchInChild(order: ReconMatchOrder) {
  const matcher = new BenchChild<ReconParentMessage, ReconChildMessage>(
    matcherFile,
    "reconciliation matcher",
  );
  try {
    const matched = await matcher.ask({ type: "match", order }, "matched");
    if (matched.refusal !== undefined) throw new Error(`match refused: ${matched.refusal}`);
    return matched;
  } finally {
    await matcher.close({ type: "exit" });
  }
}

/**
 * `clearhub bench recon`: a day of `rows` transactions cleared through the ledger, the
 * participant's statement exported (streamed to a file), the participant's file made from it
 * with breaks of every kind injected, then the match in a fresh process of its own, timed and
 * its peak memory sampled; the breaks it stored are checked against those injected.
 */
export async function benchRecon(options: ReconBenchOptions): Promise<ReconBenchResult> {
  const store = await openBenchStore(options.backend, options.databaseUrl);
  const dir = await mkdtemp(join(tmpdir(), "clearhub-recon-"));
  const now = Date.now();
  const config = businessDayCentredOn(now);
  const day = businessDayHolding(now, config);
  const hubConfig: HubConfig = {
    ...store.config,
    expirePendings: false,
    dispatchWebhooks: false,
    inquireBankOperations: false,
    reconciliationDay: config,
  };
  try {
    const statementFile = join(dir, "statement.csv");
    const seeded = await withHub(hubConfig, async (hub) => {
      options.progress(`clearing a day of ${options.rows.toLocaleString("en")} transactions…`);
      const seedStarted = performance.now();
      const self = await seedDay(hub, options.rows, options.progress);
      const seedSeconds = (performance.now() - seedStarted) / 1000;
      options.progress("exporting the statement…");
      const exportStarted = performance.now();
      const csv = await hub.reconciliation.statementCsv(self.id, day);
      if (!csv.ok) throw new Error(csv.code);
      await pipeline(csv.value, createWriteStream(statementFile));
      return { self, seedSeconds, exportSeconds: (performance.now() - exportStarted) / 1000 };
    });

    const participantFile = join(dir, "participant.csv");
    const stride = Math.max(2, Math.min(strideMax, Math.floor(options.rows / 25)));
    const injected = await writeParticipantFile(statementFile, participantFile, stride);

    options.progress("matching the participant's file…");
    const matched = await matchInChild({
      store: store.config,
      reconciliationDay: config,
      participantId: seeded.self.id,
      day,
      file: participantFile,
    });

    const found = await withHub(hubConfig, (hub) => allBreakKeys(hub, seeded.self.id, day));
    const breaksFound = [...injected.keys].filter((key) => found.has(key)).length;
    return {
      backend: options.backend,
      rows: options.rows,
      seconds: matched.seconds,
      peakRssMb: matched.peakRssMb,
      breaksFound,
      breaksInjected: injected.keys.size,
      falseBreaks: [...found].filter((key) => !injected.keys.has(key)).length,
      seedSeconds: round(seeded.seedSeconds),
      exportSeconds: round(seeded.exportSeconds),
      exportRowsPerSecond: Math.round(options.rows / Math.max(seeded.exportSeconds, 0.001)),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await store.dispose();
  }
}

export function reconBenchTable(result: ReconBenchResult): string {
  return [
    `backend         ${result.backend}`,
    `day             ${result.rows.toLocaleString("en")} transactions (cleared in ${result.seedSeconds} s)`,
    `export          ${result.exportSeconds} s (${result.exportRowsPerSecond.toLocaleString("en")} rows/s, streamed)`,
    `match           ${result.seconds} s, peak RSS ${result.peakRssMb} MB (the matcher process)`,
    `breaks          ${result.breaksFound} of ${result.breaksInjected} injected found, ${result.falseBreaks} false`,
    "",
  ].join("\n");
}
