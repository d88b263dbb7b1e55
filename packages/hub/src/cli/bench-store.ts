import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export type BenchBackend = "sqlite" | "postgres";

export interface BenchStore {
  /** What `openHub` needs to open the store. */
  readonly config: { readonly dataDir?: string; readonly databaseUrl?: string };
  /** Deletes the directory or drops the schema, with everything in it. */
  dispose(): Promise<void>;
}

/** A throwaway store: a temp SQLite directory, or a fresh PostgreSQL schema dropped afterwards. */
export async function openBenchStore(
  backend: BenchBackend,
  databaseUrl: string,
): Promise<BenchStore> {
  if (backend === "sqlite") {
    const dataDir = await mkdtemp(join(tmpdir(), "clearhub-bench-"));
    return { config: { dataDir }, dispose: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const schema = `bench_${randomBytes(6).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    config: { databaseUrl: url.toString() },
    dispose: () => admin(`drop schema ${schema} cascade`),
  };
}

/**
 * A PostgreSQL schema kept between runs (created when absent, never dropped), for benchmarks
 * whose data takes minutes to build: the next run finds it and measures at once.
 */
export async function openKeptBenchSchema(
  databaseUrl: string,
  schema: string,
): Promise<BenchStore> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error("a kept schema is named in lower-case letters, digits and underscores");
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`create schema if not exists ${schema}`);
  } finally {
    await client.end();
  }
  const url = new URL(databaseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return { config: { databaseUrl: url.toString() }, dispose: async () => {} };
}

/** The value at `share` (0..1) of an ascending array; 0 for an empty one. */
export function percentile(sorted: Float64Array, share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
