import type { Redis } from "ioredis";
import { closeRedis, connectRedis } from "../adapters/redis/redis-connection.ts";
import { type Database, migrateToLatest, openDatabase } from "../adapters/store/database.ts";
import type { HubConfig } from "./hub-config.ts";
import type { LifecycleStack } from "./lifecycle-stack.ts";

/** The Redis hub nodes share when `redisUrl` is set; connected before returning. */
export async function connectSharedRedis(
  config: HubConfig,
  stack: LifecycleStack,
): Promise<Redis | undefined> {
  const redisUrl = config.redisUrl === "" ? undefined : config.redisUrl;
  if (redisUrl === undefined) return undefined;
  const redis = await connectRedis(redisUrl);
  stack.push("redis", () => closeRedis(redis));
  return redis;
}

/** The store (SQLite or PostgreSQL), migrated to the latest schema. */
export async function openMigratedDatabase(
  config: HubConfig,
  stack: LifecycleStack,
): Promise<Database> {
  const database = openDatabase(config);
  stack.push("database", () => database.close());
  await migrateToLatest(database);
  return database;
}
