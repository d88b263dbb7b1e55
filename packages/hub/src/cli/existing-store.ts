import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  type Database,
  type DatabaseConfig,
  hasSchema,
  openDatabase,
  sqliteFileName,
} from "../adapters/store/database.ts";
import { CliError } from "./cli-error.ts";

const advice =
  "start the hub there first (npm start, or npx clearhub start), or point --data-dir, CLEARHUB_DATA_DIR or DATABASE_URL at the store the hub uses";

/**
 * Opens the store of a hub that has run, for commands that read or add to it (`verify`,
 * `token create`). An empty store is refused, and an SQLite file that is not there is not
 * created: a command run against the wrong place must say so, not start a second database.
 */
export async function openExistingStore(
  config: DatabaseConfig & { readonly dataDir: string },
): Promise<Database> {
  const postgres = config.databaseUrl !== undefined && config.databaseUrl !== "";
  if (!postgres) {
    const file = join(config.dataDir, sqliteFileName);
    if (!existsSync(file)) throw new CliError(`no clearhub database at ${file}: ${advice}`);
  }
  const database = openDatabase(config);
  if (await hasSchema(database)) return database;
  await database.close();
  throw new CliError(`no clearhub schema in ${database.location}: ${advice}`);
}
