import { fileURLToPath } from "node:url";

/**
 * The SQLite store's directory when `CLEARHUB_DATA_DIR` is not set: `data/` in the hub's
 * package, found from this file rather than the working directory, so `npm start` (run in
 * packages/hub) and `npx clearhub …` (run anywhere) open the same database.
 */
export const packageDataDir = fileURLToPath(new URL("../../data", import.meta.url));

export function dataDirFrom(environment: NodeJS.ProcessEnv): string {
  const configured = environment.CLEARHUB_DATA_DIR;
  return configured === undefined || configured === "" ? packageDataDir : configured;
}
