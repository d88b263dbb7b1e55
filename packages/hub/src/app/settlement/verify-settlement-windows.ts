import type { StoredTransfer } from "../../domain/ledger/transfer.ts";
import type { NetPosition } from "../../domain/settlement/net-position.ts";
import { isSettlementLegTransferId } from "../../domain/settlement/settlement-leg.ts";
import type { SettlementWindow } from "../../domain/settlement/settlement-window.ts";
import { operatorParticipantId } from "../participants/participant-service.ts";
import type { AccountBalances, LedgerStore } from "../ports/ledger-store.ts";
import type { LegRecord } from "../ports/settlement-leg-store.ts";
import type { SettlementStore } from "../ports/settlement-store.ts";

export interface SettlementVerifyReport {
  readonly ok: boolean;
  readonly windows: number;
  readonly problems: readonly string[];
}

export type SettlementVerifyStore = Pick<
  SettlementStore,
  "readWindowsAfter" | "readPositions" | "readLegs"
>;

export type SettlementVerifyLedger = Pick<
  LedgerStore,
  "readAllAccounts" | "readJournalHead" | "readTransfersOfBatches" | "findTransfer"
>;

/** Windows listed at a time, and journal batches whose transfers are read at a time. */
const windowsPerReadMax = 500;
const batchesPerReadMax = 16;
/** Problems past this many are counted, not listed, as `verifyLedger` does. */
const problemsListedMax = 50;

/** Gross flows of one netted account within one window, as its transfers give them. */
interface Gross {
  readonly participantId: string;
  sent: bigint;
  received: bigint;
}

type Tally = Map<number, Gross>;

/**
 * Derives every settlement window from the ledger and checks it against what is stored, never
 * trusting the snapshots a close took: the windows of each currency tile the journal (numbered
 * in order, each starting where the one before ended, only the last open); each closed window's
 * net positions equal what its own transfers give (posted and committed, settlement legs left
 * out) plus the positions of the windows aborted into it, and sum to zero; each leg moves
 * exactly its position's net through a transfer the ledger holds, a settled window has a leg
 * for every position, and the ledger holds no leg that no window recorded.
 */
export async function verifySettlementWindows(
  settlement: SettlementVerifyStore,
  ledger: SettlementVerifyLedger,
): Promise<SettlementVerifyReport> {
  const problems: string[] = [];
  const report = (problem: string) => {
    if (problems.length < problemsListedMax) problems.push(problem);
    else if (problems.length === problemsListedMax) problems.push("… further problems not listed");
  };
  const accounts = await ledger.readAllAccounts();
  const netted = nettedAccounts(accounts);
  const head = (await ledger.readJournalHead()).seq;
  const tracks = new Map<string, WindowTrack>();
  let windowCount = 0;
  for (const currency of [...new Set(accounts.map((a) => a.currency))].sort()) {
    const windows = await readAllWindows(settlement, currency);
    windowCount += windows.length;
    const tiling = tilingProblems(currency, windows, head);
    for (const problem of tiling) report(problem);
    // Ranges that do not tile cannot be recomputed: the tiling problems say why.
    if (tiling.length === 0 && windows.length > 0) tracks.set(currency, new WindowTrack(windows));
  }
  const checker = new WindowChecker(settlement, ledger, report);
  for (let from = 1; from <= head; from += batchesPerReadMax) {
    const to = Math.min(head, from + batchesPerReadMax - 1);
    for (const transfer of await ledger.readTransfersOfBatches(from, to)) {
      const track = tracks.get(transfer.currency);
      if (track === undefined) continue;
      for (const passed of track.advanceTo(transfer.batchSeq)) await checker.check(...passed);
      track.add(transfer, netted);
    }
  }
  for (const track of tracks.values()) {
    for (const passed of track.finish()) await checker.check(...passed);
  }
  checker.checkStrayLegs();
  return { ok: problems.length === 0, windows: windowCount, problems };
}

/** The accounts that settle: positions, and the operator's fee account. */
function nettedAccounts(accounts: readonly AccountBalances[]): Map<number, string> {
  const netted = new Map<number, string>();
  for (const account of accounts) {
    const fee = account.kind === "fee" && account.participantId === operatorParticipantId;
    if (account.kind === "position" || fee) netted.set(account.id, account.participantId);
  }
  return netted;
}

async function readAllWindows(
  settlement: SettlementVerifyStore,
  currency: string,
): Promise<SettlementWindow[]> {
  const windows: SettlementWindow[] = [];
  for (;;) {
    const page = await settlement.readWindowsAfter(
      currency,
      windows.at(-1)?.number ?? 0,
      windowsPerReadMax,
    );
    windows.push(...page);
    if (page.length < windowsPerReadMax) return windows;
  }
}

function tilingProblems(
  currency: string,
  windows: readonly SettlementWindow[],
  head: number,
): string[] {
  const problems: string[] = [];
  const numbers = new Map(windows.map((w) => [w.id, w.number]));
  let previousEnd = 0;
  for (const [index, window] of windows.entries()) {
    const last = index === windows.length - 1;
    if (window.number !== index + 1) {
      problems.push(
        `${currency}: window ${window.id} is number ${window.number}, not ${index + 1}`,
      );
    }
    if (window.startSeq !== previousEnd) {
      problems.push(
        `window ${window.id} starts after batch ${window.startSeq}, the window before it ends at ${previousEnd}`,
      );
    }
    if (
      last !== (window.state === "open") ||
      (window.state === "open") !== (window.endSeq === null)
    ) {
      problems.push(
        `window ${window.id} is ${window.state} with end ${window.endSeq ?? "none"}: exactly the last window of ${currency} is open, without an end`,
      );
    }
    if (window.endSeq !== null && (window.endSeq < window.startSeq || window.endSeq > head)) {
      problems.push(
        `window ${window.id} ends at batch ${window.endSeq}, outside ${window.startSeq}..${head}`,
      );
    }
    const into = window.carriedInto === null ? undefined : numbers.get(window.carriedInto);
    if ((window.state === "aborted") !== (into !== undefined && into > window.number)) {
      problems.push(
        `window ${window.id} is ${window.state}, carried into ${window.carriedInto ?? "none"}`,
      );
    }
    previousEnd = window.endSeq ?? window.startSeq;
  }
  return problems;
}

/** One currency's windows, walked in journal order, tallying each window's transfers. */
class WindowTrack {
  private index = 0;
  private tally: Tally = new Map();
  private readonly legIds: string[] = [];

  constructor(private readonly windows: readonly SettlementWindow[]) {}

  /** The windows that end before `seq`, with their tallies; `seq` is then in the current one. */
  advanceTo(seq: number): [SettlementWindow, Tally, string[]][] {
    const passed: [SettlementWindow, Tally, string[]][] = [];
    for (;;) {
      const window = this.windows[this.index] as SettlementWindow;
      if (window.endSeq === null || seq <= window.endSeq) return passed;
      passed.push([window, this.tally, this.legIds.splice(0)]);
      this.tally = new Map();
      this.index++;
    }
  }

  add(transfer: StoredTransfer, netted: ReadonlyMap<number, string>): void {
    if (isSettlementLegTransferId(transfer.id)) {
      this.legIds.push(transfer.id);
      return;
    }
    if (transfer.kind !== "posted" && transfer.kind !== "commit") return;
    addGross(this.tally, netted, transfer.debitAccountId, transfer.amount, 0n);
    addGross(this.tally, netted, transfer.creditAccountId, 0n, transfer.amount);
  }

  /** Every window not passed yet, the open one included. */
  finish(): [SettlementWindow, Tally, string[]][] {
    const rest = this.windows.slice(this.index).map((window, offset) => {
      const tally: Tally = offset === 0 ? this.tally : new Map();
      return [window, tally, offset === 0 ? this.legIds.splice(0) : []] as [
        SettlementWindow,
        Tally,
        string[],
      ];
    });
    this.index = this.windows.length;
    return rest;
  }
}

/** Adds to a netted account's tally; other accounts do not settle. */
function addGross(
  tally: Tally,
  netted: ReadonlyMap<number, string>,
  accountId: number,
  sent: bigint,
  received: bigint,
): void {
  const participantId = netted.get(accountId);
  if (participantId === undefined) return;
  const gross = tally.get(accountId) ?? { participantId, sent: 0n, received: 0n };
  gross.sent += sent;
  gross.received += received;
  tally.set(accountId, gross);
}

/** Checks windows in number order; keeps the derived positions of aborted ones for their heirs. */
class WindowChecker {
  private readonly carried = new Map<string, NetPosition[]>();
  private readonly legTransfersSeen = new Set<string>();
  private readonly legsRecorded = new Set<string>();

  constructor(
    private readonly settlement: SettlementVerifyStore,
    private readonly ledger: SettlementVerifyLedger,
    private readonly report: (problem: string) => void,
  ) {}

  async check(window: SettlementWindow, tally: Tally, legIds: readonly string[]): Promise<void> {
    for (const id of legIds) this.legTransfersSeen.add(id);
    if (window.state === "open") return;
    const derived = derivedPositions(tally, this.carried.get(window.id) ?? []);
    this.carried.delete(window.id);
    if (window.state === "aborted" && window.carriedInto !== null) {
      this.carried.set(window.carriedInto, [
        ...(this.carried.get(window.carriedInto) ?? []),
        ...derived,
      ]);
    }
    const stored = await this.settlement.readPositions(window.id);
    this.comparePositions(window, stored, derived);
    const sum = stored.reduce((total, position) => total + position.net, 0n);
    if (sum !== 0n) this.report(`window ${window.id}: net positions sum to ${sum}, not zero`);
    await this.checkLegs(window, stored);
  }

  /** Leg transfers the ledger holds that no window's legs record. */
  checkStrayLegs(): void {
    for (const id of this.legTransfersSeen) {
      if (!this.legsRecorded.has(id)) {
        this.report(`transfer ${id} is a settlement leg that no window records`);
      }
    }
  }

  private comparePositions(
    window: SettlementWindow,
    stored: readonly NetPosition[],
    derived: readonly NetPosition[],
  ): void {
    const storedBy = new Map(stored.map((p) => [p.accountId, p]));
    const derivedBy = new Map(derived.map((p) => [p.accountId, p]));
    for (const accountId of new Set([...storedBy.keys(), ...derivedBy.keys()])) {
      const has = describePosition(storedBy.get(accountId));
      const gives = describePosition(derivedBy.get(accountId));
      if (has !== gives) {
        this.report(
          `window ${window.id}: account ${accountId} holds ${has}, its transfers give ${gives}`,
        );
      }
    }
  }

  private async checkLegs(window: SettlementWindow, stored: readonly NetPosition[]): Promise<void> {
    const legs = await this.settlement.readLegs(window.id);
    for (const leg of legs) this.legsRecorded.add(leg.transferId);
    if (window.state === "aborted" && legs.length > 0) {
      this.report(`window ${window.id} is aborted yet has ${legs.length} legs`);
    }
    const nets = new Map(stored.map((p) => [p.accountId, p.net]));
    for (const leg of legs) await this.checkLeg(window, leg, nets.get(leg.accountId) ?? 0n);
    if (window.state !== "settled") return;
    const posted = new Set(legs.filter((l) => l.state === "posted").map((l) => l.accountId));
    for (const position of stored) {
      if (position.net !== 0n && !posted.has(position.accountId)) {
        this.report(
          `window ${window.id} is settled, but account ${position.accountId} (net ${position.net}) has no posted leg`,
        );
      }
    }
  }

  private async checkLeg(window: SettlementWindow, leg: LegRecord, net: bigint): Promise<void> {
    const where = `window ${window.id}: leg ${leg.transferId}`;
    if (leg.amount !== -net) this.report(`${where} moves ${leg.amount}, the net is ${net}`);
    if (leg.state !== "posted") return;
    const transfer = await this.ledger.findTransfer(leg.transferId);
    const amount = leg.amount < 0n ? -leg.amount : leg.amount;
    const nettedSide = leg.amount > 0n ? transfer?.creditAccountId : transfer?.debitAccountId;
    if (transfer === undefined || transfer.kind !== "posted") {
      this.report(`${where} is posted, but the ledger holds no such posted transfer`);
    } else if (transfer.amount !== amount || nettedSide !== leg.accountId) {
      this.report(
        `${where} records ${leg.amount} on account ${leg.accountId}, the ledger moved ${transfer.amount} from ${transfer.debitAccountId} to ${transfer.creditAccountId}`,
      );
    }
  }
}

/** The positions a tally gives, with what aborted windows carried in; unmoved accounts left out. */
function derivedPositions(tally: Tally, carried: readonly NetPosition[]): NetPosition[] {
  const byAccount = new Map<number, Gross>(tally);
  for (const position of carried) {
    const own = byAccount.get(position.accountId);
    byAccount.set(position.accountId, {
      participantId: position.participantId,
      sent: (own?.sent ?? 0n) + position.grossSent,
      received: (own?.received ?? 0n) + position.grossReceived,
    });
  }
  return [...byAccount]
    .filter(([, gross]) => gross.sent !== 0n || gross.received !== 0n)
    .map(([accountId, gross]) => ({
      accountId,
      participantId: gross.participantId,
      grossSent: gross.sent,
      grossReceived: gross.received,
      net: gross.received - gross.sent,
    }));
}

function describePosition(position: NetPosition | undefined): string {
  if (position === undefined) return "nothing";
  return `${position.participantId} net ${position.net} (sent ${position.grossSent}, received ${position.grossReceived})`;
}
