import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { NewTransfer } from "../app/transfers/participant-transfer-service.ts";
import { hubActor } from "../domain/audit/audit-actor.ts";
import type { Participant } from "../domain/participant/participant.ts";
import { businessDayRange } from "../domain/reconciliation/business-day.ts";
import { type Hub, openHub } from "../hub.ts";
import { writeParticipantFile } from "./bench-recon-file.ts";
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
  /** The most resident memory seen during the match, sampled every 20 ms. */
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
const rssSampleMs = 20;

/** A cut-off twelve hours from now (UTC): the business day holding now holds the whole run. */
function reconDayAroundNow(now: number) {
  const minute = Math.floor((now % 86_400_000) / 60_000);
  const config = { cutoffMinutes: (minute + 720) % 1440, timeZone: "UTC" };
  for (const offset of [-1, 0, 1]) {
    const day = new Date(now + offset * 86_400_000).toISOString().slice(0, 10);
    const range = businessDayRange(day, config);
    if (range.fromMs <= now && now < range.toMs) return { config, day };
  }
  throw new Error("no business day holds now");
}

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

/** Runs `work` while sampling this process's resident memory: its value and the peak, in MB. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, rssSampleMs);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peakRssMb: Math.round(peak / 2 ** 20) };
  } finally {
    clearInterval(sampler);
  }
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

/**
 * `clearhub bench recon`: a day of `rows` transactions cleared through the ledger, the
 * participant's statement exported (streamed to a file), the participant's file made from it
 * with breaks of every kind injected, then the match, timed and its peak memory sampled; the
 * breaks it stored are checked against those injected.
 */
export async function benchRecon(options: ReconBenchOptions): Promise<ReconBenchResult> {
  const store = await openBenchStore(options.backend, options.databaseUrl);
  const dir = await mkdtemp(join(tmpdir(), "clearhub-recon-"));
  const { config, day } = reconDayAroundNow(Date.now());
  try {
    const hub = await openHub({
      ...store.config,
      expirePendings: false,
      dispatchWebhooks: false,
      inquireBankOperations: false,
      reconciliationDay: config,
    });
    try {
      options.progress(`clearing a day of ${options.rows.toLocaleString("en")} transactions…`);
      const seedStarted = performance.now();
      const self = await seedDay(hub, options.rows, options.progress);
      const seedSeconds = (performance.now() - seedStarted) / 1000;

      options.progress("exporting the statement…");
      const statementFile = join(dir, "statement.csv");
      const exportStarted = performance.now();
      const csv = await hub.reconciliation.statementCsv(self.id, day);
      if (!csv.ok) throw new Error(csv.code);
      await pipeline(csv.value, createWriteStream(statementFile));
      const exportSeconds = (performance.now() - exportStarted) / 1000;

      const participantFile = join(dir, "participant.csv");
      const stride = Math.max(2, Math.min(strideMax, Math.floor(options.rows / 25)));
      const injected = await writeParticipantFile(statementFile, participantFile, stride);

      options.progress("matching the participant's file…");
      const started = performance.now();
      const { value: matched, peakRssMb } = await withPeakRss(() =>
        hub.reconciliation.match(self.id, day, createReadStream(participantFile), "bench"),
      );
      const seconds = (performance.now() - started) / 1000;
      if (!matched.ok) throw new Error(`match refused: ${matched.code}`);

      const found = await allBreakKeys(hub, self.id, day);
      const breaksFound = [...injected.keys].filter((key) => found.has(key)).length;
      return {
        backend: options.backend,
        rows: options.rows,
        seconds: round(seconds),
        peakRssMb,
        breaksFound,
        breaksInjected: injected.keys.size,
        falseBreaks: [...found].filter((key) => !injected.keys.has(key)).length,
        seedSeconds: round(seedSeconds),
        exportSeconds: round(exportSeconds),
        exportRowsPerSecond: Math.round(options.rows / Math.max(exportSeconds, 0.001)),
      };
    } finally {
      await hub.close();
    }
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
    `match           ${result.seconds} s, peak RSS ${result.peakRssMb} MB`,
    `breaks          ${result.breaksFound} of ${result.breaksInjected} injected found, ${result.falseBreaks} false`,
    "",
  ].join("\n");
}
