/**
 * verifySettlementWindows on both backends: windows built through the hub (settled, aborted and
 * carried, open) verify clean; each kind of tampering with the stored windows, positions and
 * legs, done behind the hub's back with raw SQL, is reported, and `clearhub verify` exits 1.
 */
import { type RawBuilder, sql } from "kysely";
import { afterEach, expect, it } from "vitest";
import { verifySettlementWindows } from "../../../src/app/settlement/verify-settlement-windows.ts";
import { describeEachBackend } from "../../support/backends.ts";
import { runCli } from "../../support/run-cli.ts";
import {
  closeOpenWindow,
  deposit,
  openSettlementNetwork,
  type SettlementNetwork,
  submitAll,
} from "../../support/settlement-network.ts";
import { testActor } from "../../support/test-actor.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * USD-1 settled (a posted, a committed and a posted transfer, legs through the ledger), USD-2
 * aborted into USD-3, USD-3 closed with USD-2's positions carried in, USD-4 open with a transfer.
 */
async function fourWindows(backend: "sqlite" | "postgres"): Promise<SettlementNetwork> {
  const network = await openSettlementNetwork(backend, ["ba", "bb", "bc"]);
  cleanups.push(network.dispose);
  const { hub } = network;
  const p = network.position as Record<"ba" | "bb" | "bc", number>;
  const usd = "USD";
  await deposit(hub, "ba", 1_000n, "dep-a");
  await submitAll(hub, [
    {
      kind: "posted",
      id: "t1",
      debitAccountId: p.ba,
      creditAccountId: p.bb,
      amount: 100n,
      currency: usd,
    },
    {
      kind: "pending",
      id: "h1",
      debitAccountId: p.bb,
      creditAccountId: p.bc,
      amount: 30n,
      currency: usd,
      timeoutMs: 60_000,
    },
  ]);
  await submitAll(hub, [
    { kind: "commit", id: "c1", pendingId: "h1" },
    {
      kind: "posted",
      id: "t3",
      debitAccountId: p.bc,
      creditAccountId: p.ba,
      amount: 10n,
      currency: usd,
    },
  ]);
  const first = await closeOpenWindow(hub);
  expect(await hub.settlement.confirm(first.id, { kind: "all" }, testActor)).toMatchObject({
    window: { state: "settled" },
  });
  await submitAll(hub, [
    {
      kind: "posted",
      id: "t4",
      debitAccountId: p.bb,
      creditAccountId: p.ba,
      amount: 5n,
      currency: usd,
    },
  ]);
  const second = await closeOpenWindow(hub);
  expect(await hub.settlement.abort(second.id, testActor)).toMatchObject({ into: { id: "USD-3" } });
  await submitAll(hub, [
    {
      kind: "posted",
      id: "t5",
      debitAccountId: p.ba,
      creditAccountId: p.bc,
      amount: 7n,
      currency: usd,
    },
  ]);
  await closeOpenWindow(hub);
  await submitAll(hub, [
    {
      kind: "posted",
      id: "t6",
      debitAccountId: p.bc,
      creditAccountId: p.bb,
      amount: 3n,
      currency: usd,
    },
  ]);
  return network;
}

const verify = (network: SettlementNetwork) =>
  verifySettlementWindows(network.hub.settlementStore, network.hub.ledgerStore);

const exec = (network: SettlementNetwork, query: RawBuilder<unknown>) =>
  query.execute(network.hub.database.kysely);

const cliTarget = (network: SettlementNetwork) =>
  network.database.databaseUrl !== undefined
    ? ["--database-url", network.database.databaseUrl]
    : ["--data-dir", network.database.dataDir as string];

describeEachBackend("verifySettlementWindows", (backend) => {
  it("verifies settled, aborted, carried and open windows", async () => {
    const network = await fourWindows(backend);
    expect(await verify(network)).toEqual({ ok: true, windows: 4, problems: [] });
    const report = await network.hub.settlement.report("USD-3");
    expect(report?.positions.map((q) => [q.participantId, q.net])).toEqual([
      ["ba", -2n],
      ["bb", -5n],
      ["bc", 7n],
    ]);
  });

  it("reports a stored net position that its transfers do not give, and `clearhub verify` exits 1", async () => {
    const network = await fourWindows(backend);
    const ba = network.position.ba;
    await exec(
      network,
      sql`update settlement_positions set net = net + 1, gross_received = gross_received + 1 where window_id = 'USD-1' and account_id = ${ba}`,
    );
    const { ok, problems } = await verify(network);
    expect(ok).toBe(false);
    expect(problems).toEqual([
      `window USD-1: account ${ba} holds ba net -89 (sent 100, received 11), its transfers give ba net -90 (sent 100, received 10)`,
      "window USD-1: net positions sum to 1, not zero",
      `window USD-1: leg st.USD-1.${ba} moves 90, the net is -89`,
    ]);
    const run = await runCli(["verify", ...cliTarget(network)], { DATABASE_URL: undefined });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(
      `SETTLEMENT WINDOW VERIFICATION FAILED: 4 windows\n  - window USD-1: account ${ba} holds`,
    );
    const json = await runCli(["verify", "--json", ...cliTarget(network)], {
      DATABASE_URL: undefined,
    });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).settlement).toEqual({ ok: false, windows: 4, problems });
  });

  it("reports a carried window's tampered position in its own window and in the one it was carried into", async () => {
    const network = await fourWindows(backend);
    await exec(
      network,
      sql`update settlement_positions set gross_sent = gross_sent + 2 where window_id = 'USD-2'`,
    );
    const { problems } = await verify(network);
    expect(problems.filter((p) => p.startsWith("window USD-2:"))).toHaveLength(2);
    expect(problems.filter((p) => p.startsWith("window USD-3:"))).toEqual([]);
    // The close carried what USD-2 stored; re-deriving USD-3 from the ledger still matches, so
    // only USD-2 itself is wrong. Tampering USD-3 is caught there.
    await exec(
      network,
      sql`update settlement_positions set net = net - 1 where window_id = 'USD-3'`,
    );
    expect((await verify(network)).problems.some((p) => p.startsWith("window USD-3:"))).toBe(true);
  });

  it("reports windows that leave a gap, or none open", async () => {
    const network = await fourWindows(backend);
    const ends = await network.hub.settlementStore.readWindowsAfter("USD", 0, 10);
    const end1 = ends[0]?.endSeq as number;
    await exec(
      network,
      sql`update settlement_windows set end_seq = ${end1 - 1} where id = 'USD-1'`,
    );
    expect((await verify(network)).problems).toEqual([
      `window USD-2 starts after batch ${end1}, the window before it ends at ${end1 - 1}`,
    ]);
    await exec(network, sql`update settlement_windows set end_seq = ${end1} where id = 'USD-1'`);
    // The database keeps one open window per currency; none open is what tampering can do.
    const head = (await network.hub.ledgerStore.readJournalHead()).seq;
    await exec(
      network,
      sql`update settlement_windows set end_seq = ${head}, state = 'closed' where id = 'USD-4'`,
    );
    expect((await verify(network)).problems).toContain(
      `window USD-4 is closed with end ${head}: exactly the last window of USD is open, without an end`,
    );
  });

  it("reports a leg whose ledger transfer is missing or differs, and a settled window lacking a leg", async () => {
    const network = await fourWindows(backend);
    const bb = network.position.bb;
    await exec(
      network,
      sql`update settlement_legs set transfer_id = 'st.nowhere' where account_id = ${bb}`,
    );
    expect((await verify(network)).problems).toEqual([
      "window USD-1: leg st.nowhere is posted, but the ledger holds no such posted transfer",
      `transfer st.USD-1.${bb} is a settlement leg that no window records`,
    ]);
    await exec(network, sql`delete from settlement_legs where account_id = ${bb}`);
    expect((await verify(network)).problems).toEqual([
      `window USD-1 is settled, but account ${bb} (net 70) has no posted leg`,
      `transfer st.USD-1.${bb} is a settlement leg that no window records`,
    ]);
  });
});
